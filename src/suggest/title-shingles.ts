/**
 * Character shingles of a title: every run of three characters of its meaningful words.
 * They catch what whole words miss: "darkmode" and "dark-mode", "colour" and "color",
 * "autocomplete" and "auto complete", and misspellings.
 */
import type { Token } from './tokenize.ts';

export const SHINGLE_LENGTH = 3;

/** The shingles of a title's tokens (stop words already gone), padded so word edges count. */
export function titleShingles(tokens: readonly Token[]): Set<string> {
  const shingles = new Set<string>();
  if (tokens.length === 0) return shingles;
  const text = ` ${tokens.map((token) => token.surface).join(' ')} `;
  for (let start = 0; start + SHINGLE_LENGTH <= text.length; start++) shingles.add(text.slice(start, start + SHINGLE_LENGTH));
  return shingles;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
}
