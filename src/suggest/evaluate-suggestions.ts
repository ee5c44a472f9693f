/**
 * How good the suggestions are against a known answer (the demo generator's list of duplicates
 * it planted without marking them): precision, recall, and the pairs behind each number.
 */
import { itemKey } from '../model/item-key.ts';
import type { Request } from '../model/types.ts';
import type { ItemRef } from '../snapshot/schema.ts';
import { requestOfItem } from './request-documents.ts';
import type { SuggestedDuplicate } from './suggest-duplicates.ts';

export interface Evaluation {
  /** Suggested and truly duplicates. */
  truePositives: Array<readonly [string, string]>;
  /** Suggested, but not in the answer. */
  falsePositives: Array<readonly [string, string]>;
  /** In the answer, not suggested. */
  missed: Array<readonly [string, string]>;
  /** Share of suggestions that are right; 1 when nothing was suggested. */
  precision: number;
  /** Share of the answer that was found; 1 when the answer is empty. */
  recall: number;
}

function pairId(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

export function evaluateSuggestions(suggestions: readonly SuggestedDuplicate[], expected: ReadonlyArray<readonly [string, string]>): Evaluation {
  const expectedIds = new Map(expected.map(([a, b]) => [pairId(a, b), [a, b] as const]));
  const suggestedIds = new Set<string>();
  const truePositives: Array<readonly [string, string]> = [];
  const falsePositives: Array<readonly [string, string]> = [];
  for (const { a, b } of suggestions) {
    const id = pairId(a, b);
    if (suggestedIds.has(id)) continue;
    suggestedIds.add(id);
    (expectedIds.has(id) ? truePositives : falsePositives).push([a, b]);
  }
  const missed = [...expectedIds].filter(([id]) => !suggestedIds.has(id)).map(([, pair]) => pair);
  const suggested = truePositives.length + falsePositives.length;
  return {
    truePositives,
    falsePositives,
    missed,
    precision: suggested === 0 ? 1 : truePositives.length / suggested,
    recall: expectedIds.size === 0 ? 1 : truePositives.length / expectedIds.size,
  };
}

/**
 * Known pairs of items as pairs of requests; a pair whose items are not two requests of the
 * roadmap cannot be suggested and is left out.
 */
export function expectedRequestPairs(pairs: ReadonlyArray<readonly [ItemRef, ItemRef]>, requests: readonly Request[]): Array<[string, string]> {
  const requestOf = requestOfItem(requests);
  return pairs.flatMap(([a, b]): Array<[string, string]> => {
    const first = requestOf.get(itemKey(a));
    const second = requestOf.get(itemKey(b));
    return first !== undefined && second !== undefined && first !== second ? [[first, second]] : [];
  });
}
