/**
 * GitHub writes every timestamp as UTC with second precision (`2026-03-04T05:06:07Z`). Worlds built
 * with `Date#toISOString()` carry milliseconds, so everything the simulator sends goes through here.
 */
export function githubTime(value: string): string;
export function githubTime(value: string | null): string | null;
export function githubTime(value: string | null): string | null {
  if (value === null) return null;
  if (value.length === 20 && value.endsWith('Z')) return value;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return value;
  return formatGithubTime(new Date(parsed));
}

export function formatGithubTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Milliseconds since the epoch, for comparisons; unparsable strings sort first. */
export function timeValue(value: string | null): number {
  if (value === null) return Number.NEGATIVE_INFINITY;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
}
