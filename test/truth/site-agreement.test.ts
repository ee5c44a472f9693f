/**
 * One number everywhere. A demo world the tests never saw (seed 47) is synced through the GitHub
 * simulator with the project's own configuration, the real site is built from it, and for every
 * request of that build the board, the lists, its page, its search metadata, its badge, its social
 * image, the JSON API, the release pages, the feeds and the maintainers' table must all show the
 * same vote count: the number of distinct people found by walking the world by hand.
 *
 * Also checked here, on the same build: a merged duplicate's old address leads to its request, and
 * the maintainers' pages exist but stay unlisted.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOW } from '../../scripts/dev/demo/clock.ts';
import { generateWorld } from '../../scripts/dev/demo/generate.ts';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';
import { readChannels } from '../../src/channels/read-channels.ts';
import { loadConfig, type RoadmapConfig } from '../../src/config/index.ts';
import { requestsApiSchema, type RequestsApi } from '../../src/content/requests-api.ts';
import { VOTERS_SHOWN } from '../../src/content/view-entries.ts';
import { uiStrings } from '../../src/i18n/strings.ts';
import { imageCacheFile } from '../../src/images/image-cache.ts';
import { SOCIAL_IMAGE_RENDERER_VERSION } from '../../src/images/render-social-image.ts';
import { siteInputsOf } from '../../src/images/site-social-images.ts';
import { buildRoadmap, type Roadmap } from '../../src/model/build-roadmap.ts';
import { PRIORITY_SORTS } from '../../src/model/priority-score.ts';
import { MAINTAINER_PATHS, prioritiesPath, requestPath, socialImagePath } from '../../src/model/site-paths.ts';
import type { Request } from '../../src/model/types.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { createSandbox, runSync, TOKEN, type SyncSandbox } from '../sync/sync-run.ts';
import { expectedDemandByRequest, keyOf, type ExpectedDemand } from './world-demand.ts';

const strings = uiStrings('en');

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IMAGE_CACHE = join(ROOT, '.cache/images');
const { world, truth } = generateWorld({ preset: 'demo', seed: 47 });
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

let sim: Simulator;
let sandbox: SyncSandbox;
let dist = '';
let base = '';
let config: RoadmapConfig;
let roadmap: Roadmap;
let demand: Map<string, ExpectedDemand>;
let byPath: Map<string, Request>;

/** The environment of a plain `astro build`: Vitest's own variables would leak into Vite's. */
function buildEnvironment(snapshotDir: string): NodeJS.ProcessEnv {
  // Astro's content store and incremental cache of its own, not shared with other builds.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ROADMAP_SNAPSHOT_DIR: snapshotDir,
    ROADMAP_IMAGE_CACHE_DIR: IMAGE_CACHE,
    ROADMAP_ASTRO_CACHE_DIR: `${dist}-astro-cache`,
  };
  for (const name of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(name) || name.startsWith('VITEST')) delete env[name];
  }
  return env;
}

beforeAll(async () => {
  sim = await startSimulator({ world, token: TOKEN, now: () => new Date(NOW) });
  sandbox = await createSandbox(sim, {});
  // The project's own configuration, as `npm run sync` and `astro build` would read it.
  const { code, output } = await runSync({ ...sandbox, configFile: join(ROOT, 'roadmap.config.ts') });
  expect(code, output).toBe(0);
  dist = await mkdtemp(join(tmpdir(), 'open-roadmap-demand-'));
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    cwd: ROOT,
    env: buildEnvironment(sandbox.snapshotDir),
    maxBuffer: 256 * 1024 * 1024,
  });
  config = await loadConfig({ root: ROOT });
  base = config.site.base === '/' ? '' : config.site.base;
  // The project's imported channels too, as the build reads them (without a subscriber list).
  const imports = await readChannels(config, { root: ROOT, subscribersFile: null });
  roadmap = buildRoadmap(await readSnapshot(sandbox.snapshotDir), config, imports);
  demand = expectedDemandByRequest(world, truth, config);
  byPath = new Map(roadmap.requests.map((request) => [request.path, request]));
}, 600_000);

afterAll(async () => {
  if (dist) await Promise.all([dist, `${dist}-astro-cache`].map((path) => rm(path, { recursive: true, force: true })));
  await sandbox?.cleanup();
  await sim?.close();
});

function fileOf(path: string): string {
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

/** A site path from a URL or href on the built site, without the base. */
function sitePath(url: string): string {
  const pathname = decodeURIComponent(new URL(url, `${config.site.url}${base}/`).pathname);
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}

async function page(path: string): Promise<Element> {
  return parse(await readFile(fileOf(path), 'utf8')) as unknown as Element;
}

function elements(node: Node, found: Element[] = []): Element[] {
  if ('tagName' in node) found.push(node);
  const children = 'content' in node && node.tagName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) elements(child, found);
  return found;
}

