/**
 * Which pairs of requests are worth scoring, without scoring all n²/2 of them.
 *
 * Choice: an inverted index over each request's heaviest terms, with capped posting lists.
 * (MinHash with LSH banding was the alternative; it estimates Jaccard similarity of sets, and
 * rewordings of one request share too few shingles for it to find them, while they still share
 * a rare word or two, which is what this index looks for.)
 *
 * 1. Each request is indexed under its `termsPerDocument` heaviest TF-IDF terms.
 * 2. A term indexed for more than `maxPostings` requests keeps only the `maxPostings` requests
 *    it weighs most in (an impact-ordered cut): sharing a common term says little, and a long
 *    posting list would cost the square of its length. Cutting rather than dropping the list
 *    keeps a project whose requests all use a few words from getting no candidates at all. The
 *    cap grows as √n.
 * 3. Each request probes the postings of its own indexed terms and accumulates, per other
 *    request, the part of the dot product over the terms they share; its
 *    `candidatesPerDocument` best neighbours become candidates.
 *
 * Cost: indexing O(n·k); probing at most O(n·k·cap) = O(k·n^1.5) additions of numbers; at most
 * n·m pairs are then scored, against n(n-1)/2 for a full comparison (k terms per request, m
 * candidates per request). Deterministic: ties are broken by position, and positions come from
 * documents sorted by key.
 */
import type { DocumentFeatures } from './document-features.ts';

export interface CandidateOptions {
  /** Terms each request is indexed under (k). */
  termsPerDocument: number;
  /** Neighbours each request keeps as candidates (m). */
  candidatesPerDocument: number;
  /** Posting lists longer than this are cut; by default max(50, 2·√n). */
  maxPostings?: number;
}

export interface CandidateResult {
  /** Pairs of positions in the features array, first < second, in ascending order. */
  pairs: Array<[number, number]>;
  /** Posting entries visited while probing: the work the index did instead of comparing all pairs. */
  postingsVisited: number;
  /** Terms whose posting list was cut for being too common. */
  cutTerms: number;
}

export function defaultMaxPostings(documentCount: number): number {
  return Math.max(50, Math.ceil(2 * Math.sqrt(documentCount)));
}

/**
 * The `count` neighbours with the highest partial score, ties to the lower position. A running
 * insertion into a short list: cheaper than sorting every neighbour, and no garbage per request.
 */
function bestNeighbours(neighbours: readonly number[], partial: Float64Array, count: number): number[] {
  const best: number[] = [];
  const beats = (a: number, b: number): boolean => {
    const scoreA = partial[a] ?? 0;
    const scoreB = partial[b] ?? 0;
    return scoreA > scoreB || (scoreA === scoreB && a < b);
  };
  for (const neighbour of neighbours) {
    if (best.length === count && !beats(neighbour, best[count - 1] ?? neighbour)) continue;
    let index = Math.min(best.length, count - 1);
    best[index] = neighbour;
    while (index > 0 && beats(neighbour, best[index - 1] ?? neighbour)) {
      best[index] = best[index - 1] ?? neighbour;
      best[index - 1] = neighbour;
      index--;
    }
  }
  return best;
}

export function candidatePairs(features: readonly DocumentFeatures[], options: CandidateOptions): CandidateResult {
  const maxPostings = options.maxPostings ?? defaultMaxPostings(features.length);
  const indexedTerms = features.map((document) => document.terms.slice(0, options.termsPerDocument));

  // Each posting list holds the requests and, alongside, the term's weight in each of them.
  const postings = new Map<string, { documents: number[]; weights: number[] }>();
  indexedTerms.forEach((terms, position) => {
    for (const { term, weight } of terms) {
      const list = postings.get(term);
      if (list) {
        list.documents.push(position);
        list.weights.push(weight);
      } else {
        postings.set(term, { documents: [position], weights: [weight] });
      }
    }
  });
  let cutTerms = 0;
  for (const [term, list] of postings) {
    if (list.documents.length <= maxPostings) continue;
    const kept = list.documents
      .map((document, index) => ({ document, weight: list.weights[index] ?? 0 }))
      .sort((a, b) => b.weight - a.weight || a.document - b.document)
      .slice(0, maxPostings);
    postings.set(term, { documents: kept.map((entry) => entry.document), weights: kept.map((entry) => entry.weight) });
    cutTerms++;
  }

  const pairKeys = new Set<number>();
  let postingsVisited = 0;
  const accumulated = new Float64Array(features.length);
  const touched: number[] = [];
  indexedTerms.forEach((terms, position) => {
    for (const { term, weight } of terms) {
      const list = postings.get(term);
      if (!list) continue;
      postingsVisited += list.documents.length;
      for (let index = 0; index < list.documents.length; index++) {
        const other = list.documents[index] ?? position;
        if (other === position) continue;
        if (accumulated[other] === 0) touched.push(other);
        accumulated[other] = (accumulated[other] ?? 0) + weight * (list.weights[index] ?? 0);
      }
    }
    for (const other of bestNeighbours(touched, accumulated, options.candidatesPerDocument)) {
      const [first, second] = position < other ? [position, other] : [other, position];
      pairKeys.add(first * features.length + second);
    }
    for (const other of touched) accumulated[other] = 0;
    touched.length = 0;
  });

  const pairs = [...pairKeys]
    .sort((a, b) => a - b)
    .map((pairKey): [number, number] => [Math.floor(pairKey / features.length), pairKey % features.length]);
  return { pairs, postingsVisited, cutTerms };
}
