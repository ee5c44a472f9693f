/**
 * Likely duplicates among requests nobody has marked yet: pure and deterministic, offline.
 *
 * Documents are sorted by key first, so the input order never changes the result; scores are
 * rounded to four decimals before sorting, so the order does not depend on the last bits of a
 * floating-point sum either.
 */
import { candidatePairs, defaultMaxPostings } from './candidate-pairs.ts';
import { documentFeatures, type SuggestionDocument } from './document-features.ts';
import { scorePair } from './score-pair.ts';
import { whyNotDuplicates, type NotDuplicateReason } from './not-duplicates.ts';
import { countFrames, seriesFrames } from './title-series.ts';

export type { SuggestionDocument } from './document-features.ts';

export interface SuggestedDuplicate {
  /** The older request of the pair (then the smaller key). */
  a: string;
  /** The newer request: the one that probably duplicates `a`. */
  b: string;
  /** Similarity from 0 to 1, rounded to four decimals. */
  score: number;
  /** Shared terms that weigh most, as written in the requests. */
  reasons: string[];
}

export interface SuggestOptions {
  /** Pairs scoring below this are not suggested. */
  threshold?: number;
  /** At most this many suggestions, best first. */
  limit?: number;
  /** Pairs never to suggest, in either order: already linked, or dismissed by a maintainer. */
  excludedPairs?: Iterable<readonly [string, string]>;
  /** How many body occurrences one title occurrence is worth. */
  titleWeight?: number;
  termsPerDocument?: number;
  candidatesPerDocument?: number;
  maxPostings?: number;
  reasonCount?: number;
  /**
   * Pairs sharing fewer terms are not suggested: a word or two, however rare ("Mastodon" and
   * "posts"), make a topic, not a duplicate.
   */
  minSharedTerms?: number;
}

export interface SuggestionStats {
  documents: number;
  /** n(n-1)/2: what comparing every pair would cost. */
  allPairs: number;
  /** Pairs actually scored. */
  comparedPairs: number;
  /** Candidate pairs left out as look-alikes that are not duplicates, by reason (`not-duplicates.ts`). */
  notDuplicates: Record<NotDuplicateReason, number>;
  postingsVisited: number;
  /** Terms so common that only the requests they weigh most in were indexed under them. */
  cutTerms: number;
  maxPostings: number;
}

export interface SuggestionResult {
  suggestions: SuggestedDuplicate[];
  stats: SuggestionStats;
}

/**
 * Chosen on demo projects, whose generator knows which requests it wrote twice (see
 * `npm run report:duplicates`, scripts/dev/bench/suggest-quality.ts and
 * test/suggest/demo-evaluation.test.ts): the threshold that finds about seven in ten of them
 * with about one false alarm in five suggestions, on the seeds it was chosen on and on others.
 */
export const DEFAULT_THRESHOLD = 0.375;
/**
 * Pairs a request page offers as related requests (`src/model/related-requests.ts`): a visitor
 * loses little on a request that is related rather than the same, and finds where to vote more
 * often. On the committed demo it offers about eight in ten of the unmarked duplicates that take
 * votes, against seven in ten at the default threshold (test/suggest/related-requests.test.ts).
 */
export const RELATED_THRESHOLD = 0.3;
export const DEFAULTS = {
  titleWeight: 1,
  termsPerDocument: 12,
  candidatesPerDocument: 10,
  reasonCount: 5,
  minSharedTerms: 3,
} as const;

function pairId(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function suggestDuplicates(documents: readonly SuggestionDocument[], options: SuggestOptions = {}): SuggestionResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const minSharedTerms = options.minSharedTerms ?? DEFAULTS.minSharedTerms;
  const sorted = [...documents].sort((a, b) => compareKeys(a.key, b.key));
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index]?.key === sorted[index - 1]?.key) throw new Error(`Two documents share the key ${sorted[index]?.key ?? ''}.`);
  }
  const { documents: features, documentFrequency } = documentFeatures(sorted, { titleWeight: options.titleWeight ?? DEFAULTS.titleWeight });
  const maxPostings = options.maxPostings ?? defaultMaxPostings(features.length);
  const candidates = candidatePairs(features, {
    termsPerDocument: options.termsPerDocument ?? DEFAULTS.termsPerDocument,
    candidatesPerDocument: options.candidatesPerDocument ?? DEFAULTS.candidatesPerDocument,
    maxPostings,
  });
  const excluded = new Set([...(options.excludedPairs ?? [])].map(([a, b]) => pairId(a, b)));
  const scoreOptions = { reasonCount: options.reasonCount ?? DEFAULTS.reasonCount };

  const frames = countFrames(features.map((document) => document.titleTerms));
  const corpus = {
    frames,
    documentFrequency,
    seriesFramesOf: new Map(features.map((document) => [document.key, seriesFrames(document.titleTerms, frames)])),
  };

  const suggestions: SuggestedDuplicate[] = [];
  const notDuplicates: Record<NotDuplicateReason, number> = { series: 0, 'different-series': 0, 'different-names': 0, 'documentation-and-feature': 0 };
  for (const [first, second] of candidates.pairs) {
    const a = features[first];
    const b = features[second];
    if (!a || !b || excluded.has(pairId(a.key, b.key))) continue;
    const notDuplicate = whyNotDuplicates(a, b, corpus);
    if (notDuplicate !== null) {
      notDuplicates[notDuplicate]++;
      continue;
    }
    const { score, reasons, sharedTerms } = scorePair(a, b, scoreOptions);
    const rounded = Math.round(score * 10_000) / 10_000;
    if (rounded < threshold || sharedTerms < minSharedTerms) continue;
    const [older, newer] = a.createdAt <= b.createdAt ? [a, b] : [b, a];
    suggestions.push({ a: older.key, b: newer.key, score: rounded, reasons });
  }
  suggestions.sort((x, y) => y.score - x.score || compareKeys(x.a, y.a) || compareKeys(x.b, y.b));

  const n = features.length;
  return {
    suggestions: options.limit === undefined ? suggestions : suggestions.slice(0, options.limit),
    stats: {
      documents: n,
      allPairs: (n * (n - 1)) / 2,
      comparedPairs: candidates.pairs.length,
      notDuplicates,
      postingsVisited: candidates.postingsVisited,
      cutTerms: candidates.cutTerms,
      maxPostings,
    },
  };
}
