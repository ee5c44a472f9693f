/**
 * English stems, so that two people asking for the same thing in different grammatical forms
 * ("translations", "translated", "translate") still share words. Porter's 1980 algorithm comes
 * from the `stemmer` package; around it, British spellings fold into American ones first
 * ("customise", "colour"), because feature requests arrive in both, and "-ly" adverbs fold into
 * their stem as Porter2 does ("monthly" → "month").
 *
 * Stems are not words ("translat"); the report shows the words people wrote, not the stems.
 * @see https://tartarus.org/martin/PorterStemmer/def.txt
 * @see https://snowballstem.org/algorithms/english/stemmer.html (Porter2's "-li" rule)
 */
import { stemmer } from 'stemmer';

/** `-our` words whose American spelling is `-or`; listed, because "four", "hour" and "tour" are not. */
const BRITISH_OUR = /^(arm|behavi|col|endeav|fav|flav|harb|hon|hum|lab|neighb|rum|vap)our/;

/**
 * `-ise` and its forms after a stem of Porter measure 2 or more ("organise", "optimisation"),
 * spelt `-ize`; shorter stems keep their `s` ("promise", "raised").
 */
const BRITISH_ISE = /^([^aeiou]*(?:[aeiou]+[^aeiou]+){2,})is(e|es|ed|ing|ation|ations|er|ers)$/;

/** Porter2's "-li" ending: only after the letters that can end a stem before "-ly" ("family" keeps it). */
const LY_STEM = /^(.*[cdeghkmnrt])li$/;

/**
 * Stems already worked out. A tracker's vocabulary is a few tens of thousands of words, each
 * said thousands of times, so a word is stemmed once per process.
 */
const stems = new Map<string, string>();

/** The stem of a lower-case English word; words of one or two letters are their own stem. */
export function stem(word: string): string {
  let result = stems.get(word);
  if (result === undefined) {
    result = stemWord(word);
    stems.set(word, result);
  }
  return result;
}

function stemWord(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  const result = stemmer(word.replace(BRITISH_OUR, '$1or').replace(BRITISH_ISE, '$1iz$2'));
  if (!word.endsWith('ly')) return result;
  // Porter's step 2 asks the stem left to have a vowel followed by a consonant ("rely" stays).
  const adverb = LY_STEM.exec(result);
  return adverb?.[1] !== undefined && /[aeiouy][^aeiouy]/.test(adverb[1]) ? adverb[1] : result;
}
