/**
 * The built site tells the same truth as the model about a world with real histories (seed 53 of
 * the `histories` preset, synced through the simulator with the project's own configuration):
 * `/api/requests.json` lists exactly the canonical requests `world-oracle.ts` reads in the raw
 * world, with their titles, statuses, duplicates, voters and releases; a renamed or transferred
 * request's former address leads to it; and no title of the private repository is in any file,
 * nor its name, except in the public text of an item that names it.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroundTruth } from '../../scripts/dev/demo/generate.ts';
import type { SimIssue, SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { loadConfig, type RoadmapConfig } from '../../src/config/index.ts';
import { requestsApiSchema, type RequestsApi } from '../../src/content/requests-api.ts';
import { requestPath } from '../../src/model/site-paths.ts';
import { expectedRequests, keyOf, type ExpectedRequest } from './world-oracle.ts';
import { historiesWorld, syncWorld, type SyncedWorld } from './world-scenarios.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = 53;

let world: SimWorld;
let truth: GroundTruth;
let config: RoadmapConfig;
let expected: Map<string, ExpectedRequest>;
let synced: SyncedWorld;
let dist = '';
let buildLog = '';
let api: RequestsApi;

/** The environment of a plain `astro build`: Vitest's own variables would leak into Vite's. */
function buildEnvironment(snapshotDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ROADMAP_SNAPSHOT_DIR: snapshotDir, ROADMAP_ASTRO_CACHE_DIR: `${dist}-astro-cache` };
  for (const name of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(name) || name.startsWith('VITEST')) delete env[name];
  }
  return env;
}

beforeAll(async () => {
  ({ world, truth } = historiesWorld(SEED));
  config = await loadConfig({ root: ROOT });
  expected = expectedRequests(world, config);
  // The project's own configuration, as `npm run sync` and `astro build` read it.
  synced = await syncWorld(world, { file: join(ROOT, 'roadmap.config.ts') });
  expect(synced.code, synced.output).toBe(0);
  dist = await mkdtemp(join(tmpdir(), 'open-roadmap-histories-'));
  const build = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    cwd: ROOT,
    env: buildEnvironment(synced.snapshotDir),
    maxBuffer: 256 * 1024 * 1024,
  });
  buildLog = `${build.stdout}\n${build.stderr}`.toLowerCase();
  api = requestsApiSchema.parse(JSON.parse(await readFile(join(dist, 'api/requests.json'), 'utf8')));
}, 900_000);

afterAll(async () => {
  if (dist) await Promise.all([dist, `${dist}-astro-cache`].map((path) => rm(path, { recursive: true, force: true })));
  await synced?.close();
});

type ApiEntry = RequestsApi['requests'][number];

function disagreements<T>(pick: (entry: ApiEntry) => T, want: (request: ExpectedRequest, entry: ApiEntry) => T): string[] {
  return api.requests.flatMap((entry) => {
    const request = expected.get(keyOf(entry.repository, entry.number));
    if (request === undefined) return [`${entry.repository}#${entry.number}: not a canonical request of the world`];
    const [got, wanted] = [JSON.stringify(pick(entry)), JSON.stringify(want(request, entry))];
    return got === wanted ? [] : [`${entry.repository}#${entry.number} "${entry.title}": expected ${wanted}, got ${got}`];
  });
}

describe(`the JSON API of a site built from a world with real histories (seed ${SEED})`, () => {
  it('lists exactly the canonical requests, with their titles, statuses and duplicates', () => {
    expect(api.requests.map((entry) => keyOf(entry.repository, entry.number)).sort()).toEqual([...expected.keys()].sort());
    expect(
      disagreements(
        (entry) => ({ title: entry.title, status: entry.status, duplicates: entry.duplicates.map((duplicate) => keyOf(duplicate.repository, duplicate.number)).sort() }),
        (request) => ({ title: request.title, status: request.status, duplicates: request.duplicates }),
      ),
    ).toEqual([]);
  });

  it('counts the same people', () => {
    expect(
      disagreements(
        (entry) => ({ votes: entry.votes, voters: entry.voters.map((login) => login.toLowerCase()).sort() }),
        // The project's imported channels add people GitHub does not know (counted in test/channels/):
        // named people, so they cover anonymous upvotes first.
        (request, entry) => {
          const imported = entry.importedVoters.reduce((sum, voters) => sum + voters.people, 0);
          return { votes: Math.max(request.voters.length + imported, request.voters.length + request.anonymous), voters: request.voters };
        },
      ),
    ).toEqual([]);
  });

  it('names the release that contains the change that finally closed each request', () => {
    expect(disagreements((entry) => entry.release, (request) => request.release)).toEqual([]);
  });
});

