/**
 * Progress while a sync runs (items, pages, points used, rate limit left) and the numbers for the
 * summary at the end. Writes to a stream (stderr by default) so stdout stays clean for scripts.
 */
export interface RequestCounts {
  rest: number;
  graphql: number;
  /** GraphQL points as reported by GitHub's `rateLimit { cost }`. */
  points: number;
  /** Remaining budget from the latest response headers, per resource (`core`, `graphql`). */
  remaining: Record<string, number>;
}

export interface SyncProgress {
  readonly counts: RequestCounts;
  /** A request was sent (every attempt counts, answered or not). */
  sent(kind: 'rest' | 'graphql'): void;
  /** A request was answered: its cost and the rate limit left. */
  request(kind: 'rest' | 'graphql', cost: number | null, headers: Record<string, unknown>): void;
  step(source: string, message: string): void;
  warn(message: string): void;
}

export function createProgress(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): SyncProgress {
  const counts: RequestCounts = { rest: 0, graphql: 0, points: 0, remaining: {} };
  return {
    counts,
    sent(kind) {
      counts[kind] += 1;
    },
    request(kind, cost, headers) {
      if (cost !== null) counts.points += cost;
      const remaining = Number(headers['x-ratelimit-remaining']);
      const resource = String(headers['x-ratelimit-resource'] ?? (kind === 'graphql' ? 'graphql' : 'core'));
      if (Number.isFinite(remaining)) counts.remaining[resource] = remaining;
    },
    step(source, message) {
      const left = Object.entries(counts.remaining)
        .map(([resource, value]) => `${resource} ${value.toLocaleString('en-US')} left`)
        .join(', ');
      write(
        `  ${source}: ${message} · ${counts.rest + counts.graphql} requests, ${counts.points} points${left ? ` · ${left}` : ''}`,
      );
    },
    warn(message) {
      write(`  ! ${message}`);
    },
  };
}
