/**
 * Fault injection: tests queue rules, and the next matching requests fail the way GitHub fails
 * (502s on long queries, dropped connections, secondary and primary rate limits, partial GraphQL
 * errors, arbitrary statuses). Rules are tried in the order they were added.
 */
import type { RequestKind } from './request-log.ts';

export type Fault =
  /** 502 with GitHub's body, as when a GraphQL query runs past GitHub's time limit. */
  | { type: 'bad-gateway' }
  /** Holds the request `ms` milliseconds, then answers 502. */
  | { type: 'timeout'; ms: number }
  /** Destroys the socket without answering. */
  | { type: 'reset' }
  /** 403 with `retry-after` and GitHub's secondary rate limit message. */
  | { type: 'secondary-rate-limit'; retryAfter: number }
  /** Empties the budget until `resetInSeconds` from now; the request then fails as exhaustion does. */
  | { type: 'primary-rate-limit'; resetInSeconds: number }
  /** GraphQL only: 200 with `errors`, and either `data: null` or the real data with one field nulled. */
  | { type: 'graphql-errors'; partial: boolean }
  /**
   * GraphQL only: 200 with the real data, one error at `path` (e.g. `repository.discussions.nodes.1.body`)
   * and null at `nulls` (default `path`): GitHub nulls the nearest nullable field above a failed
   * non-null one, so a whole listed node may be null while the error names a field inside it.
   */
  | { type: 'graphql-item-error'; path: (string | number)[]; nulls?: (string | number)[]; errorType?: string; message: string }
  /** Any status, with `body` (default: GitHub's `{ message }` for that status). */
  | { type: 'status'; status: number; body?: unknown };

export interface FaultRequest {
  kind: RequestKind;
  /** Path and query string, as in the request log. */
  path: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
  /** The GraphQL document; `null` for REST. */
  query: string | null;
}

export interface FaultMatch {
  kind?: RequestKind;
  operationName?: string;
  /** A string matches the path with or without its query string; a RegExp is tested on the whole. */
  path?: string | RegExp;
  when?: (request: FaultRequest) => boolean;
}

export interface FaultRule {
  match?: FaultMatch;
  /** How many requests this rule fails; default 1, `Infinity` for all of them. */
  times?: number;
  fault: Fault;
}

function matches(match: FaultMatch | undefined, request: FaultRequest): boolean {
  if (!match) return true;
  if (match.kind !== undefined && match.kind !== request.kind) return false;
  if (match.operationName !== undefined && match.operationName !== request.operationName) return false;
  if (match.path !== undefined) {
    if (typeof match.path === 'string') {
      const withoutQuery = request.path.split('?')[0];
      if (match.path !== request.path && match.path !== withoutQuery) return false;
    } else if (!match.path.test(request.path)) {
      return false;
    }
  }
  return match.when ? match.when(request) : true;
}

export class FaultInjector {
  #rules: { rule: FaultRule; left: number }[] = [];

  add(rule: FaultRule): void {
    const times = rule.times ?? 1;
    if (!(times > 0)) throw new RangeError(`A fault rule needs times > 0 (got ${String(times)}); leave it out for once.`);
    this.#rules.push({ rule, left: times });
  }

  clear(): void {
    this.#rules = [];
  }

  /** Rules still waiting to fire. */
  get pending(): readonly FaultRule[] {
    return this.#rules.map((entry) => entry.rule);
  }

  /** The fault for this request, if a rule matches; uses up one of that rule's `times`. */
  take(request: FaultRequest): Fault | null {
    for (const entry of this.#rules) {
      // Partial GraphQL errors mean nothing to a REST request.
      if ((entry.rule.fault.type === 'graphql-errors' || entry.rule.fault.type === 'graphql-item-error') && request.kind !== 'graphql') continue;
      if (!matches(entry.rule.match, request)) continue;
      entry.left -= 1;
      if (entry.left <= 0) this.#rules = this.#rules.filter((candidate) => candidate !== entry);
      return entry.rule.fault;
    }
    return null;
  }
}