const attr = (element: Element, name: string): string | undefined => element.attrs.find((attribute) => attribute.name === name)?.value;
const text = (node: Node): string => (node.nodeName === '#text' && 'value' in node ? node.value : 'childNodes' in node ? node.childNodes.map(text).join('') : '');
const byTag = (root: Node, tag: string) => elements(root).filter((element) => element.tagName === tag);
const withAttr = (root: Node, name: string, value?: string) =>
  elements(root).filter((element) => attr(element, name) !== undefined && (value === undefined || attr(element, name) === value));
const hasClass = (element: Element, name: string) => (attr(element, 'class') ?? '').split(/\s+/).includes(name);

/**
 * What the world says a request's count must be. The project's imported channels add people
 * GitHub does not know of (counted from the files in test/demand/imported-requests.test.ts and
 * test/channels/): they are named people like any other, so they cover anonymous upvotes first.
 * A request imported from a channel has no GitHub truth; the model's count must then be the one
 * shown everywhere.
 */
function expectedVotes(request: Request): number {
  if (request.channel !== null) return request.votes.total;
  const expected = demand.get(request.key);
  if (expected === undefined) throw new Error(`${request.key} is not a canonical request of the generator's truth`);
  const imported = request.votes.imported.reduce((sum, entry) => sum + entry.people, 0);
  return Math.max(expected.people.size + imported, expected.total);
}

const fromGitHub = (requests: readonly Request[]) => requests.filter((request) => request.channel === null);

async function sitemapPaths(): Promise<string[]> {
  const index = xml.parse(await readFile(fileOf('/sitemap.xml'), 'utf8'));
  const paths: string[] = [];
  for (const sitemap of [index.sitemapindex.sitemap].flat()) {
    const set = xml.parse(await readFile(fileOf(sitePath(sitemap.loc)), 'utf8'));
    paths.push(...[set.urlset.url].flat().map((url: { loc: string }) => sitePath(url.loc)));
  }
  return paths;
}

