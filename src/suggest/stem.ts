/**
 * A small English stemmer: Porter's 1980 algorithm, which folds "translations", "translated" and
 * "translate" into one term, so two people asking for the same thing in different grammatical
 * forms still share words. British spellings fold into American ones first ("customise",
 * "colour"), because feature requests arrive in both.
 *
 * Stems are not words ("translat"); the report shows the words people wrote, not the stems.
 * @see https://tartarus.org/martin/PorterStemmer/def.txt
 */

/** `-our` words whose American spelling is `-or`; listed, because "four", "hour" and "tour" are not. */
const BRITISH_OUR = /^(arm|behavi|col|endeav|fav|flav|harb|hon|hum|lab|neighb|rum|vap)our/;

function isConsonant(word: string, index: number): boolean {
  const char = word[index];
  if (char === 'a' || char === 'e' || char === 'i' || char === 'o' || char === 'u') return false;
  // "y" is a vowel after a consonant ("by", "style") and a consonant otherwise ("yes", "toy").
  if (char === 'y') return index === 0 || !isConsonant(word, index - 1);
  return true;
}

/** Porter's m: how many vowel-consonant sequences the stem has ("tr" 0, "trouble" 1, "troubles" 2). */
function measure(stem: string): number {
  let count = 0;
  let index = 0;
  while (index < stem.length && isConsonant(stem, index)) index++;
  while (index < stem.length) {
    while (index < stem.length && !isConsonant(stem, index)) index++;
    if (index >= stem.length) break;
    while (index < stem.length && isConsonant(stem, index)) index++;
    count++;
  }
  return count;
}

function hasVowel(stem: string): boolean {
  for (let index = 0; index < stem.length; index++) if (!isConsonant(stem, index)) return true;
  return false;
}

function endsWithDoubleConsonant(stem: string): boolean {
  const last = stem.length - 1;
  return last >= 1 && stem[last] === stem[last - 1] && isConsonant(stem, last);
}

/** Consonant-vowel-consonant at the end, the last not w, x or y ("hop", not "snow"). */
function endsCvc(stem: string): boolean {
  const last = stem.length - 1;
  if (last < 2) return false;
  const char = stem[last];
  return (
    isConsonant(stem, last) &&
    !isConsonant(stem, last - 1) &&
    isConsonant(stem, last - 2) &&
    char !== 'w' &&
    char !== 'x' &&
    char !== 'y'
  );
}

type Rule = readonly [suffix: string, replacement: string];

/**
 * Applies the first rule whose suffix the word ends with (rules are longest first), provided
 * the remaining stem is long enough; Porter's steps 2 to 4 each change at most one suffix.
 */
function replaceSuffix(word: string, rules: readonly Rule[], minimumMeasure: number, extra?: (stem: string, suffix: string) => boolean): string {
  for (const [suffix, replacement] of rules) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    if (measure(stem) > minimumMeasure && (extra?.(stem, suffix) ?? true)) return stem + replacement;
    return word;
  }
  return word;
}

function step1a(word: string): string {
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies')) return word.slice(0, -2);
  if (word.endsWith('ss')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function step1b(word: string): string {
  if (word.endsWith('eed')) return measure(word.slice(0, -3)) > 0 ? word.slice(0, -1) : word;
  let stem: string | null = null;
  if (word.endsWith('ed') && hasVowel(word.slice(0, -2))) stem = word.slice(0, -2);
  else if (word.endsWith('ing') && hasVowel(word.slice(0, -3))) stem = word.slice(0, -3);
  if (stem === null) return word;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
  // "localised" → "localise", so that it meets "localized" (→ "localize") in steps 3 and 4.
  if (stem.endsWith('is') && measure(stem.slice(0, -2)) > 1) return `${stem}e`;
  if (endsWithDoubleConsonant(stem) && !/[lsz]$/.test(stem)) return stem.slice(0, -1);
  if (measure(stem) === 1 && endsCvc(stem)) return `${stem}e`;
  return stem;
}

function step1c(word: string): string {
  return word.endsWith('y') && hasVowel(word.slice(0, -1)) ? `${word.slice(0, -1)}i` : word;
}

// "isation", "iser", "alise" and "ise" stand next to Porter's "-ize" forms for British spelling.
const STEP2: readonly Rule[] = [
  ['ational', 'ate'],
  ['isation', 'ize'],
  ['ization', 'ize'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['tional', 'tion'],
  ['biliti', 'ble'],
  ['ation', 'ate'],
  ['alism', 'al'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['entli', 'ent'],
  ['ousli', 'ous'],
  ['ator', 'ate'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['iser', 'ize'],
  ['abli', 'able'],
  ['alli', 'al'],
  ['logi', 'log'],
  ['bli', 'ble'],
  ['eli', 'e'],
  // Porter2's addition: adverbs in "-ly" after these letters fold into their stem ("monthly", "quickly").
  ['li', ''],
];

const LI_ENDING = /[cdeghkmnrt]$/;

const STEP3: readonly Rule[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['alise', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ness', ''],
  ['ful', ''],
];

const STEP4: readonly Rule[] = [
  ['ement', ''],
  ['ance', ''],
  ['ence', ''],
  ['able', ''],
  ['ible', ''],
  ['ment', ''],
  ['ant', ''],
  ['ent', ''],
  ['ion', ''],
  ['ism', ''],
  ['ate', ''],
  ['iti', ''],
  ['ous', ''],
  ['ive', ''],
  ['ize', ''],
  ['ise', ''],
  ['al', ''],
  ['er', ''],
  ['ic', ''],
  ['ou', ''],
];

function step5(word: string): string {
  let result = word;
  if (result.endsWith('e')) {
    const stem = result.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) result = stem;
  }
  if (measure(result) > 1 && result.endsWith('ll')) result = result.slice(0, -1);
  return result;
}

/**
 * Stems already worked out. A tracker's vocabulary is a few tens of thousands of words, each
 * said thousands of times, so a word is stemmed once per process.
 */
const stems = new Map<string, string>();

/** The stem of a lower-case English word; words of one or two letters are their own stem. */
export function stem(word: string): string {
  let result = stems.get(word);
  if (result === undefined) {
    result = porterStem(word);
    stems.set(word, result);
  }
  return result;
}

function porterStem(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  let result = word.replace(BRITISH_OUR, '$1or');
  result = step1a(result);
  result = step1b(result);
  result = step1c(result);
  result = replaceSuffix(result, STEP2, 0, (stem, suffix) => suffix !== 'li' || LI_ENDING.test(stem));
  result = replaceSuffix(result, STEP3, 0);
  result = replaceSuffix(result, STEP4, 1, (stem, suffix) => suffix !== 'ion' || /[st]$/.test(stem));
  return step5(result);
}
