import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../scripts/dev/demo/generate.ts';
import { deployLocally } from '../../scripts/dev/deploy-locally.ts';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';

// The deploy workflow's steps, in order, against the simulator with a directory as the host.
const { world } = generateWorld({ preset: 'demo' });
const lumen = world.repositories.find((repo) => repo.name === 'lumen')!;
let sim: Simulator;
let dir: string;
let env: NodeJS.ProcessEnv;

async function deploy(runId: string) {
  const lines: string[] = [];

  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const result = await deployLocally({ host: join(dir, 'host'), state: join(dir, 'state'), runId, env, log: (line) => lines.push(line) });
    return { result, output: lines.join('\n') };
  } finally {
    process.stderr.write = original;
  }
}

async function requestPage(number: number): Promise<string> {
  const pages = await readdir(join(dir, 'host/requests'));
  const page = pages.find((name) => name.startsWith(`${number}-`));
  if (!page) throw new Error(`no published page for #${number}`);
  return readFile(join(dir, 'host/requests', page, 'index.html'), 'utf8');
}

beforeAll(async () => {
  sim = await startSimulator({ world, token: 'deploy-token' });
  env = { GITHUB_TOKEN: 'deploy-token', GITHUB_API_URL: sim.url, GITHUB_GRAPHQL_URL: sim.graphqlUrl, ROADMAP_SYNC_DELAY_SCALE: '0.01' };
  dir = await mkdtemp(join(tmpdir(), 'deploy-'));
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the deploy pipeline, run locally', () => {
  it('a first run syncs everything, builds and publishes the site', async () => {
    const { result, output } = await deploy('1');
    expect(result, output).toMatchObject({ outcome: 'deployed' });
    expect(output).toMatch(/full sync/);
    const index = await readFile(join(dir, 'host/index.html'), 'utf8');
    expect(index).toContain('Lumen roadmap');
    expect(await readdir(join(dir, 'host/pagefind'))).toContain('pagefind.js');
    expect(output).toMatch(/▸ Check the site's size\n {4}\S+dist holds \d+ MB in [\d,]+ files \(GitHub Pages publishes sites of up to 1 GB\)\./);
  }, 180_000);

  it('the next run restores the snapshot, syncs only what changed and republishes', async () => {
    const issue = lumen.issues.find((candidate) => candidate.labels.includes('enhancement') && candidate.state === 'OPEN' && !candidate.labels.includes('duplicate'))!;
    issue.title = 'Renamed after the first deploy';
    issue.updatedAt = '2026-11-01T11:59:59Z';
    const { result, output } = await deploy('2');
    expect(result, output).toMatchObject({ outcome: 'deployed' });
    expect(output).toMatch(/restored roadmap-snapshot-1/);
    expect(output).toMatch(/incremental sync/);
    expect(await requestPage(issue.number)).toContain('Renamed after the first deploy');
    // Unchanged social images come from the restored cache.
    const rendered = Number(/Social images: (\d+) rendered/.exec(output)?.[1]);
    expect(rendered).toBeLessThanOrEqual(2);
    // Unchanged pages come from the restored Astro cache: the build is incremental across runs.
    expect(output).toMatch(/restored roadmap-build-1/);
    expect(output.match(/\(restored\)/g)?.length ?? 0).toBeGreaterThan(100);
  }, 180_000);

  it('a failed sync fails the run and leaves the published site as it was', async () => {
    const before = await readFile(join(dir, 'host/index.html'), 'utf8');
    const issue = lumen.issues.find((candidate) => candidate.comments.length > 0 && candidate.labels.includes('enhancement'))!;
    issue.updatedAt = '2026-11-01T12:00:00Z';
    issue.title = 'This title must never be published';
    sim.faults.add({ match: { operationName: 'IssueDetails' }, fault: { type: 'graphql-errors', partial: false }, times: Infinity });
    const { result } = await deploy('3');
    sim.faults.clear();
    expect(result).toMatchObject({ outcome: 'failed', step: 'Sync from GitHub' });
    expect(await readFile(join(dir, 'host/index.html'), 'utf8')).toBe(before);
    expect(await requestPage(issue.number)).not.toContain('This title must never be published');
  }, 180_000);
});
