/**
 * Series of sibling requests: "Migration tool for Hugo sites", "… for Jekyll sites", "… for
 * Hexo sites". Their titles share a frame and differ in one slot, and their bodies are often
 * written from the same template, so every similarity measure calls them duplicates. They are
 * not: each asks for a different thing, named in the slot.
 *
 * A frame is a title's first p and last s terms (after stemming and synonyms) around a slot of
 * at least one term, two terms or more in all. Three or more titles of the project that fill
 * one frame are a series. Two titles are siblings when they fill the same frame with different
 * slots and either
 * - that frame, or a shorter one both fill ("Official … starter template" for "Official product
 *   landing page starter template" and "Official product changelog starter template"), is a
 *   series; or
 * - the frame is at least as long as each slot, and each slot holds a rare term the other
 *   request never uses ("Output WebP images" and "Output AVIF images").
 * Two titles that differ in common words ("Improve build speed", "Improve build performance")
 * are no series and are scored like any other pair.
 *
 * Series also tell apart requests of two different series about the same thing: "Embed
 * Mastodon posts with a shortcode" and "Comments on posts with Mastodon replies" share their
 * slot's name and little else. When each title fills a frame of its own series, and each of
 * those frames has a term the other request never uses, they ask for different things.
 */

/** Titles longer than this contribute only their first terms to frames: long titles are no template. */
const MAX_FRAMED_TERMS = 12;
const MIN_FRAME_TERMS = 2;
export const MIN_SERIES_TITLES = 3;
/** A term in at most this many requests names something specific. */
export const RARE_TERM_DOCUMENTS = 3;

export type FrameCounts = ReadonlyMap<string, number>;

export interface FramedTitle {
  /** The title's terms, in order. */
  titleTerms: readonly string[];
  /** Every term of the request, title and body. */
  weightOf: ReadonlyMap<string, number>;
}

function frameKey(terms: readonly string[], prefix: number, suffix: number): string {
  return `${terms.slice(0, prefix).join(' ')}|${terms.slice(terms.length - suffix).join(' ')}`;
}

function isFrame(length: number, prefix: number, suffix: number): boolean {
  return length - prefix - suffix >= 1 && prefix + suffix >= MIN_FRAME_TERMS;
}

/** How many titles fill each frame. O(t²) frames per title of t terms, t ≤ 12. */
export function countFrames(titles: ReadonlyArray<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const full of titles) {
    const terms = full.slice(0, MAX_FRAMED_TERMS);
    const seen = new Set<string>();
    for (let prefix = 0; prefix < terms.length; prefix++) {
      for (let suffix = 0; prefix + suffix < terms.length; suffix++) {
        if (!isFrame(terms.length, prefix, suffix)) continue;
        const key = frameKey(terms, prefix, suffix);
        if (seen.has(key)) continue;
        seen.add(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

function hasRareTermTheOtherLacks(slot: readonly string[], other: FramedTitle, documentFrequency: ReadonlyMap<string, number>): boolean {
  return slot.some((term) => (documentFrequency.get(term) ?? 0) <= RARE_TERM_DOCUMENTS && !other.weightOf.has(term));
}

/** Whether two requests are siblings of one series rather than duplicates. */
export function areSeriesSiblings(a: FramedTitle, b: FramedTitle, frames: FrameCounts, documentFrequency: ReadonlyMap<string, number>): boolean {
  const first = a.titleTerms.slice(0, MAX_FRAMED_TERMS);
  const second = b.titleTerms.slice(0, MAX_FRAMED_TERMS);
  let prefix = 0;
  while (prefix < first.length && prefix < second.length && first[prefix] === second[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < first.length - prefix &&
    suffix < second.length - prefix &&
    first[first.length - 1 - suffix] === second[second.length - 1 - suffix]
  ) {
    suffix++;
  }
  if (!isFrame(first.length, prefix, suffix) || !isFrame(second.length, prefix, suffix)) return false;
  if (fillsSeriesWithin(first, prefix, suffix, frames)) return true;
  const firstSlot = first.slice(prefix, first.length - suffix);
  const secondSlot = second.slice(prefix, second.length - suffix);
  return (
    prefix + suffix >= Math.max(firstSlot.length, secondSlot.length) &&
    hasRareTermTheOtherLacks(firstSlot, b, documentFrequency) &&
    hasRareTermTheOtherLacks(secondSlot, a, documentFrequency)
  );
}

/**
 * Whether a frame made of at most the first `prefix` and last `suffix` terms of `terms` is a
 * series. Every title that fills a frame also fills the shorter frames within it, so those
 * count at least as many titles: only the shortest ones need looking at.
 */
function fillsSeriesWithin(terms: readonly string[], prefix: number, suffix: number, frames: FrameCounts): boolean {
  for (let head = Math.min(prefix, MIN_FRAME_TERMS); head >= 0; head--) {
    const tail = MIN_FRAME_TERMS - head;
    if (tail <= suffix && (frames.get(frameKey(terms, head, tail)) ?? 0) >= MIN_SERIES_TITLES) return true;
  }
  return false;
}

/** The terms of each series frame a title fills. */
export function seriesFrames(titleTerms: readonly string[], frames: FrameCounts): string[][] {
  const terms = titleTerms.slice(0, MAX_FRAMED_TERMS);
  const found: string[][] = [];
  for (let prefix = 0; prefix < terms.length; prefix++) {
    for (let suffix = 0; prefix + suffix < terms.length; suffix++) {
      if (!isFrame(terms.length, prefix, suffix) || (frames.get(frameKey(terms, prefix, suffix)) ?? 0) < MIN_SERIES_TITLES) continue;
      found.push([...terms.slice(0, prefix), ...terms.slice(terms.length - suffix)]);
    }
  }
  return found;
}

function hasFrameTheOtherLacks(ownFrames: ReadonlyArray<readonly string[]>, other: FramedTitle): boolean {
  return ownFrames.some((frame) => frame.some((term) => !other.weightOf.has(term)));
}

/**
 * Whether two requests belong to different series: each title fills a series frame (`seriesFrames`)
 * that has a term the other request never uses.
 */
export function areOfDifferentSeries(
  a: FramedTitle,
  aSeriesFrames: ReadonlyArray<readonly string[]>,
  b: FramedTitle,
  bSeriesFrames: ReadonlyArray<readonly string[]>,
): boolean {
  return hasFrameTheOtherLacks(aSeriesFrames, b) && hasFrameTheOtherLacks(bSeriesFrames, a);
}
