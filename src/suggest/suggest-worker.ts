/**
 * A worker thread that works out suggested duplicates (`suggestion-job.ts`), so that a build's
 * main thread renders pages meanwhile.
 */
import { serveJobs } from '../workers/worker-pool.ts';
import { runSuggestionJob } from './suggestion-job.ts';

serveJobs('suggest-worker.ts', runSuggestionJob);
