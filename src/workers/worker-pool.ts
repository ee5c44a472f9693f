/**
 * Runs many independent jobs on worker threads, one thread per core: Astro builds on a single
 * thread, and a cold build of a large roadmap spends minutes on work that splits cleanly (social
 * images, Markdown).
 *
 * A worker file answers `{ id, input }` with `{ id, output }` or `{ id, error }` (see
 * `serveJobs`). It runs from the source tree (Node strips its types), so the caller passes its
 * path: code bundled by Astro cannot find it by itself.
 */
import { parentPort, Worker } from 'node:worker_threads';

export interface WorkerPoolOptions {
  /** Absolute path of the worker's file. */
  workerFile: string;
  threads: number;
  /**
   * Jobs a worker holds at a time. Above 1, a worker finishing a job starts the next one at once
   * instead of waiting for this thread to answer, which may be busy for seconds during a build
   * (Astro saving its content store, a large getStaticPaths). Default 1.
   */
  queued?: number;
}

type WorkerReply<O> = { id: number; output: O } | { id: number; error: string };

/**
 * Runs each input on the workers and hands its output to `onOutput` as soon as it is ready.
 * Rejects on the first failure (a worker that cannot start, a job that throws) after stopping
 * every worker. `what` names a job in error messages ("social image", "Markdown batch").
 */
export async function runOnWorkers<I, O>(
  inputs: readonly I[],
  onOutput: (index: number, output: O) => Promise<void> | void,
  options: WorkerPoolOptions & { what: string },
): Promise<void> {
  if (inputs.length === 0) return;
  const threads = Math.max(1, Math.min(options.threads, inputs.length));
  const workers = Array.from({ length: threads }, () => new Worker(options.workerFile));
  const queued = Math.max(1, options.queued ?? 1);
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let running = 0;
            const send = () => {
              while (running < queued && next < inputs.length) {
                const id = next++;
                running++;
                worker.postMessage({ id, input: inputs[id] });
              }
              if (running === 0) resolve();
            };
            worker.on('message', (reply: WorkerReply<O>) => {
              if ('error' in reply) {
                reject(new Error(`${capitalized(options.what)} ${reply.id + 1} of ${inputs.length} failed: ${reply.error}`));
                return;
              }
              Promise.resolve(onOutput(reply.id, reply.output)).then(() => {
                running--;
                send();
              }, reject);
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (next < inputs.length || running > 0 || code !== 0) reject(new Error(`A ${options.what} worker stopped early (exit code ${code}).`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The worker's side: answers every job with `run`'s output or its error. */
export function serveJobs<I, O>(file: string, run: (input: I) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error(`${file} runs as a worker thread only.`);
  port.on('message', (message: { id: number; input: I }) => {
    Promise.resolve()
      .then(() => run(message.input))
      .then(
        (output) => port.postMessage({ id: message.id, output }),
        (error: unknown) => port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
      );
  });
}
