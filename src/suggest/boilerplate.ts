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

/** How many bodies each run and short line occurs in, keyed by the numbers of their words. */
export interface RunCounts {
  /** A number for each word of the bodies. */
  wordIds: Map<string, number>;
  counts: Map<string, number>;
}

/**
 * A line's words as numbers, `-1` for a word no body has. Keys are built from the numbers, two
 * UTF-16 units each: building and hashing a ten-unit key is a fraction of the cost of joining
 * five words, and a build counts every run of every body.
 */
function wordIdsOf(words: readonly string[], wordIds: Map<string, number>, addNew: boolean): number[] {
  return words.map((word) => {
    let id = wordIds.get(word);
    if (id === undefined) {
      if (!addNew) return -1;
      id = wordIds.size;
      wordIds.set(word, id);
    }
    return id;
  });
}

function keyOf(ids: readonly number[], start: number, end: number): string | null {
  const units: number[] = [];
  for (let index = start; index < end; index++) {
    const id = ids[index] ?? -1;
    if (id < 0) return null;
    units.push(id >>> 16, id & 0xffff);
  }
  return String.fromCharCode(...units);
}

/** A run of `SHINGLE_WORDS` words from `start`, or null for one with a word no body has. */
function runKey(ids: readonly number[], start: number): string | null {
  return keyOf(ids, start, start + SHINGLE_WORDS);
}

/** A line too short for a run is counted whole; its key is shorter than any run's. */
function shortLineKey(ids: readonly number[]): string | null {
  return ids.length > 0 && ids.length < SHINGLE_WORDS ? keyOf(ids, 0, ids.length) : null;
}

/** In how many bodies each run of words, and each short line, occurs; each body is a list of lines' words. */
export function countRuns(bodies: ReadonlyArray<ReadonlyArray<readonly string[]>>): RunCounts {
  const wordIds = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const lines of bodies) {
    const seen = new Set<string>();
    for (const words of lines) {
      const ids = wordIdsOf(words, wordIds, true);
      const lineKey = shortLineKey(ids);
      if (lineKey !== null) seen.add(lineKey);
      for (let start = 0; start + SHINGLE_WORDS <= ids.length; start++) seen.add(runKey(ids, start) as string);
    }
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { wordIds, counts };
}

function isBoilerplate(key: string | null, runs: RunCounts): boolean {
  return key !== null && (runs.counts.get(key) ?? 0) >= MIN_DOCUMENTS;
}

/**
 * The words of a line that are not boilerplate, as the runs between boilerplate: phrases
 * and synonyms must not match across a gap.
 */
export function withoutBoilerplate(words: readonly string[], runs: RunCounts): string[][] {
  const ids = wordIdsOf(words, runs.wordIds, false);
  if (isBoilerplate(shortLineKey(ids), runs)) return [];
  const boilerplate = new Array<boolean>(words.length).fill(false);
  for (let start = 0; start + SHINGLE_WORDS <= words.length; start++) {
    if (!isBoilerplate(runKey(ids, start), runs)) continue;
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
