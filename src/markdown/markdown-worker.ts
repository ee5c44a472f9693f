/**
 * A worker thread that renders Markdown: a batch of `MarkdownJob`s in, their HTML or excerpts
 * out. Started by `markdown-batch.ts` so a build renders on every core.
 */
import { serveJobs } from '../workers/worker-pool.ts';
import { runMarkdownJobs, type MarkdownJob } from './markdown-batch.ts';

serveJobs('markdown-worker.ts', (jobs: MarkdownJob[]) => runMarkdownJobs(jobs));
