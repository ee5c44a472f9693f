/**
 * Words spelt the way the rest of the project spells them. Terms are compared whole, so a typo
 * ("Markdwon previews") or a compound written apart ("auto complete" where others write
 * "autocomplete") would share nothing with the word it stands for.
 *
 * - A typo is a word found in one request only that is a word found in more requests with two
 *   neighbouring letters swapped, or a letter left out or added. Other words one letter apart
 *   are more often two words than a typo ("drafts", "drifts"), and so are words that differ in
 *   their last letters ("notice", "noticed"), short words ("light", "night") and words that
 *   start differently: none of those count. A typo is read as the more common word, the most
 *   common if several.
 * - Two neighbouring words that the project also writes as one ("auto complete", "front matter"
 *   where others write "frontmatter") are read as that one word; both parts must be words of
 *   their own (three letters or more, no stop word).
 *
 * Candidates for a typo come from an index of every word with one letter deleted, so the cost
 * grows with the vocabulary, not with its square.
 */
import { STOP_WORDS } from './stop-words.ts';

export const MIN_TYPO_LENGTH = 6;
/** Letters at the end of a word where a difference is more often an inflection ("notice", "noticed") than a typo. */
const INFLECTION_LETTERS = 2;
const MIN_COMPOUND_PART = 3;
const LETTERS = /^\p{L}+$/u;

export interface Spelling {
  /** Typo → the word it misspells. */
  corrections: ReadonlyMap<string, string>;
  /** Every word of the project, for compounds. */
  vocabulary: ReadonlySet<string>;
}

/**
 * Whether `typo` is `word` with two neighbouring letters swapped, or with one letter left out
 * or added, away from the word's last letters.
 */
function isTypoOf(typo: string, word: string): boolean {
  if (typo === word || Math.abs(typo.length - word.length) > 1) return false;
  let start = 0;
  while (start < typo.length && start < word.length && typo[start] === word[start]) start++;
  if (typo.length === word.length) {
    return typo[start] === word[start + 1] && typo[start + 1] === word[start] && typo.slice(start + 2) === word.slice(start + 2);
  }
  const [shorter, longer] = typo.length < word.length ? [typo, word] : [word, typo];
  return start < shorter.length - INFLECTION_LETTERS && shorter.slice(start) === longer.slice(start + 1);
}

function deletions(word: string): string[] {
  return Array.from(word, (_letter, index) => word.slice(0, index) + word.slice(index + 1));
}

function canBeTypo(word: string): boolean {
  return word.length >= MIN_TYPO_LENGTH && LETTERS.test(word) && !STOP_WORDS.has(word);
}

/** The project's spelling, from the words of each request (title and body, as `words()` returns them). */
export function projectSpelling(documentWords: ReadonlyArray<ReadonlySet<string>>): Spelling {
  const frequency = new Map<string, number>();
  for (const words of documentWords) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);

  // Every word found in two requests or more, under itself and under each of its one-letter deletions.
  const byVariant = new Map<string, string[]>();
  for (const [word, count] of frequency) {
    if (count < 2 || !canBeTypo(word)) continue;
    for (const variant of [word, ...deletions(word)]) byVariant.set(variant, [...(byVariant.get(variant) ?? []), word]);
  }

  // More requests first, then alphabetical order, so that the choice never depends on input order.
  const moreCommon = (a: string, b: string): boolean => {
    const [countA, countB] = [frequency.get(a) ?? 0, frequency.get(b) ?? 0];
    return countA > countB || (countA === countB && a < b);
  };
  const corrections = new Map<string, string>();
  for (const [word, count] of frequency) {
    if (count !== 1 || !canBeTypo(word)) continue;
    let best: string | null = null;
    for (const variant of [word, ...deletions(word)]) {
      for (const candidate of byVariant.get(variant) ?? []) {
        if (candidate[0] === word[0] && isTypoOf(word, candidate) && (best === null || moreCommon(candidate, best))) best = candidate;
      }
    }
    if (best !== null) corrections.set(word, best);
  }
  return { corrections, vocabulary: new Set(frequency.keys()) };
}

function isCompoundPart(word: string): boolean {
  return word.length >= MIN_COMPOUND_PART && LETTERS.test(word) && !STOP_WORDS.has(word);
}

/** A run of words, typos corrected and compounds joined. */
export function respell(words: readonly string[], spelling: Spelling): string[] {
  const respelt: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    const next = words[index + 1];
    if (next !== undefined && isCompoundPart(word) && isCompoundPart(next) && spelling.vocabulary.has(word + next)) {
      respelt.push(word + next);
      index++;
    } else {
      respelt.push(spelling.corrections.get(word) ?? word);
    }
  }
  return respelt;
}
