/**
 * Plain text → terms: lower case, accents dropped, synonyms folded into one term, stop words
 * and bare numbers left out, every other word stemmed. Each term keeps the word it came from
 * (its surface), which is what the report shows.
 */
import { stem } from './stem.ts';
import { STOP_WORDS } from './stop-words.ts';
import { compileSynonyms, matchPhrase, SYNONYM_GROUPS } from './synonyms.ts';

export interface Token {
  /** What documents are compared on: a stem (`translat`) or a synonym group (`syn-i18n`). */
  term: string;
  /** The word as written, lower case (`translations`), or the synonym group's name. */
  surface: string;
}

const PHRASES = compileSynonyms(SYNONYM_GROUPS);
const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
const COMBINING_MARKS = /\p{M}+/gu;
// "don't" and "it’s" are one word; their apostrophe would otherwise split off a lone "t".
const APOSTROPHES = /['’`]/g;

/** Lower-case words without accents: "Rôle-based ACLs" → ["role", "based", "acls"]. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .split(WORD_SEPARATORS)
    .filter((word) => word !== '');
}

function isNoise(word: string): boolean {
  return word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word);
}

export function tokenize(text: string): Token[] {
  return tokenizeWords(words(text));
}

/** Terms of a run of words (as `words()` returns them). */
export function tokenizeWords(all: readonly string[]): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < all.length; ) {
    const phrase = matchPhrase(all, index, PHRASES);
    if (phrase !== null) {
      tokens.push({ term: phrase.term, surface: phrase.name });
      index += phrase.words.length;
      continue;
    }
    const word = all[index] ?? '';
    index++;
    if (!isNoise(word)) tokens.push({ term: stem(word), surface: word });
  }
  return tokens;
}