describe('every request of a build shows one vote count, the number of people behind it', () => {
  it('the model counts what the world holds', () => {
    expect(roadmap.requests.length).toBeGreaterThan(100);
    expect(fromGitHub(roadmap.requests).map((request) => request.key).sort()).toEqual([...demand.keys()].sort());
    for (const request of roadmap.requests) expect(request.votes.total, request.key).toBe(expectedVotes(request));
  });

  it('on its page, in its search metadata, on its badge and in its social image', async () => {
    for (const request of roadmap.requests) {
      const votes = expectedVotes(request);
      const html = await page(request.path);
      expect(attr(withAttr(html, 'data-votes')[0] as Element, 'data-votes'), request.path).toBe(String(votes));
      expect(withAttr(html, 'data-pagefind-sort', `votes:${votes}`), request.path).toHaveLength(1);

      const badge = await readFile(fileOf(`${request.path}badge.svg`), 'utf8');
      const values = [...badge.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
      expect(values.at(-1), `${request.path}badge.svg`).toBe(votes.toLocaleString(config.site.language));

      // The image cache is keyed by the card's inputs: the built PNG is the one drawn with this count.
      const input = { ...siteInputsOf(config), kind: 'request' as const, title: request.title, status: request.status, votes };
      const cached = imageCacheFile(input, { directory: IMAGE_CACHE, version: SOCIAL_IMAGE_RENDERER_VERSION });
      expect(existsSync(cached), `${request.path}: no image drawn with ${votes} votes`).toBe(true);
      const built = await readFile(fileOf(socialImagePath(request.path)));
      expect(built.equals(await readFile(cached)), socialImagePath(request.path)).toBe(true);
    }
  });

  it(`on its page, the first ${VOTERS_SHOWN} people as avatars and the others counted`, async () => {
    const crowded = roadmap.requests.filter((request) => (demand.get(request.key)?.people.size ?? 0) > VOTERS_SHOWN);
    expect(crowded.length).toBeGreaterThan(0);
    for (const request of roadmap.requests) {
      const people = demand.get(request.key)?.people ?? new Set<string>();
      const html = await page(request.path);
      const voters = withAttr(html, 'aria-labelledby', 'voters-heading')[0] as Element;
      // Each avatar is a link named after the person (the picture itself is decorative).
      const logins = byTag(voters, 'a')
        .filter((link) => byTag(link, 'span').some((span) => attr(span, 'class')?.split(/\s+/).includes('avatar')))
        .map((link) => attr(link, 'aria-label')?.toLowerCase() ?? '');
      expect(logins.length, request.path).toBe(Math.min(people.size, VOTERS_SHOWN));
      expect(logins.every((login) => people.has(login)), request.path).toBe(true);
      const more = strings.request.moreVoters(people.size - VOTERS_SHOWN);
      expect(text(voters).includes(more), request.path).toBe(people.size > VOTERS_SHOWN);
    }
  });

  it('in the JSON API, with the same people and duplicates', async () => {
    const api: RequestsApi = requestsApiSchema.parse(JSON.parse(await readFile(fileOf('/api/requests.json'), 'utf8')));
    expect(api.requests).toHaveLength(fromGitHub(roadmap.requests).length);
    for (const entry of api.requests) {
      const request = byPath.get(sitePath(entry.page));
      if (request === undefined) throw new Error(`${entry.page} is not a request page`);
      const expected = demand.get(request.key);
      expect(entry.votes, entry.page).toBe(expectedVotes(request));
      expect(entry.voters.map((login) => login.toLowerCase()).sort(), entry.page).toEqual([...(expected?.people ?? [])].sort());
      const duplicates = truth.requests.filter((other) => keyOf(other.canonical) === request.key && keyOf(other.ref) !== request.key);
      expect(entry.duplicates.map((duplicate) => `${duplicate.repository}#${duplicate.number}`.toLowerCase()).sort(), entry.page).toEqual(
        duplicates.map((other) => keyOf(other.ref)).sort(),
      );
    }
  });

  it('on every card of the board and of every request list', async () => {
    const files = (await readdir(join(dist, 'requests'), { recursive: true }))
      .filter((file) => file.endsWith('index.html'))
      .map((file) => join(dist, 'requests', file));
    const seen = new Set<string>();
    let cards = 0;
    for (const file of [join(dist, 'index.html'), ...files]) {
      for (const card of elements(parse(await readFile(file, 'utf8'))).filter((element) => element.tagName === 'li' && hasClass(element, 'request-card'))) {
        const link = byTag(card, 'a').find((anchor) => byPath.has(sitePath(attr(anchor, 'href') ?? '')));
        const request = byPath.get(sitePath(attr(link as Element, 'href') ?? ''));
        if (request === undefined) throw new Error(`a card in ${file} links to no request`);
        expect(attr(withAttr(card, 'data-votes')[0] as Element, 'data-votes'), `${file}: ${request.path}`).toBe(String(expectedVotes(request)));
        seen.add(request.key);
        cards += 1;
      }
    }
    expect(cards).toBeGreaterThan(roadmap.requests.length);
    expect(seen.size).toBe(roadmap.requests.length);
  });

  it('on the release pages and in the release feeds', async () => {
    const shipped = roadmap.releases.filter((release) => release.shipped.length > 0);
    expect(shipped.length).toBeGreaterThan(0);
    for (const release of shipped) {
      const items = elements(await page(release.path)).filter((element) => element.tagName === 'li' && byTag(element, 'span').some((span) => hasClass(span, 'votes')));
      for (const item of items) {
        const link = byTag(item, 'a').find((anchor) => byPath.has(sitePath(attr(anchor, 'href') ?? '')));
        const request = byPath.get(sitePath(attr(link as Element, 'href') ?? ''));
        if (request === undefined) throw new Error(`${release.path}: a shipped request links to no request page`);
        const shown = text(byTag(item, 'span').find((span) => hasClass(span, 'votes')) as Element);
        expect(shown, `${release.path}: ${request.path}`).toBe(strings.request.votesCount(expectedVotes(request)));
      }
      expect(items.length, release.path).toBeGreaterThan(0);
    }
    const atom = xml.parse(await readFile(fileOf('/changelog/atom.xml'), 'utf8'));
    let listed = 0;
    for (const entry of [atom.feed.entry].flat()) {
      const content = parseFragment(String(entry.content['#text'] ?? entry.content));
      // Release notes have lists of their own, whose references link to requests too; the shipped
      // requests are the list after the feed's own heading, which comes last.
      const heading = byTag(content, 'h2').findLast((element) => text(element) === strings.changelog.shippedHeading);
      if (heading === undefined) continue;
      const siblings = heading.parentNode?.childNodes ?? [];
      const list = siblings.slice(siblings.indexOf(heading) + 1).find((node) => 'tagName' in node && node.tagName === 'ul');
      for (const item of list ? byTag(list as Element, 'li') : []) {
        const link = byTag(item, 'a').find((anchor) => byPath.has(sitePath(attr(anchor, 'href') ?? '')));
        const request = link && byPath.get(sitePath(attr(link, 'href') ?? ''));
        if (request === undefined) continue;
        expect(text(item), request.path).toContain(`(${strings.request.votesCount(expectedVotes(request))})`);
        listed += 1;
      }
    }
    expect(listed).toBeGreaterThan(0);
  });

  it('in the maintainers’ priority table', async () => {
    for (const sort of PRIORITY_SORTS) {
      const rows = withAttr(await page(prioritiesPath(sort)), 'data-request');
      expect(rows.length, sort).toBeGreaterThan(0);
      for (const row of rows) {
        const request = roadmap.requests.find((candidate) => candidate.key === attr(row, 'data-request'));
        if (request === undefined) throw new Error(`${attr(row, 'data-request')} is not a request`);
        expect(attr(withAttr(row, 'data-votes')[0] as Element, 'data-votes'), `${sort}: ${request.key}`).toBe(String(expectedVotes(request)));
        expect(request.status === 'shipped' || request.status === 'declined', request.key).toBe(false);
      }
    }
  });
});

describe('a merged duplicate keeps its address', () => {
  it('leads from the address it would have had on its own to its request, and stays out of the index', async () => {
    const sitemap = new Set(await sitemapPaths());
    let redirects = 0;
    for (const request of roadmap.requests) {
      for (const duplicate of request.duplicates) {
        const path = duplicate.channel === null ? requestPath(duplicate, config.sources) : duplicate.path;
        const html = await page(path);
        const refresh = attr(withAttr(html, 'http-equiv', 'refresh')[0] as Element, 'content');
        expect(refresh, path).toBe(`0; url=${base}${request.path}`);
        expect(withAttr(html, 'rel', 'canonical').map((link) => sitePath(attr(link, 'href') ?? '')), path).toEqual([request.path]);
        expect(withAttr(html, 'name', 'robots').map((meta) => attr(meta, 'content')), path).toEqual(['noindex']);
        expect(byTag(html, 'a').some((link) => attr(link, 'href') === `${base}${request.path}`), path).toBe(true);
        expect(withAttr(html, 'data-pagefind-body'), path).toHaveLength(0);
        expect(sitemap.has(path), path).toBe(false);
        redirects += 1;
      }
    }
    expect(redirects).toBeGreaterThan(10);
  });
});

describe('the maintainers’ pages', () => {
  const maintainerPaths = [MAINTAINER_PATHS.home, ...PRIORITY_SORTS.map(prioritiesPath)];

  it('exist, but are not indexed, not in the sitemap and not in the navigation', async () => {
    const sitemap = await sitemapPaths();
    const board = await page('/');
    const navigation = byTag(board, 'header').flatMap((header) => byTag(header, 'a').map((link) => sitePath(attr(link, 'href') ?? '')));
    for (const path of maintainerPaths) {
      const html = await page(path);
      expect(withAttr(html, 'name', 'robots').map((meta) => attr(meta, 'content')), path).toEqual(['noindex']);
      expect(sitemap.some((entry) => entry.startsWith('/maintainers/')), path).toBe(false);
      expect(navigation.some((link) => link.startsWith('/maintainers/')), path).toBe(false);
    }
  });

  it('link to the priorities and the suggested duplicates, and list every marking the build could not follow', async () => {
    const html = await page(MAINTAINER_PATHS.home);
    const links = byTag(html, 'a').map((link) => sitePath(attr(link, 'href') ?? ''));
    expect(links).toContain(MAINTAINER_PATHS.priorities);
    expect(links).toContain(MAINTAINER_PATHS.duplicates);
    const unfollowable = truth.markedDuplicates.filter((entry) => ['self', 'unknown-target', 'private-target'].includes(entry.how));
    const cycles = truth.markedDuplicates.filter((entry) => entry.how === 'cycle');
    const expected = [...unfollowable.map((entry) => entry.duplicate), ...cycles.map((entry) => entry.canonical)];
    // Imported requests have no page on GitHub; the world's own markings are the ones checked here.
    const rows = withAttr(html, 'data-problem').filter((row) => (attr(byTag(row, 'a')[0] as Element, 'href') ?? '').startsWith('http'));
    // Each row links to its item on GitHub: https://github.com/<owner>/<name>/(issues|discussions)/<number>.
    const listed = rows.map((row) => {
      const [, owner, name, , number] = new URL(attr(byTag(row, 'a')[0] as Element, 'href') ?? '').pathname.split('/');
      return keyOf({ repository: `${owner}/${name}`, number: Number(number) });
    });
    expect(listed.sort()).toEqual([...new Set(expected.map(keyOf))].sort());
  });
});
