/**
 * Waits until the published site shows a release, so that the people notified about it find it
 * on the roadmap when they follow the link.
 *
 * A release is on the site once a run of the deploy workflow that *started after the release was
 * published* has succeeded: that run's sync read the release, and its deploy job finished only
 * when GitHub Pages served the new site. Which run that is does not matter (the one the release
 * started may have been replaced by a later one in the pages-deploy concurrency group), so this
 * asks for the newest successful deploy run and compares its start with the release's
 * publication time.
 *
 *   RELEASE_TAG=v1.2.0 node .github/scripts/wait-for-deploy.ts
 *
 * Environment: GITHUB_TOKEN (actions: read, contents: read), GITHUB_REPOSITORY, GITHUB_API_URL
 * (set by Actions, also on GitHub Enterprise Server), RELEASE_TAG (empty: the latest published
 * release), DEPLOY_WORKFLOW (default deploy.yml), WAIT_MINUTES (default 30; 0 skips the wait),
 * POLL_SECONDS (default 30), GITHUB_OUTPUT (receives `tag=<the release's tag>`).
 */
import { appendFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface WaitOptions {
  apiUrl: string;
  repository: string;
  token: string;
  /** Empty or undefined: the latest published release. */
  tag: string | undefined;
  workflow: string;
  timeoutMs: number;
  pollMs: number;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  log: (line: string) => void;
}

export interface Release {
  tag: string;
  publishedAt: string;
}

export interface WaitResult {
  release: Release;
  /** The deploy run that published the release; undefined when the wait was skipped. */
  runUrl: string | undefined;
}

/** A failure the workflow log should show as is, without a stack trace. */
export class WaitError extends Error {
  override name = 'WaitError';
}

interface Answer {
  status: number;
  body: unknown;
}

async function get(options: WaitOptions, path: string): Promise<Answer> {
  const response = await options.fetch(`${options.apiUrl.replace(/\/+$/, '')}${path}`, {
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${options.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'open-roadmap-wait-for-deploy',
    },
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Keep the text: error pages from proxies are not JSON.
  }
  return { status: response.status, body };
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

export async function findRelease(options: WaitOptions): Promise<Release> {
  const repo = `/repos/${options.repository}`;
  const wanted = options.tag?.trim() ?? '';
  const path = wanted === '' ? `${repo}/releases/latest` : `${repo}/releases/tags/${encodeURIComponent(wanted)}`;
  const answer = await get(options, path);
  if (answer.status === 404) {
    throw new WaitError(
      wanted === ''
        ? `${options.repository} has no published release yet.`
        : `${options.repository} has no published release tagged "${wanted}". Check the tag, and that the release is not still a draft.`,
    );
  }
  if (answer.status !== 200) {
    throw new WaitError(`Reading the release failed: HTTP ${answer.status} ${JSON.stringify(field(answer.body, 'message') ?? '')}`);
  }
  const tag = field(answer.body, 'tag_name');
  const publishedAt = field(answer.body, 'published_at');
  if (typeof tag !== 'string' || typeof publishedAt !== 'string' || field(answer.body, 'draft') === true) {
    throw new WaitError(`The release "${wanted}" is not published yet.`);
  }
  return { tag, publishedAt };
}

/** The newest successful run of the deploy workflow, or undefined when there is none yet. */
async function latestDeploy(options: WaitOptions): Promise<{ createdAt: string; url: string } | undefined> {
  const path = `/repos/${options.repository}/actions/workflows/${encodeURIComponent(options.workflow)}/runs?status=success&per_page=1&exclude_pull_requests=true`;
  const answer = await get(options, path);
  if (answer.status === 404) {
    throw new WaitError(
      `There is no workflow ${options.workflow} in ${options.repository}. If the site is deployed elsewhere, set the repository variable ROADMAP_DEPLOY_WAIT_MINUTES to 0.`,
    );
  }
  if (answer.status === 401) throw new WaitError('The token was refused (HTTP 401).');
  if (answer.status !== 200) {
    // Rate limits and GitHub hiccups pass; the next poll asks again.
    options.log(`Listing deploy runs answered HTTP ${answer.status}; asking again later.`);
    return undefined;
  }
  const runs = field(answer.body, 'workflow_runs');
  const run: unknown = Array.isArray(runs) ? runs[0] : undefined;
  const createdAt = field(run, 'created_at');
  const url = field(run, 'html_url');
  return typeof createdAt === 'string' && typeof url === 'string' ? { createdAt, url } : undefined;
}

export async function waitForDeploy(options: WaitOptions): Promise<WaitResult> {
  const release = await findRelease(options);
  options.log(`Release ${release.tag} was published at ${release.publishedAt}.`);
  if (options.timeoutMs <= 0) {
    options.log('Not waiting for the site (ROADMAP_DEPLOY_WAIT_MINUTES is 0).');
    return { release, runUrl: undefined };
  }
  const published = Date.parse(release.publishedAt);
  const deadline = options.now() + options.timeoutMs;
  for (;;) {
    let deploy: Awaited<ReturnType<typeof latestDeploy>>;
    try {
      deploy = await latestDeploy(options);
    } catch (error) {
      if (error instanceof WaitError) throw error;
      options.log(`Listing deploy runs failed (${(error as Error).message}); asking again later.`);
      deploy = undefined;
    }
    if (deploy && Date.parse(deploy.createdAt) >= published) {
      options.log(`The site shows ${release.tag}: deployed by ${deploy.url}`);
      return { release, runUrl: deploy.url };
    }
    const left = deadline - options.now();
    if (left <= 0) {
      const minutes = Math.round(options.timeoutMs / 60_000);
      throw new WaitError(
        `No ${options.workflow} run started after ${release.tag} was published has succeeded within ${minutes} minutes, so the site may not show the release yet and nobody was notified. ` +
          `Check the deploy runs in the Actions tab; once one succeeds, run this workflow again with the tag ${release.tag}.`,
      );
    }
    options.log(
      deploy
        ? `Newest successful deploy started ${deploy.createdAt}, before the release; waiting.`
        : 'No successful deploy yet; waiting.',
    );
    await options.sleep(Math.min(options.pollMs, left));
  }
}

/** `tag=v1.2.0` for later steps and jobs; a tag cannot hold a newline, but never let one through. */
export function outputLine(tag: string): string {
  if (/[\r\n]/.test(tag)) throw new WaitError('The release tag contains a line break.');
  return `tag=${tag}\n`;
}

function numberFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new WaitError(`${name} must be a number of at least 0, got "${value}".`);
  return number;
}

export async function main(env: NodeJS.ProcessEnv): Promise<number> {
  try {
    const token = env['GITHUB_TOKEN'] ?? '';
    const repository = env['GITHUB_REPOSITORY'] ?? '';
    if (token === '' || repository === '') throw new WaitError('GITHUB_TOKEN and GITHUB_REPOSITORY must be set.');
    const result = await waitForDeploy({
      apiUrl: env['GITHUB_API_URL'] || 'https://api.github.com',
      repository,
      token,
      tag: env['RELEASE_TAG'],
      workflow: env['DEPLOY_WORKFLOW'] || 'deploy.yml',
      timeoutMs: numberFrom(env['WAIT_MINUTES'], 30, 'WAIT_MINUTES') * 60_000,
      pollMs: numberFrom(env['POLL_SECONDS'], 30, 'POLL_SECONDS') * 1000,
      fetch: globalThis.fetch,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => Date.now(),
      log: (line) => console.log(line),
    });
    const output = env['GITHUB_OUTPUT'];
    if (output) await appendFile(output, outputLine(result.release.tag));
    return 0;
  } catch (error) {
    if (!(error instanceof WaitError)) throw error;
    // ::error:: makes the message the run's annotation, on the summary page.
    console.log(`::error title=The release is not on the site yet::${error.message}`);
    return 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.env);
}
