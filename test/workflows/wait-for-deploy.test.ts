/**
 * The notify workflow's wait: nobody is notified before the site shows the release, the wait is
 * bounded, and the tag it hands to the notifier is the release's.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WaitError, main, outputLine, waitForDeploy } from '../../.github/scripts/wait-for-deploy.ts';
import type { WaitOptions } from '../../.github/scripts/wait-for-deploy.ts';

const PUBLISHED = '2025-06-02T10:00:00Z';

interface Fake {
  options: WaitOptions;
  requests: string[];
  logs: string[];
  slept: number[];
}

/** A GitHub that answers from `release` and, on the n-th listing of deploy runs, from `runs[n]`. */
function fakeGitHub(
  release: { status: number; body?: unknown },
  runs: Array<{ status?: number; created_at?: string } | Error>,
  overrides: Partial<WaitOptions> = {},
): Fake {
  const requests: string[] = [];
  const logs: string[] = [];
  const slept: number[] = [];
  let clock = 0;
  let listing = 0;
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
  const fetchFake = (async (input: string | URL | Request) => {
    const url = String(input);
    requests.push(url);
    if (url.includes('/releases/')) return json(release.status, release.body ?? { message: 'Not Found' });
    const next = runs[Math.min(listing, runs.length - 1)];
    listing += 1;
    if (next instanceof Error) throw next;
    if (next?.status !== undefined && next.status !== 200) return json(next.status, { message: 'nope' });
    const workflowRuns = next?.created_at ? [{ created_at: next.created_at, html_url: `https://github.com/acme/app/actions/runs/${listing}` }] : [];
    return json(200, { total_count: workflowRuns.length, workflow_runs: workflowRuns });
  }) as typeof fetch;
  const options: WaitOptions = {
    apiUrl: 'https://ghes.example.com/api/v3/',
    repository: 'acme/app',
    token: 't0ken',
    tag: 'v1.2.0',
    workflow: 'deploy.yml',
    timeoutMs: 10 * 60_000,
    pollMs: 30_000,
    fetch: fetchFake,
    sleep: async (ms) => {
      slept.push(ms);
      clock += ms;
    },
    now: () => clock,
    log: (line) => logs.push(line),
    ...overrides,
  };
  return { options, requests, logs, slept };
}

const published = { status: 200, body: { tag_name: 'v1.2.0', published_at: PUBLISHED, draft: false } };

