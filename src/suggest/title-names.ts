/**
 * Products and projects a title names: "Deploy adapter for Netlify", "Embed YouTube videos".
 * Two requests that name different ones ("… for Netlify" and "… for Render"), each name absent
 * from the other request, ask for different integrations however alike the rest of their text.
 *
 * Names are compared as `words()` spells them (lower case, no accents).
 *
 * A name is a capitalised word that does not start a sentence ("Hugo", "GitHub", "SolidJS").
 * Acronyms in capitals ("CLI", "HTML", "CMS") name kinds of things rather than products and do
 * not count. Titles In Title Case capitalise every word, so they name nothing we can tell.
 */
import { STOP_WORDS } from './stop-words.ts';
import { words as normalisedWords } from './tokenize.ts';

const SENTENCE_BREAK = /[:!?]\s+|\.\s+|\s[-–—]\s|[()[\]"“”]/u;
const WORD = /[\p{L}\p{N}]+/gu;
const MIN_LOWER_CASE_WORD = 4;

function isCapitalised(word: string): boolean {
  return /\p{Lu}/u.test(word) && word !== word.toUpperCase();
}

/** The names in a title, lower case; none when the title is in Title Case. */
export function titleNames(title: string): string[] {
  const names: string[] = [];
  let sawLowerCaseWord = false;
  for (const segment of title.split(SENTENCE_BREAK)) {
    const words = segment.match(WORD) ?? [];
    words.forEach((word, index) => {
      if (index === 0) return;
      if (isCapitalised(word) && !STOP_WORDS.has(word.toLowerCase())) names.push(...normalisedWords(word));
      else if (word.length >= MIN_LOWER_CASE_WORD && word === word.toLowerCase() && /\p{L}/u.test(word)) sawLowerCaseWord = true;
    });
  }
  return sawLowerCaseWord ? [...new Set(names)].sort() : [];
}

/**
 * Whether each request names something in its title that the other never mentions (`words`:
 * every lower-case word of a request, title and body).
 */
export function nameDifferentThings(
  a: { names: readonly string[]; words: ReadonlySet<string> },
  b: { names: readonly string[]; words: ReadonlySet<string> },
): boolean {
  return a.names.some((name) => !b.words.has(name)) && b.names.some((name) => !a.words.has(name));
}
