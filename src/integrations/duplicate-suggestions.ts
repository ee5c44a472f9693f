/**
 * Suggested duplicates for the maintainers' page (`/maintainers/duplicates/`), worked out on a
 * worker thread from the start of the build: a few seconds for 10,000 requests that Astro's
 * single thread would otherwise spend while it renders the page. See `suggest/suggestion-job.ts`.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { loadRoadmap } from '../content/load-roadmap.ts';
import type { SuggestionResult } from '../suggest/suggest-duplicates.ts';
import { runSuggestionJob, type SuggestionJob } from '../suggest/suggest-duplicate-requests.ts';
import { startSuggestions } from '../suggest/suggestion-job.ts';
import { runOnWorkers } from '../workers/worker-pool.ts';

const WORKER_FILE = fileURLToPath(new URL('../suggest/suggest-worker.ts', import.meta.url));

/** Works the job out on a worker thread; should the worker fail, on this one, with a warning. */
export async function suggestOnWorker(job: SuggestionJob, warn: (message: string) => void): Promise<SuggestionResult> {
  let result: SuggestionResult | undefined;
  try {
    await runOnWorkers<SuggestionJob, SuggestionResult>([job], (_index, output) => void (result = output), {
      workerFile: WORKER_FILE,
      threads: 1,
      what: 'duplicate suggestions',
    });
  } catch (error) {
    warn(`Suggested duplicates are worked out on the main thread: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result ?? runSuggestionJob(job);
}

export default function duplicateSuggestionsIntegration(): AstroIntegration {
  return {
    name: 'open-roadmap:duplicate-suggestions',
    hooks: {
      'astro:build:start': ({ logger }) => {
        // Not awaited: the page waits for the result, the build goes on meanwhile. A snapshot
        // that fails to load is reported by the content layer, which loads it too.
        loadRoadmap()
          .then((loaded) => startSuggestions(loaded, (job) => suggestOnWorker(job, (message) => logger.warn(message))))
          .catch(() => {});
      },
    },
  };
}
