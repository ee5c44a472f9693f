/**
 * "Did you mean …?" suggestions for mistyped option names, status ids and reactions.
 *
 * Spelling is compared loosely (case, `-`, `_` and spaces ignored) because `THUMBS_UP` vs
 * `thumbs-up` or `in progress` vs `in-progress` are the slips people actually make.
 */

function loosely(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '');
}

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, at(i - 2, j - 2) + 1);
      }
      row[j] = distance;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate closest to `word`, or undefined when none is close enough to be a likely typo:
 * up to a third of the longer word may differ, at least one letter.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const target = loosely(word);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const other = loosely(candidate);
    const allowed = Math.max(1, Math.floor(Math.max(target.length, other.length) / 3));
    const distance = editDistance(target, other);
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
