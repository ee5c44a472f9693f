/**
 * A worker thread that works out suggested duplicates (see `suggestion-job.ts`), so that a
 * build's main thread renders pages meanwhile.
 */
import { serveJobs } from '../workers/worker-pool.ts';
import { runSuggestionJob, type SuggestionJob } from './suggest-duplicate-requests.ts';

serveJobs('suggest-worker.ts', (job: SuggestionJob) => runSuggestionJob(job));
