/**
 * Time for generated worlds. A fixed "now" instead of the real clock keeps worlds reproducible;
 * every generated time lies before it.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The moment every generated world is observed at. */
export const NOW = Date.parse('2026-11-01T12:00:00Z');

/** GitHub's timestamp format: ISO 8601, UTC, second precision. */
export function iso(milliseconds: number): string {
  return new Date(Math.floor(milliseconds / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function at(isoText: string): number {
  const milliseconds = Date.parse(isoText);
  if (Number.isNaN(milliseconds)) throw new Error(`not a date: ${isoText}`);
  return milliseconds;
}

/** Uniform time in [from, to]; `to` earlier than `from` collapses to `from`. */
export function timeBetween(random: { next(): number }, from: number, to: number): number {
  return to <= from ? from : from + random.next() * (to - from);
}

/** Creation times in a growing project: activity rises over time, so later times are likelier. */
export function growingTime(random: { next(): number }, from: number, to: number): number {
  return from + Math.pow(random.next(), 0.7) * (to - from);
}
