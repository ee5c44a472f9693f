/**
 * The README's "Point it at your own repository", followed as written on a fresh copy of the
 * project (which ships the demo snapshot): edit roadmap.config.ts, `npm run sync` with a token,
 * `npm run build`. The repository is a 10-item one that is not the demo's, served by the GitHub
 * simulator; the first sync must replace the demo snapshot rather than be measured against it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';
import type { SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { requestsApiSchema } from '../../src/content/requests-api.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { runCommand } from '../helpers/build-fixture.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';
import { TOKEN } from './sync-run.ts';
import { issue, syncWorld, votes } from './sync-world.ts';

const REPOSITORY = { owner: 'octo-org', name: 'tiny-app' };
const TITLES = ['Offline mode', 'CSV export', 'Dark theme', 'Keyboard shortcuts', 'Webhooks', 'SSO login', 'Bulk edit', 'Audit log', 'Custom fields', 'Mobile app'];

function tinyWorld(): SimWorld {
  const world = syncWorld();
  const [template] = world.repositories;
  if (!template) throw new Error('the sync world has no repository');
  const issues = TITLES.map((title, index) =>
    issue(index + 1, { title, reactions: index % 3 === 0 ? votes(['carol'], 100 + index) : [] }),
  );
  return {
    ...world,
    repositories: [{ ...template, ...REPOSITORY, id: 4242, description: 'A tiny app', issues, discussions: [], pullRequests: [], releases: [], milestones: [] }],
  };
}

const npmRun = (root: string, script: string, env: Record<string, string>) => runCommand('npm', ['run', script], root, env);

let sim: Simulator;
let project: ProjectCopy;
let sync: { code: number | null; output: string };
let build: { code: number | null; output: string };

beforeAll(async () => {
  sim = await startSimulator({ world: tinyWorld(), token: TOKEN });
  project = await copyProject('open-roadmap-own-');
  // 1. Edit roadmap.config.ts: the site's title and URL, and the repositories to read.
  await project.writeConfig({
    site: { title: 'Tiny app roadmap', url: 'https://octo-org.github.io', base: '/tiny-app' },
    sources: [{ repo: `${REPOSITORY.owner}/${REPOSITORY.name}` }],
  });
  // 2. GITHUB_TOKEN=… npm run sync, then npm run build (the simulator stands in for GitHub).
  sync = await npmRun(project.root, 'sync', { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: sim.url, GITHUB_GRAPHQL_URL: sim.graphqlUrl });
  build = sync.code === 0 ? await npmRun(project.root, 'build', {}) : { code: null, output: 'not run: the sync failed' };
}, 300_000);

afterAll(async () => {
  await sim?.close();
  await project?.remove();
});

describe('the README’s steps for your own repository', () => {
  it('sync a 10-item repository over the demo snapshot the project ships with', async () => {
    expect(sync.code, sync.output).toBe(0);
    const snapshot = await readSnapshot(join(project.root, 'content/snapshot'));
    expect(snapshot.manifest.sources.map((source) => source.repository)).toEqual(['octo-org/tiny-app']);
    expect(snapshot.items.map((item) => item.title).sort()).toEqual([...TITLES].sort());
    // Nothing of the demo is left behind.
    expect(existsSync(join(project.root, 'content/snapshot/repos/lumen-dev'))).toBe(false);
  });

  it('build a site of that repository alone', async () => {
    expect(build.code, build.output).toBe(0);
    const api = requestsApiSchema.parse(JSON.parse(await readFile(join(project.root, 'dist/api/requests.json'), 'utf8')));
    expect(api.requests.map((request) => request.title).sort()).toEqual([...TITLES].sort());
    expect(new Set(api.requests.map((request) => request.repository))).toEqual(new Set(['octo-org/tiny-app']));
    const board = await readFile(join(project.root, 'dist/index.html'), 'utf8');
    expect(board).toContain('Tiny app roadmap');
    expect(board).not.toContain('lumen-dev');
  });
});
