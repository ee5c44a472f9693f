/**
 * Renders many social images on worker threads, one per core: a cold build of a large roadmap
 * spends most of its time here, and Astro generates pages one at a time on a single thread.
 *
 * The worker runs `social-image-worker.ts` from the source tree (Node strips its types), so the
 * caller passes that file's path: code bundled by Astro cannot find it by itself.
 */
import { Worker } from 'node:worker_threads';
import type { SocialImageInput } from './render-social-image.ts';

export interface PoolOptions {
  /** Absolute path of `social-image-worker.ts`. */
  workerFile: string;
  threads: number;
  /**
   * Fewer images than this are left to the main thread: starting a worker (loading satori, its
   * WebAssembly and the fonts) costs about as much as rendering a few dozen images.
   */
  minImages: number;
}

type WorkerReply = { id: number; png: Uint8Array } | { id: number; error: string };

/**
 * Renders each input and hands the PNG to `onImage` as soon as it is ready. Rejects on the first
 * failure (a worker that cannot start, a render that throws) after stopping every worker.
 */
export async function renderOnWorkers(
  inputs: readonly SocialImageInput[],
  onImage: (index: number, png: Buffer) => Promise<void>,
  options: PoolOptions,
): Promise<void> {
  if (inputs.length === 0) return;
  const threads = Math.max(1, Math.min(options.threads, inputs.length));
  const workers = Array.from({ length: threads }, () => new Worker(options.workerFile));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= inputs.length) {
                resolve();
                return;
              }
              const id = next++;
              worker.postMessage({ id, input: inputs[id] });
            };
            worker.on('message', (reply: WorkerReply) => {
              if ('error' in reply) {
                reject(new Error(`Rendering social image ${reply.id + 1} of ${inputs.length} failed: ${reply.error}`));
                return;
              }
              onImage(reply.id, Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength)).then(send, reject);
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (next < inputs.length || code !== 0) reject(new Error(`A social image worker stopped early (exit code ${code}).`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
