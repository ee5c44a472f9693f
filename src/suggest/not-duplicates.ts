/**
 * Pairs that look alike but are known not to be duplicates, whatever their score: siblings of
 * a series, members of two different series, titles naming different products, a documentation
 * request and the feature it documents. Each rule is explained in its own file.
 */
import type { DocumentFeatures } from './document-features.ts';
import { nameDifferentThings } from './title-names.ts';
import { areOfDifferentSeries, areSeriesSiblings, type FrameCounts } from './title-series.ts';

export type NotDuplicateReason = 'series' | 'different-series' | 'different-names' | 'documentation-and-feature';

export interface CorpusContext {
  frames: FrameCounts;
  documentFrequency: ReadonlyMap<string, number>;
  /** The series frames each request's title fills (`seriesFrames`), by key. */
  seriesFramesOf: ReadonlyMap<string, ReadonlyArray<readonly string[]>>;
}

export function whyNotDuplicates(a: DocumentFeatures, b: DocumentFeatures, corpus: CorpusContext): NotDuplicateReason | null {
  if (a.isDocumentation !== b.isDocumentation) return 'documentation-and-feature';
  if (areSeriesSiblings(a, b, corpus.frames, corpus.documentFrequency)) return 'series';
  if (areOfDifferentSeries(a, corpus.seriesFramesOf.get(a.key) ?? [], b, corpus.seriesFramesOf.get(b.key) ?? [])) return 'different-series';
  if (nameDifferentThings({ names: a.titleNames, words: a.words }, { names: b.titleNames, words: b.words })) return 'different-names';
  return null;
}
