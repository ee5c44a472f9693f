/**
 * Small wording helpers shared by the schemas and the error map, so every problem in a
 * configuration reads the same way: what is wrong, then `Hint:` and how to fix it.
 */

const HINT_SEPARATOR = '. Hint: ';
const LONGEST_SHOWN_STRING = 60;

/** Joins a problem and its fix: `"acme" is not "owner/name". Hint: write …`. */
export function withHint(problem: string, hint: string | undefined): string {
  return hint === undefined ? problem : `${problem}${HINT_SEPARATOR}${hint}`;
}

/**
 * Shows a value the way the user wrote it in `roadmap.config.ts`: strings quoted, other
 * primitives as literals, and containers by kind, because printing a whole object would bury
 * the one field that is wrong.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > LONGEST_SHOWN_STRING ? `${value.slice(0, LONGEST_SHOWN_STRING)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (value instanceof Date) return 'a date';
  if (value instanceof RegExp) return 'a regular expression';
  return 'an object';
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`: for "expected one of" messages. */
export function listAlternatives(values: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${conjunction} ${values.at(-1) ?? ''}`;
}
