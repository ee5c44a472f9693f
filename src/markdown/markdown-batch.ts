/**
 * Markdown for many entries at once, on every core. Rendering Markdown is most of a cold
 * build's content step (milliseconds per request, most of a minute at 10,000), and Astro runs
 * loaders on a single thread.
 *
 * Entries are built by functions that call a `MarkdownRenderer` as they go (see
 * `view-entries.ts`). `renderInBatch` runs each such function twice: once with a renderer that
 * only writes down what it is asked, then, after the whole batch was rendered on worker threads,
 * again with one that answers from the results, in the same order. The output is exactly what
 * the main thread would render: the workers run the same functions.
 */
import { runOnWorkers } from '../workers/worker-pool.ts';
import { markdownExcerpt } from './markdown-excerpt.ts';
import { renderMarkdown, renderMarkdownWithExcerpt, type RenderMarkdownOptions } from './render-markdown.ts';

export interface MarkdownRenderer {
  /** Sanitized HTML, as `renderMarkdown`. */
  html: (markdown: string, options: RenderMarkdownOptions) => string;
  /** A plain-text summary, as `markdownExcerpt`. */
  excerpt: (markdown: string) => string;
}

export type MarkdownJob = { kind: 'html'; markdown: string; options: RenderMarkdownOptions } | { kind: 'excerpt'; markdown: string };

/** Renders on the calling thread. */
export const renderDirectly: MarkdownRenderer = { html: renderMarkdown, excerpt: (markdown) => markdownExcerpt(markdown) };

/**
 * Runs `jobs` in order. Text asked for both as HTML and as an excerpt (a request's body is) is
 * parsed once for both when its HTML comes first.
 */
export function runMarkdownJobs(jobs: readonly MarkdownJob[]): string[] {
  const wantExcerpts = new Set(jobs.flatMap((job) => (job.kind === 'excerpt' ? [job.markdown] : [])));
  const excerpts = new Map<string, string>();
  return jobs.map((job) => {
    if (job.kind === 'excerpt') return excerpts.get(job.markdown) ?? markdownExcerpt(job.markdown);
    if (!wantExcerpts.has(job.markdown)) return renderMarkdown(job.markdown, job.options);
    const { html, excerpt } = renderMarkdownWithExcerpt(job.markdown, job.options);
    excerpts.set(job.markdown, excerpt);
    return html;
  });
}

export interface BatchOptions {
  /** Absolute path of `markdown-worker.ts`; without it everything renders on the calling thread. */
  workerFile?: string | undefined;
  threads: number;
  /** Fewer jobs than this render on the calling thread: starting workers costs about a hundred. */
  minJobs?: number;
  /** Jobs sent to a worker at a time. */
  chunkSize?: number;
  /** Told when the workers fail and the batch renders on the calling thread instead. */
  warn?: (message: string) => void;
}

const DEFAULT_MIN_JOBS = 500;
const DEFAULT_CHUNK_SIZE = 50;

async function renderJobs(jobs: readonly MarkdownJob[], options: BatchOptions): Promise<string[]> {
  const minJobs = options.minJobs ?? DEFAULT_MIN_JOBS;
  if (options.workerFile === undefined || options.threads < 2 || jobs.length < minJobs) return runMarkdownJobs(jobs);
  const size = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const chunks = Array.from({ length: Math.ceil(jobs.length / size) }, (_, index) => jobs.slice(index * size, (index + 1) * size));
  const results: string[] = new Array<string>(jobs.length);
  try {
    await runOnWorkers<MarkdownJob[], string[]>(
      chunks,
      (index, outputs) => {
        outputs.forEach((output, offset) => (results[index * size + offset] = output));
      },
      { workerFile: options.workerFile, threads: options.threads, queued: 2, what: 'Markdown batch' },
    );
    return results;
  } catch (error) {
    options.warn?.(`Markdown is rendered on one thread: ${error instanceof Error ? error.message : String(error)}`);
    return runMarkdownJobs(jobs);
  }
}

/** Builds every entry with `build`, its Markdown rendered in one batch across the workers. */
export async function renderInBatch<T>(builds: ReadonlyArray<(render: MarkdownRenderer) => T>, options: BatchOptions): Promise<T[]> {
  // First pass: what each build asks for.
  const asked = builds.map((build) => {
    const jobs: MarkdownJob[] = [];
    build({
      html: (markdown, renderOptions) => {
        jobs.push({ kind: 'html', markdown, options: renderOptions });
        return '';
      },
      excerpt: (markdown) => {
        jobs.push({ kind: 'excerpt', markdown });
        return '';
      },
    });
    return jobs;
  });
  const outputs = await renderJobs(asked.flat(), options);

  // Second pass: the same questions, in the same order, answered.
  let offset = 0;
  return builds.map((build, index) => {
    const jobs = asked[index] ?? [];
    const start = offset;
    offset += jobs.length;
    let next = 0;
    const answer = (kind: MarkdownJob['kind'], markdown: string): string => {
      const job = jobs[next];
      if (job === undefined || job.kind !== kind || job.markdown !== markdown) {
        throw new Error('An entry asked for different Markdown on its second build: entry builds must be deterministic.');
      }
      return outputs[start + next++] ?? '';
    };
    return build({ html: (markdown) => answer('html', markdown), excerpt: (markdown) => answer('excerpt', markdown) });
  });
}