describe('waiting for the site to show a release', () => {
  it('returns at once when a deploy started after the release has succeeded', async () => {
    const fake = fakeGitHub(published, [{ created_at: '2025-06-02T10:00:05Z' }]);
    const result = await waitForDeploy(fake.options);
    expect(result.release.tag).toBe('v1.2.0');
    expect(result.runUrl).toContain('/actions/runs/');
    expect(fake.slept).toEqual([]);
    // The release is looked up by its tag, on the configured API (GitHub Enterprise Server here).
    expect(fake.requests[0]).toBe('https://ghes.example.com/api/v3/repos/acme/app/releases/tags/v1.2.0');
    expect(fake.requests[1]).toMatch(/^https:\/\/ghes\.example\.com\/api\/v3\/repos\/acme\/app\/actions\/workflows\/deploy\.yml\/runs\?status=success/);
  });

  it('keeps waiting while the newest successful deploy started before the release', async () => {
    const fake = fakeGitHub(published, [
      { created_at: '2025-06-02T09:17:00Z' },
      { status: 502 },
      new Error('socket hang up'),
      { created_at: '2025-06-02T10:03:00Z' },
    ]);
    const result = await waitForDeploy(fake.options);
    expect(result.runUrl).toBeDefined();
    expect(fake.slept).toEqual([30_000, 30_000, 30_000]);
  });

  it('gives up after the time allowed, saying nobody was notified and what to do', async () => {
    const fake = fakeGitHub(published, [{ created_at: '2025-06-02T09:17:00Z' }], { timeoutMs: 2 * 60_000 });
    const failure = waitForDeploy(fake.options);
    await expect(failure).rejects.toThrow(WaitError);
    await expect(failure).rejects.toThrow(/within 2 minutes.*nobody was notified.*run this workflow again with the tag v1\.2\.0/);
    expect(fake.slept.reduce((sum, ms) => sum + ms, 0)).toBe(2 * 60_000);
  });

  it('refuses a tag that has no published release', async () => {
    const fake = fakeGitHub({ status: 404 }, []);
    await expect(waitForDeploy(fake.options)).rejects.toThrow(/no published release tagged "v1\.2\.0"/);
  });

  it('uses the latest published release when no tag is given', async () => {
    const fake = fakeGitHub(published, [{ created_at: '2025-06-02T11:00:00Z' }], { tag: '' });
    expect((await waitForDeploy(fake.options)).release.tag).toBe('v1.2.0');
    expect(fake.requests[0]).toMatch(/\/repos\/acme\/app\/releases\/latest$/);
  });

  it('does not wait when the wait is switched off (site hosted elsewhere)', async () => {
    const fake = fakeGitHub(published, [], { timeoutMs: 0 });
    expect(await waitForDeploy(fake.options)).toEqual({ release: { tag: 'v1.2.0', publishedAt: PUBLISHED }, runUrl: undefined });
    expect(fake.requests).toHaveLength(1);
  });

  it('explains a missing deploy workflow instead of waiting for it', async () => {
    const fake = fakeGitHub(published, [{ status: 404 }]);
    await expect(waitForDeploy(fake.options)).rejects.toThrow(/ROADMAP_DEPLOY_WAIT_MINUTES to 0/);
  });

  it('hands the tag on as a step output and never lets a line break through', () => {
    expect(outputLine('v1.2.0')).toBe('tag=v1.2.0\n');
    expect(() => outputLine('v1\nevil=1')).toThrow(WaitError);
  });
});

describe('wait-for-deploy as a workflow step', () => {
  it('writes tag=<tag> to GITHUB_OUTPUT once the site shows the release', async () => {
    const seen: Array<{ url: string; authorization: string | undefined }> = [];
    const server = createServer((request, response) => {
      seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify(
          request.url?.includes('/releases/')
            ? { tag_name: 'v2.0.0', published_at: PUBLISHED, draft: false }
            : { total_count: 1, workflow_runs: [{ created_at: '2025-06-02T10:05:00Z', html_url: 'https://example.test/run/1' }] },
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const output = join(mkdtempSync(join(tmpdir(), 'out-')), 'output');
    const original = console.log;
    console.log = () => undefined;
    try {
      const status = await main({
        GITHUB_TOKEN: 't0ken',
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        RELEASE_TAG: 'v2.0.0',
        GITHUB_OUTPUT: output,
      });
      expect(status).toBe(0);
    } finally {
      console.log = original;
      server.close();
    }
    expect(readFileSync(output, 'utf8')).toBe('tag=v2.0.0\n');
    expect(seen.map(({ url }) => url.split('?')[0])).toEqual([
      '/repos/acme/app/releases/tags/v2.0.0',
      '/repos/acme/app/actions/workflows/deploy.yml/runs',
    ]);
    expect(seen.every(({ authorization }) => authorization === 'Bearer t0ken')).toBe(true);
  });

  it('fails with an annotation and exit code 1 when the configuration is missing', async () => {
    const output = join(mkdtempSync(join(tmpdir(), 'out-')), 'output');
    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      expect(await main({ GITHUB_OUTPUT: output })).toBe(1);
    } finally {
      console.log = original;
    }
    expect(lines.join('\n')).toMatch(/^::error title=.*::GITHUB_TOKEN and GITHUB_REPOSITORY must be set\.$/m);
    expect(() => readFileSync(output, 'utf8')).toThrow();
  });
});
