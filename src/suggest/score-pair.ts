/**
 * How alike two requests are, from 0 to 1: the cosine of their TF-IDF vectors, in which shared
 * rare words count most.
 */
import type { DocumentFeatures } from './document-features.ts';

export interface ScoreOptions {
  /** How many shared terms a suggestion lists as its reasons. */
  reasonCount: number;
}

export interface PairScore {
  score: number;
  /** The shared terms that weigh most in the score, as written in the requests. */
  reasons: string[];
  /** How many terms the two requests share. */
  sharedTerms: number;
}

export function scorePair(a: DocumentFeatures, b: DocumentFeatures, options: ScoreOptions): PairScore {
  const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  const shared: Array<{ term: string; contribution: number }> = [];
  let score = 0;
  for (const { term, weight } of small.terms) {
    const other = large.weightOf.get(term);
    if (other === undefined) continue;
    score += weight * other;
    shared.push({ term, contribution: weight * other });
  }
  const reasons = shared
    .sort((x, y) => y.contribution - x.contribution || (x.term < y.term ? -1 : x.term > y.term ? 1 : 0))
    .slice(0, options.reasonCount)
    .map(({ term }) => a.surfaceOf.get(term) ?? b.surfaceOf.get(term) ?? term);
  return { score, reasons, sharedTerms: shared.length };
}
