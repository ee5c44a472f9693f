/**
 * Renders many social images on worker threads (see `src/workers/worker-pool.ts`): a cold build
 * of a large roadmap renders a thousand cards, and Astro generates pages on a single thread.
 */
import { runOnWorkers, type WorkerPoolOptions } from '../workers/worker-pool.ts';
import type { SocialImageInput } from './render-social-image.ts';

export interface PoolOptions extends WorkerPoolOptions {
  /**
   * Fewer images than this are left to the main thread: starting a worker (loading satori, its
   * WebAssembly and the fonts) costs about as much as rendering a few dozen images.
   */
  minImages: number;
}

/**
 * Cards a worker holds at a time: enough that it keeps rendering through the seconds Astro's
 * thread is busy without answering (about a quarter of a second of work each), few enough that
 * the workers finish together.
 */
const QUEUED_PER_WORKER = 8;

/**
 * Renders each input on `social-image-worker.ts` and hands the PNG to `onImage` as soon as it is
 * ready. Rejects on the first failure after stopping every worker.
 */
export function renderOnWorkers(
  inputs: readonly SocialImageInput[],
  onImage: (index: number, png: Buffer) => Promise<void>,
  options: PoolOptions,
): Promise<void> {
  return runOnWorkers<SocialImageInput, Uint8Array>(
    inputs,
    (index, png) => onImage(index, Buffer.from(png.buffer, png.byteOffset, png.byteLength)),
    { queued: QUEUED_PER_WORKER, ...options, what: 'social image' },
  );
}
