/**
 * How alike two requests are, from 0 to 1: mostly the cosine of their TF-IDF vectors (shared
 * rare words, title words counting most), plus the Jaccard similarity of their titles'
 * character shingles (the same title spelt differently).
 */
import type { DocumentFeatures } from './document-features.ts';
import { jaccard } from './title-shingles.ts';

export interface ScoreWeights {
  /** Weight of the TF-IDF cosine; the shingle similarity gets the rest. */
  cosineWeight: number;
  /** How many shared terms a suggestion lists as its reasons. */
  reasonCount: number;
}

export interface PairScore {
  score: number;
  cosine: number;
  titleSimilarity: number;
  /** The shared terms that weigh most in the cosine, as written in the requests. */
  reasons: string[];
  /** How many terms the two requests share. */
  sharedTerms: number;
}

export function scorePair(a: DocumentFeatures, b: DocumentFeatures, weights: ScoreWeights): PairScore {
  const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  const shared: Array<{ term: string; contribution: number }> = [];
  let cosine = 0;
  for (const { term, weight } of small.terms) {
    const other = large.weightOf.get(term);
    if (other === undefined) continue;
    cosine += weight * other;
    shared.push({ term, contribution: weight * other });
  }
  const titleSimilarity = jaccard(a.titleShingles, b.titleShingles);
  const score = weights.cosineWeight * cosine + (1 - weights.cosineWeight) * titleSimilarity;
  const reasons = shared
    .sort((x, y) => y.contribution - x.contribution || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0))
    .slice(0, weights.reasonCount)
    .map(({ term }) => a.surfaceOf.get(term) ?? b.surfaceOf.get(term) ?? term);
  return { score, cosine, titleSimilarity, reasons, sharedTerms: shared.length };
}
