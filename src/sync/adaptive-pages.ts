/**
 * GitHub gives up on GraphQL queries that take more than about ten seconds and answers 502
 * (https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#timeouts).
 * Retrying the same query tends to fail the same way; asking for less usually works. These helpers
 * shrink the page (or split the batch) on a 502 or timeout and keep going.
 */
import { ErrorsData } from '../errors/errors-data.ts';
import { RoadmapError } from '../errors/roadmap-error.ts';
import type { SyncProgress } from './progress.ts';

/** Runs `fetch` over `items` in batches of `size`, halving a batch that fails transiently. */
export async function inAdaptiveBatches<T, R>(
  items: readonly T[],
  size: number,
  fetch: (batch: T[]) => Promise<R>,
  progress: SyncProgress,
): Promise<R[]> {
  const results: R[] = [];
  const queue: T[][] = [];
  for (let start = 0; start < items.length; start += size) queue.push(items.slice(start, start + size));
  let attemptsAtOne = 0;
  while (queue.length > 0) {
    const batch = queue.shift() as T[];
    try {
      results.push(await fetch(batch));
      attemptsAtOne = 0;
    } catch (error) {
      if (!(error instanceof RoadmapError && error.transient)) throw error;
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        progress.warn(`${error.message} Retrying with batches of ${half}.`);
        queue.unshift(batch.slice(0, half), batch.slice(half));
      } else if (attemptsAtOne < 2) {
        attemptsAtOne += 1;
        progress.warn(`${error.message} Retrying.`);
        queue.unshift(batch);
      } else {
        throw new RoadmapError(ErrorsData.SyncRetriesExhausted, { failure: error.message, retried: 'It kept failing even one item at a time.', hint: error.hint }, { cause: error });
      }
    }
  }
  return results;
}

/** Calls `fetch(pageSize)` and, on a transient failure, again with a smaller page size. */
export async function withShrinkingPage<R>(
  sizes: readonly number[],
  fetch: (pageSize: number) => Promise<R>,
  progress: SyncProgress,
): Promise<R> {
  let lastError: unknown;
  for (const size of sizes) {
    try {
      return await fetch(size);
    } catch (error) {
      if (!(error instanceof RoadmapError && error.transient)) throw error;
      lastError = error;
      progress.warn(`${error.message} Retrying with a smaller page.`);
    }
  }
  const error = lastError as RoadmapError;
  throw new RoadmapError(ErrorsData.SyncRetriesExhausted, { failure: error.message, retried: 'It kept failing with the smallest page.', hint: error.hint }, { cause: error });
}

/** Page sizes to fall back through, starting at `first`. */
export function shrinkingSizes(first: number): number[] {
  const sizes = [first];
  for (const next of [50, 25, 10, 5]) if (next < first) sizes.push(next);
  return sizes;
}
