/**
 * Text that several requests share word for word is a template, not a description: the
 * answers of an issue form ("Post-processing the output with a script. It works but is slow"),
 * an environment line ("used for a documentation site"), a sentence pasted into a series of
 * requests. Two requests that share it are no more alike for that.
 *
 * Any run of `SHINGLE_WORDS` words found in `MIN_DOCUMENTS` bodies or more is boilerplate, and
 * the words it covers are left out of the bodies' terms. So is a shorter line found whole in as
 * many bodies: a template's checklist item ("Docs and an example"), a table row, a stock answer
 * ("None really"). People who ask for the same thing in their own words rarely repeat five words
 * in a row, or a whole line, so rewordings keep everything they share.
 * Cost: one pass over all words, one map entry per distinct run or short line.
 */

export const SHINGLE_WORDS = 5;
export const MIN_DOCUMENTS = 3;

function runKey(words: readonly string[], start: number): string {
  return words.slice(start, start + SHINGLE_WORDS).join(' ');
}

/** A line too short for a run is counted whole; its key has fewer words than any run's. */
function shortLineKey(words: readonly string[]): string | null {
  return words.length > 0 && words.length < SHINGLE_WORDS ? words.join(' ') : null;
}

/** In how many bodies each run of words, and each short line, occurs; each body is a list of lines' words. */
export function countRuns(bodies: ReadonlyArray<ReadonlyArray<readonly string[]>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const lines of bodies) {
    const seen = new Set<string>();
    for (const words of lines) {
      const lineKey = shortLineKey(words);
      if (lineKey !== null) seen.add(lineKey);
      for (let start = 0; start + SHINGLE_WORDS <= words.length; start++) seen.add(runKey(words, start));
    }
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * The words of a line that are not boilerplate, as the runs between boilerplate: phrases
 * and synonyms must not match across a gap.
 */
export function withoutBoilerplate(words: readonly string[], runs: ReadonlyMap<string, number>): string[][] {
  const lineKey = shortLineKey(words);
  if (lineKey !== null && (runs.get(lineKey) ?? 0) >= MIN_DOCUMENTS) return [];
  const boilerplate = new Array<boolean>(words.length).fill(false);
  for (let start = 0; start + SHINGLE_WORDS <= words.length; start++) {
    if ((runs.get(runKey(words, start)) ?? 0) < MIN_DOCUMENTS) continue;
    for (let index = start; index < start + SHINGLE_WORDS; index++) boilerplate[index] = true;
  }
  const kept: string[][] = [];
  let current: string[] = [];
  words.forEach((word, index) => {
    if (boilerplate[index]) {
      if (current.length > 0) kept.push(current);
      current = [];
    } else {
      current.push(word);
    }
  });
  if (current.length > 0) kept.push(current);
  return kept;
}