describe('former addresses', () => {
  it('lead from a renamed request’s old address to its page', async () => {
    const former: Array<{ from: string; to: string }> = [];
    for (const entry of truth.histories.filter((history) => history.kind === 'renamed' || history.kind === 'transferred')) {
      const repository = world.repositories.find((candidate) => `${candidate.owner}/${candidate.name}` === entry.ref.repository);
      const issue = repository?.issues.find((candidate) => candidate.number === entry.ref.number) as SimIssue;
      const to = requestPath({ ...entry.ref, title: issue.title }, config.sources);
      // The site is built from a first sync. GitHub's TransferredEvent names only the former
      // repository, not the former number, so a transfer made before the first sync leaves no
      // address to keep (docs/true-demand.md); test/sync/former-addresses.test.ts covers a transfer
      // between two syncs. The titles it had here since its last transfer were all published here.
      const lastTransfer = issue.events.findLastIndex((event) => event.kind === 'transferred');
      for (const event of issue.events.slice(lastTransfer + 1)) {
        if (event.kind === 'renamed') former.push({ from: requestPath({ ...entry.ref, title: event.previousTitle }, config.sources), to });
      }
    }
    expect(former.length).toBeGreaterThanOrEqual(1);
    const base = config.site.base === '/' ? '' : config.site.base;
    for (const { from, to } of former) {
      const file = join(dist, from, 'index.html');
      expect(existsSync(file), `${from} should lead to ${to}`).toBe(true);
      expect(await readFile(file, 'utf8'), from).toContain(`url=${base}${to}`);
    }
  });
});

describe('the private repository', () => {
  // What it holds may not appear anywhere. Its name may appear only on the page of a public item
  // whose own public text names it (a maintainer's "Duplicate of" comment pointing there), shown
  // as GitHub shows it; the maintainers' page and the build log, which report that marking, do not.
  it('has none of its titles in any file of the site, and its name only in public text that names it', async () => {
    const privateRepository = world.repositories.find((repository) => repository.isPrivate)!;
    const name = `${privateRepository.owner}/${privateRepository.name}`.toLowerCase();
    const titles = [...privateRepository.issues, ...privateRepository.discussions].map((item) => item.title.toLowerCase());
    const naming = world.repositories
      .filter((repository) => !repository.isPrivate)
      .flatMap((repository) =>
        [...repository.issues, ...repository.discussions]
          .filter((item) => [item.body, ...item.comments.map((comment) => comment.body)].some((text) => text.toLowerCase().includes(name)))
          .map((item) => `${requestPath({ repository: `${repository.owner}/${repository.name}`, number: item.number, title: item.title }, config.sources).slice(1)}index.html`),
      );
    const files = (await readdir(dist, { recursive: true })).filter((file) => /\.(html|json|xml|txt|svg|js|css)$/.test(file));
    const leaks: string[] = [];
    for (const file of files) {
      const text = (await readFile(join(dist, file), 'utf8')).toLowerCase();
      for (const secret of titles) if (text.includes(secret)) leaks.push(`${file}: ${secret}`);
      if (text.includes(name) && !naming.includes(file)) leaks.push(`${file}: ${name}`);
    }
    expect(files.length).toBeGreaterThan(100);
    expect(titles.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    // The marking that names it is reported, without the name.
    expect(naming.length).toBeGreaterThan(0);
    const maintainers = (await readFile(join(dist, 'maintainers/index.html'), 'utf8')).toLowerCase();
    expect(maintainers).toContain('an item in a repository that is not among the roadmap’s sources');
    expect([name, ...titles].filter((secret) => buildLog.includes(secret))).toEqual([]);
  });
});
