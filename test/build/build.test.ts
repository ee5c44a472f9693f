/**
 * Builds the real site from `test/fixtures/snapshot-mini` (once, into a temporary folder) and
 * checks what a visitor, a feed reader, a crawler or an API client would get.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChannels } from '../../src/channels/read-channels.ts';
import { loadConfig, type RoadmapConfig } from '../../src/config/index.ts';
import { requestsApiSchema, type RequestsApi } from '../../src/content/requests-api.ts';
import { buildRoadmap, type Roadmap } from '../../src/model/build-roadmap.ts';
import { requestPath } from '../../src/model/site-paths.ts';
import { readSnapshot, type Snapshot } from '../../src/snapshot/read-snapshot.ts';
import { uiStrings } from '../../src/i18n/strings.ts';
import { serveSite, type ServedSite } from '../search/serve-site.ts';
import { hasRawHtml, htmlText, indexOfRun, markdownWords, words } from '../helpers/markdown-words.ts';

const strings = uiStrings('en');

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/snapshot-mini');

let dist = '';
let base = '';
let config: RoadmapConfig;
let snapshot: Snapshot;
let roadmap: Roadmap;
let htmlFiles: string[] = [];
let buildLog = '';
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

/** The environment of a plain `astro build`: Vitest's own variables (BASE_URL, MODE, NODE_ENV=test…) would leak into Vite's. */
function buildEnvironment(): NodeJS.ProcessEnv {
  // A cache of its own: Astro's content store and incremental cache are not shared with other builds.
  const env: NodeJS.ProcessEnv = { ...process.env, ROADMAP_SNAPSHOT_DIR: FIXTURE, ROADMAP_ASTRO_CACHE_DIR: `${dist}-astro-cache` };
  for (const name of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(name) || name.startsWith('VITEST')) delete env[name];
  }
  return env;
}

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'open-roadmap-build-'));
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    cwd: ROOT,
    env: { ...buildEnvironment(), NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 256 * 1024 * 1024,
  });
  buildLog = stdout + stderr;
  config = await loadConfig({ root: ROOT });
  base = config.site.base === '/' ? '' : config.site.base;
  snapshot = await readSnapshot(FIXTURE);
  // With the project's imported channels, as the build reads them.
  roadmap = buildRoadmap(snapshot, config, await readChannels(config, { root: ROOT, subscribersFile: null }));
  htmlFiles = (await readdir(dist, { recursive: true })).filter((file) => file.endsWith('.html')).map((file) => join(dist, file));
}, 300_000);

afterAll(async () => {
  if (dist) await Promise.all([dist, `${dist}-astro-cache`].map((path) => rm(path, { recursive: true, force: true })));
});

/** The built file behind a site path (`/requests/` → `requests/index.html`). */
function fileOf(path: string): string {
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

/** A site path from a URL or href on the built site, without the base. */
function sitePath(url: string): string {
  const pathname = new URL(url, `${config.site.url}${base}/`).pathname;
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

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

function text(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

const byTag = (root: Node, tag: string) => elements(root).filter((element) => element.tagName === tag);
const withAttr = (root: Node, name: string, value?: string) =>
  elements(root).filter((element) => attr(element, name) !== undefined && (value === undefined || attr(element, name) === value));

/** The requests from the snapshot's issues and Discussions, without those of the project's imported channels. */
function fromGitHub() {
  return roadmap.requests.filter((request) => request.channel === null);
}

function duplicateItems() {
  return roadmap.requests.flatMap((request) => request.duplicates);
}

describe('the build', () => {
  it('logs no warning from the bundler, so a maintainer reading the log sees only the roadmap’s own', () => {
    expect(buildLog).toMatch(/Complete!/);
    expect(buildLog.split('\n').filter((line) => line.includes('[WARN] [vite]'))).toEqual([]);
  });
});

describe('request pages', () => {
  it('give every canonical request a page with its title and vote count', async () => {
    expect(roadmap.requests.length).toBeGreaterThan(10);
    for (const request of roadmap.requests) {
      const html = await page(request.path);
      expect(byTag(html, 'h1').map(text), request.path).toEqual([request.title]);
      expect(attr(withAttr(html, 'data-votes')[0] as Element, 'data-votes'), request.path).toBe(String(request.votes.total));
    }
  });

  it('fold duplicates into the canonical request, linking each one', async () => {
    // In the fixture, issue #15 (marked by GitHub) and Discussion #31 (maintainer comment) duplicate #12.
    const darkMode = roadmap.requests.find((request) => request.number === 12 && request.repository === 'lumen-dev/lumen');
    const html = await page(darkMode?.path ?? '/missing/');
    const links = byTag(html, 'a').map((link) => attr(link, 'href'));
    expect(links).toContain('https://github.com/lumen-dev/lumen/issues/15');
    expect(links).toContain('https://github.com/lumen-dev/lumen/discussions/31');
    // A duplicate's own address is no request page: it sends visitors on to its request.
    for (const request of roadmap.requests) {
      for (const duplicate of request.duplicates) {
        const html = await page(duplicate.channel === null ? requestPath(duplicate, config.sources) : duplicate.path);
        expect(withAttr(html, 'data-pagefind-body'), duplicate.key).toHaveLength(0);
        expect(attr(withAttr(html, 'http-equiv', 'refresh')[0] as Element, 'content'), duplicate.key).toBe(`0; url=${base}${request.path}`);
      }
    }
  });

  it('count a person who voted on several duplicates once', async () => {
    // "ada" reacted to #12, to its duplicate #15 and to its duplicate Discussion #31.
    const darkMode = roadmap.requests.find((request) => request.number === 12 && request.repository === 'lumen-dev/lumen');
    const html = await page(darkMode?.path ?? '/missing/');
    const avatars = byTag(html, 'a').filter((link) => attr(link, 'aria-label') === 'ada');
    expect(avatars).toHaveLength(1);
    // 8 voters + the author on #12, 2 new voters + the author on #15, the author of #31 (ada
    // again there): 13 people. The 6 anonymous upvotes on #31 may all be theirs, so none is added.
    // The project's imported channels add their own people (counted in test/channels/).
    const imported = darkMode?.votes.imported.reduce((sum, entry) => sum + entry.people, 0) ?? 0;
    expect(attr(withAttr(html, 'data-votes')[0] as Element, 'data-votes')).toBe(String(13 + imported));
  });

  it('show each voter’s avatar from GitHub at twice its size, over their initials, and link to vote and subscribe on GitHub', async () => {
    const request = roadmap.requests.find((candidate) => candidate.votes.people.length > 3);
    const html = await page(request?.path ?? '/missing/');
    const voters = elements(html).filter((element) => attr(element, 'class')?.split(' ').includes('avatars'))[0];
    const avatars = byTag(voters ?? html, 'a').map((link) => ({
      login: attr(link, 'aria-label'),
      picture: elements(link).map((element) => attr(element, 'style') ?? '').find((style) => style.includes('background-image')),
      initials: elements(link).map((element) => attr(element, 'data-initials')).find((initials) => initials !== undefined) ?? '',
    }));
    // The voters' data as synced: GitHub's avatar address, asked for 32 px shown at 2x.
    const expected = (request?.votes.people ?? []).slice(0, 40).map((person) => {
      const url = new URL(person.avatarUrl);
      url.searchParams.set('s', '64');
      return { login: person.login, picture: `background-image: url("${url.href}")`, initial: person.login[0]?.toUpperCase() };
    });
    expect(avatars.map(({ login, picture, initials }) => ({ login, picture, initial: initials[0] }))).toEqual(expected);
    const links = byTag(html, 'a').map((link) => ({ href: attr(link, 'href'), text: text(link) }));
    expect(links.filter((link) => link.href === request?.url).length).toBeGreaterThanOrEqual(2);
    // The feed to subscribe to is at the stable address, which a rename does not move.
    expect(links.some((link) => link.href === `${base}/requests/${request?.number}/atom.xml` || link.href === `${base}/requests/lumen-docs-${request?.number}/atom.xml`)).toBe(true);
  });

  it('link a shipped request to the release that shipped it, marked when a pre-release', async () => {
    for (const request of roadmap.requests.filter((candidate) => candidate.release)) {
      const html = await page(request.path);
      const links = byTag(html, 'a').map((link) => attr(link, 'href'));
      expect(links, request.path).toContain(`${base}${request.release?.path}`);
      const marked = elements(html).some((element) => attr(element, 'class') === 'prerelease-badge');
      expect(marked, request.path).toBe(request.release?.isPrerelease);
    }
  });

  it('carry the attributes search indexes them by', async () => {
    const request = roadmap.requests.find((candidate) => candidate.labels.length > 0) ?? roadmap.requests[0];
    const html = await page(request?.path ?? '/missing/');
    // The title and the body: nothing else on the page is searched.
    expect(withAttr(html, 'data-pagefind-body').map((element) => element.tagName)).toEqual(request?.body.trim() ? ['h1', 'div'] : ['h1']);
    expect(withAttr(html, 'data-pagefind-filter', 'status').map(text)).toEqual([config.statuses.names[request?.status ?? 'planned']]);
    expect(withAttr(html, 'data-pagefind-filter', 'label').map(text)).toEqual(request?.labels.map((label) => label.name));
    expect(withAttr(html, 'data-pagefind-filter', `repository:${request?.repository}`)).toHaveLength(1);
    expect(withAttr(html, 'data-pagefind-sort', `votes:${request?.votes.total}`)).toHaveLength(1);
    expect(withAttr(html, 'data-pagefind-meta', 'title').map(text)).toEqual([request?.title]);
    for (const chrome of [...byTag(html, 'header').filter((header) => attr(header, 'class') === 'site-header'), ...byTag(html, 'footer')]) {
      expect(attr(chrome, 'data-pagefind-ignore')).toBe('all');
    }
  });
});

describe('lists and board', () => {
  it('list every canonical request once across the pages of the full list, and no duplicate', async () => {
    const linked: string[] = [];
    for (let number = 1; ; number++) {
      const path = number === 1 ? '/requests/top/' : `/requests/top/${number}/`;
      if (!existsSync(fileOf(path))) break;
      const html = await page(path);
      linked.push(...elements(html).filter((element) => attr(element, 'class') === 'request-card-title').map((title) => sitePath(attr(byTag(title, 'a')[0] as Element, 'href') ?? '')));
    }
    expect(linked.sort()).toEqual(roadmap.requests.map((request) => request.path).sort());
  });

  it('keep declined requests off the board but list them', async () => {
    const declined = roadmap.requests.filter((request) => request.status === 'declined');
    expect(declined.length).toBeGreaterThan(0);
    const board = byTag(await page('/'), 'a').map((link) => sitePath(attr(link, 'href') ?? ''));
    const list = byTag(await page('/requests/status/declined/top/'), 'a').map((link) => sitePath(attr(link, 'href') ?? ''));
    for (const request of declined) {
      expect(board).not.toContain(request.path);
      expect(list).toContain(request.path);
    }
  });

  it('make filtered and sorted lists that link to each other without JavaScript', async () => {
    const html = await page('/requests/status/planned/newest/');
    const links = byTag(html, 'a').map((link) => sitePath(attr(link, 'href') ?? ''));
    expect(links).toContain('/requests/status/planned/top/');
    expect(links).toContain('/requests/newest/');
    for (const link of links.filter((candidate) => candidate.startsWith('/requests/'))) {
      expect(existsSync(fileOf(link)), link).toBe(true);
    }
  });
});

describe('safety', () => {
  it('never turns a hostile payload into live markup', async () => {
    let probes = 0;
    for (const file of htmlFiles) {
      const source = await readFile(file, 'utf8');
      probes += source.split('XSS-PROBE').length - 1;
      const where = relative(dist, file);
      for (const element of elements(parse(source))) {
        for (const attribute of element.attrs) {
          expect(attribute.name, `${where}: <${element.tagName} ${attribute.name}>`).not.toMatch(/^on/i);
          if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name)) {
            expect(attribute.value.trim(), `${where}: ${attribute.name}`).not.toMatch(/^(?:javascript|data|vbscript):/i);
          }
        }
        if (element.tagName === 'script') {
          expect(text(element).trim(), `${where}: inline script`).toBe('');
          expect(attr(element, 'src'), `${where}: script without src`).toMatch(new RegExp(`^${base}/[\\w./-]+\\.js$`));
        }
        expect(['iframe', 'object', 'embed', 'base'], where).not.toContain(element.tagName);
        // The theme's colours are the only styles in a page, and they sit in its head.
        if (element.tagName === 'style') expect(element.parentNode?.nodeName, `${where}: <style>`).toBe('head');
        // The only SVG in pages are the site's own decorative icons.
        if (element.tagName === 'svg') expect(attr(element, 'aria-hidden'), `${where}: <svg>`).toBe('true');
      }
    }
    // The payloads are there, as text: the test would mean little if they had been dropped.
    expect(probes).toBeGreaterThan(0);
  });

  it('puts a Content-Security-Policy without inline scripts on every page', async () => {
    for (const file of htmlFiles) {
      const policy = withAttr(parse(await readFile(file, 'utf8')), 'http-equiv', 'Content-Security-Policy').map((meta) => attr(meta, 'content') ?? '');
      expect(policy, relative(dist, file)).toHaveLength(1);
      const scriptSources = /script-src ([^;]*)/.exec(policy[0] ?? '')?.[1] ?? '';
      expect(scriptSources).toContain("'self'");
      expect(scriptSources).not.toContain('unsafe-inline');
      expect(policy[0]).toContain("default-src 'self'");
    }
  });

  it('lets pages load images only from the site and GitHub’s image hosts', async () => {
    // GitHub's public image hosts, and where its attachment links redirect a browser to.
    const allowed = [
      'https://avatars.githubusercontent.com',
      'https://user-images.githubusercontent.com',
      'https://github.com/user-attachments/assets/',
      'https://camo.githubusercontent.com',
      'https://raw.githubusercontent.com',
      'https://private-user-images.githubusercontent.com',
    ];
    for (const file of htmlFiles) {
      const html = parse(await readFile(file, 'utf8'));
      const policy = attr(withAttr(html, 'http-equiv', 'Content-Security-Policy')[0] as Element, 'content') ?? '';
      // data: for the theme toggle's icons (CSS masks): it contacts no host.
      expect(/img-src ([^;]*)/.exec(policy)?.[1]?.split(' '), relative(dist, file)).toEqual(["'self'", ...allowed]);
      const sources = [
        ...byTag(html, 'img').map((image) => attr(image, 'src') ?? ''),
        ...elements(html).flatMap((element) => [...(attr(element, 'style') ?? '').matchAll(/url\("([^"]*)"\)/g)].map((match) => match[1] ?? '')),
      ];
      for (const source of sources) {
        const url = new URL(source, config.site.url);
        const onSite = url.origin === config.site.url;
        expect(onSite || allowed.some((prefix) => url.href.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)), `${source} in ${relative(dist, file)}`).toBe(true);
      }
    }
  });

  it('gives every page a canonical address and a description', async () => {
    for (const file of htmlFiles) {
      const html = parse(await readFile(file, 'utf8'));
      const canonical = withAttr(html, 'rel', 'canonical').map((link) => attr(link, 'href') ?? '');
      expect(canonical, relative(dist, file)).toHaveLength(1);
      expect(canonical[0]).toMatch(new RegExp(`^${config.site.url}${base}/`));
      expect(attr(withAttr(html, 'name', 'description')[0] as Element, 'content')?.length, relative(dist, file)).toBeGreaterThan(10);
    }
  });

  it('points social cards at the images of requests and releases', async () => {
    const request = roadmap.requests[0];
    const image = attr(withAttr(await page(request?.path ?? '/missing/'), 'property', 'og:image')[0] as Element, 'content');
    expect(image).toBe(`${config.site.url}${base}/og/requests/${request?.slug}.png`);
    expect(existsSync(fileOf(sitePath(image ?? ''))), image).toBe(true);
    const release = roadmap.releases[0];
    const releaseImage = attr(withAttr(await page(release?.path ?? '/missing/'), 'property', 'og:image')[0] as Element, 'content');
    expect(releaseImage).toBe(`${config.site.url}${base}/og/changelog/${release?.slug}.png`);
    expect(existsSync(fileOf(sitePath(releaseImage ?? ''))), releaseImage).toBe(true);
  });
});

describe('changelog', () => {
  it('has a page per release with the requests it shipped, prereleases marked', async () => {
    for (const release of roadmap.releases) {
      const html = await page(release.path);
      const links = byTag(html, 'a').map((link) => sitePath(attr(link, 'href') ?? ''));
      for (const key of release.shipped) {
        const request = roadmap.requests.find((candidate) => candidate.key === key);
        expect(links, release.tagName).toContain(request?.path);
      }
      const marked = elements(html).some((element) => attr(element, 'class') === 'prerelease-badge');
      expect(marked, release.tagName).toBe(release.isPrerelease);
    }
  });

  it('groups what a release shipped under the category of each request’s labels', async () => {
    // The category a request belongs to, from its item's labels on GitHub and the configured
    // categories in order; requests no category takes are listed last.
    const categoryOf = (key: string): string => {
      const item = snapshot.items.find((candidate) => `${candidate.repository}#${candidate.number}`.toLowerCase() === key);
      const labels = new Set((item?.labels ?? []).map((label) => label.toLowerCase()));
      return config.changelog.categories.find((category) => category.labels.some((label) => labels.has(label.toLowerCase())))?.title ?? config.changelog.other;
    };
    let checked = 0;
    for (const release of roadmap.releases.filter((entry) => entry.shipped.length > 0)) {
      const html = await page(release.path);
      const categories = new Set(release.shipped.map(categoryOf));
      const headings = byTag(html, 'h3').filter((heading) => attr(heading.parentNode as Element, 'class') === 'shipped-group').map(text);
      // One heading per category in use, in the configured order, unless all are "other".
      const order = [...config.changelog.categories.map((category) => category.title), config.changelog.other];
      const expected = order.filter((title) => categories.has(title));
      expect(headings, release.tagName).toEqual(expected.length === 1 && expected[0] === config.changelog.other ? [] : expected);
      for (const group of elements(html).filter((element) => attr(element, 'class') === 'shipped-group')) {
        const title = byTag(group, 'h3').map(text)[0] ?? config.changelog.other;
        for (const link of byTag(group, 'a')) {
          const request = roadmap.requests.find((candidate) => candidate.path === sitePath(attr(link, 'href') ?? ''));
          expect(request && categoryOf(request.key), `${release.tagName}: ${attr(link, 'href')}`).toBe(title);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('has a page per milestone listing its requests and how many are done', async () => {
    const milestones = snapshot.repositories.flatMap((repository) => repository.milestones.map((milestone) => ({ repository: repository.repository, ...milestone })));
    let pages = 0;
    for (const milestone of milestones) {
      // Its requests: canonical requests whose item is in the milestone on GitHub.
      const inIt = roadmap.requests.filter((request) => {
        const item = snapshot.items.find((candidate) => `${candidate.repository}#${candidate.number}`.toLowerCase() === request.key);
        return item?.type === 'issue' && item.milestone === milestone.number && item.repository.toLowerCase() === milestone.repository.toLowerCase();
      });
      // Addresses outside the first repository start with the repository's name, as requests' do.
      const first = milestone.repository.toLowerCase() === config.sources[0]?.repo.toLowerCase();
      const prefix = `${first ? '' : `${milestone.repository.split('/')[1]?.toLowerCase()}-`}${milestone.number}-`;
      const listed = (await readdir(join(dist, 'milestones'))).filter((name) => name.startsWith(prefix));
      if (inIt.length === 0) {
        expect(listed, milestone.title).toEqual([]);
        continue;
      }
      expect(listed, milestone.title).toHaveLength(1);
      const html = await page(`/milestones/${listed[0]}/`);
      const links = new Set(byTag(html, 'a').map((link) => sitePath(attr(link, 'href') ?? '')));
      for (const request of inIt) expect(links, `${milestone.title}: ${request.key}`).toContain(request.path);
      const done = inIt.filter((request) => {
        const item = snapshot.items.find((candidate) => `${candidate.repository}#${candidate.number}`.toLowerCase() === request.key);
        return item?.state === 'CLOSED';
      }).length;
      const progress = byTag(html, 'progress')[0];
      expect(progress && [attr(progress, 'value'), attr(progress, 'max')], milestone.title).toEqual([String(done), String(inIt.length)]);
      pages += 1;
    }
    expect(pages).toBeGreaterThan(0);
  });

  it('appends the MDX notes written for a release', async () => {
    const source = await readFile(fileOf('/changelog/v1.6.0/'), 'utf8');
    expect(source).toContain('Upgrading from 1.5');
  });

  it('publishes RSS and Atom feeds of the releases', async () => {
    const rss = xml.parse(await readFile(fileOf('/changelog/rss.xml'), 'utf8'));
    const items = [rss.rss.channel.item].flat();
    expect(items.map((item: { link: string }) => sitePath(item.link))).toEqual(roadmap.releases.map((release) => release.path));
    const atom = xml.parse(await readFile(fileOf('/changelog/atom.xml'), 'utf8'));
    const entries = [atom.feed.entry].flat();
    expect(entries).toHaveLength(roadmap.releases.length);
    const beta = entries.find((entry: { title: string }) => entry.title.includes('beta'));
    expect(beta.title).toMatch(/Pre-release/);
    // Sanitized HTML travels escaped, so the hostile release notes stay inert in feed readers too.
    expect(beta.content['#text']).not.toMatch(/<script|onerror/i);
  });

  it('publishes a status feed per request', async () => {
    for (const request of roadmap.requests) {
      const feed = xml.parse(await readFile(fileOf(`${request.path}atom.xml`), 'utf8'));
      const entries = [feed.feed.entry ?? []].flat();
      expect(entries.length, request.path).toBe(request.statusHistory.length + request.shippedIn.length);
    }
  });

  it('serves a vote badge per request, with its text escaped', async () => {
    const hostile = roadmap.requests.find((request) => request.title.includes('XSS-PROBE'));
    const svg = await readFile(fileOf(`${hostile?.path}badge.svg`), 'utf8');
    const parsed = xml.parse(svg);
    expect(parsed.svg.title).toContain('XSS-PROBE');
    expect(svg).not.toContain('<img');
  });
});

/**
 * Addresses a request published before a rename or a transfer, and its stable ones, written out
 * from the fixture's titles: `Incremental builds` (lumen#20) was "Faster rebuilds" and "Rebuild
 * only what changed"; `Dark mode screenshots in the theming guide` (lumen-docs#8) was lumen#18
 * "Dark screenshots".
 */
const INCREMENTAL_BUILDS = '/requests/20-incremental-builds/';
const DARK_SCREENSHOTS = '/requests/lumen-docs-8-dark-mode-screenshots-in-the-theming-guide/';
const MOVED: Array<[string, string]> = [
  ['/requests/20/', INCREMENTAL_BUILDS],
  ['/requests/20-faster-rebuilds/', INCREMENTAL_BUILDS],
  ['/requests/20-rebuild-only-what-changed/', INCREMENTAL_BUILDS],
  ['/requests/lumen-docs-8/', DARK_SCREENSHOTS],
  ['/requests/18-dark-screenshots/', DARK_SCREENSHOTS],
  ['/requests/18/', DARK_SCREENSHOTS],
];

describe('addresses that moved', () => {
  it('lead to the request: a noindex page with a refresh and a canonical link to its page', async () => {
    for (const [from, to] of MOVED) {
      const html = await page(from);
      expect(withAttr(html, 'data-pagefind-body'), from).toHaveLength(0);
      expect(attr(withAttr(html, 'http-equiv', 'refresh')[0] as Element, 'content'), from).toBe(`0; url=${base}${to}`);
      expect(attr(withAttr(html, 'rel', 'canonical')[0] as Element, 'href'), from).toBe(`${config.site.url}${base}${to}`);
      expect(attr(withAttr(html, 'name', 'robots')[0] as Element, 'content'), from).toBe('noindex');
      expect(byTag(html, 'a').map((link) => attr(link, 'href')), from).toContain(`${base}${to}`);
    }
  });

  it('keep serving the request’s badge and feed, the same files as beside its page', async () => {
    for (const [from, to] of MOVED) {
      for (const file of ['badge.svg', 'atom.xml']) {
        const moved = await readFile(fileOf(`${from}${file}`), 'utf8');
        expect(XMLValidator.validate(moved), `${from}${file}`).toBe(true);
        expect(moved, `${from}${file}`).toBe(await readFile(fileOf(`${to}${file}`), 'utf8'));
      }
    }
  });

  it('never replace a live page or a merged duplicate’s redirect that has the same address', async () => {
    // lumen-docs#12 records lumen#64's page and lumen#15's address among its former ones.
    const live = await page('/requests/64-view-transitions-between-pages/');
    expect(byTag(live, 'h1').map(text)).toEqual(['View transitions between pages']);
    expect(await readFile(fileOf('/requests/64-view-transitions-between-pages/badge.svg'), 'utf8')).toBe(await readFile(fileOf('/requests/64/badge.svg'), 'utf8'));
    expect(await readFile(fileOf('/requests/64/badge.svg'), 'utf8')).not.toBe(await readFile(fileOf('/requests/lumen-docs-12/badge.svg'), 'utf8'));
    const duplicate = await page('/requests/15-dark-theme-please/');
    expect(attr(withAttr(duplicate, 'http-equiv', 'refresh')[0] as Element, 'content')).toBe(`0; url=${base}/requests/12-dark-mode-for-the-default-theme/`);
  });

  it('are offered on the request page as the badge and feed to paste, and stay out of the sitemap', async () => {
    const html = await page(INCREMENTAL_BUILDS);
    const links = byTag(html, 'a').map((link) => attr(link, 'href'));
    expect(links).toContain(`${base}/requests/20/badge.svg`);
    expect(links).toContain(`${base}/requests/20/atom.xml`);
    expect(withAttr(html, 'type', 'application/atom+xml').map((link) => attr(link, 'href'))).toEqual([`${base}/requests/20/atom.xml`]);
    const markdown = text(byTag(html, 'pre').find((element) => attr(element, 'class')?.includes('badge-markdown')) as Element);
    expect(markdown).toBe(`[![votes](${config.site.url}${base}/requests/20/badge.svg)](${config.site.url}${base}/requests/20/)`);

    const index = xml.parse(await readFile(fileOf('/sitemap.xml'), 'utf8'));
    const listed: string[] = [];
    for (const sitemap of [index.sitemapindex.sitemap].flat()) {
      const set = xml.parse(await readFile(fileOf(sitePath(sitemap.loc)), 'utf8'));
      listed.push(...[set.urlset.url].flat().map((url: { loc: string }) => sitePath(url.loc)));
    }
    expect(listed).toContain(INCREMENTAL_BUILDS);
    for (const [from] of MOVED) expect(listed).not.toContain(from);
  });
});

describe('a way to suggest something', () => {
  /** A link's name as a screen reader reads it: its text without the parts hidden from it. */
  function linkName(node: Node): string {
    if ('attrs' in node && attr(node, 'aria-hidden') === 'true') return '';
    if (node.nodeName === '#text' && 'value' in node) return node.value;
    return 'childNodes' in node ? node.childNodes.map(linkName).join('') : '';
  }

  /**
   * The public repositories that take suggestions, from the raw snapshot and the configuration as
   * the README documents them: `suggest` as written, or GitHub's new-issue chooser for a source
   * that publishes issues.
   */
  function expectedTargets(): string[] {
    return snapshot.repositories.flatMap((repository) => {
      const source = config.sources.find((candidate) => candidate.repo.toLowerCase() === repository.repository.toLowerCase());
      if (!source || repository.isPrivate) return [];
      const suggest = source.suggest ?? (source.issues === false ? false : 'issues');
      if (suggest === false) return [];
      if (suggest === 'issues') return [`${repository.url}/issues/new/choose`];
      if (suggest.issueTemplate) return [`${repository.url}/issues/new?template=${suggest.issueTemplate}`];
      return [`${repository.url}/discussions/new?category=${suggest.discussionCategory}`];
    });
  }

  it('puts "Suggest a feature" on every page, straight to GitHub for one repository or to the page listing them', async () => {
    const targets = expectedTargets();
    expect(targets.length).toBeGreaterThan(0);
    const expected = targets.length === 1 ? targets[0] : `${base}/suggest/`;
    for (const file of htmlFiles) {
      const html = parse(await readFile(file, 'utf8')) as unknown as Element;
      // Address redirects (a refresh to the request) are not pages a visitor reads.
      if (elements(html).some((element) => attr(element, 'http-equiv') === 'refresh')) continue;
      const suggest = byTag(html, 'a').filter((link) => linkName(link).trim() === strings.suggest.link);
      expect(suggest.length, relative(dist, file)).toBeGreaterThan(0);
      for (const link of suggest) expect(attr(link, 'href'), relative(dist, file)).toBe(expected);
    }
  });

  it('lists on /suggest/ exactly the public repositories that take suggestions', async () => {
    const html = await page('/suggest/');
    const main = byTag(html, 'main')[0] ?? html;
    const github = byTag(main, 'a')
      .map((link) => attr(link, 'href') ?? '')
      .filter((href) => snapshot.repositories.some((repository) => href.startsWith(`${repository.url}/`)));
    expect(github.sort()).toEqual(expectedTargets().sort());
  });

  it('asks for votes on open requests only; shipped and declined ones say what happened', async () => {
    const seen = new Set<string>();
    for (const request of roadmap.requests.filter((candidate) => candidate.channel !== null)) {
      // An imported request has nothing to vote on at GitHub: it says where it came from.
      const html = htmlText(await readFile(fileOf(request.path), 'utf8'));
      expect(html, request.path).not.toContain(strings.request.voteOnGitHub);
      expect(html, request.path).toContain(strings.channels.voteHint(request.channel ?? ''));
    }
    for (const request of fromGitHub()) {
      const html = await page(request.path);
      const pill = elements(withAttr(html, 'data-pagefind-filter', 'status')[0] ?? html).find((element) => attr(element, 'class') === 'status-pill');
      const status = attr(pill ?? html, 'data-status') ?? '';
      seen.add(status);
      const voteLinks = byTag(html, 'a').filter((link) => text(link).startsWith(strings.request.voteOnGitHub));
      const closed = status === 'shipped' || status === 'declined';
      expect(voteLinks.length, `${request.path} (${status})`).toBe(closed ? 0 : 1);
      const said = strings.request.votingClosed(config.statuses.names[status as 'shipped' | 'declined'] ?? status);
      expect(htmlText(await readFile(fileOf(request.path), 'utf8')).includes(said), request.path).toBe(closed);
    }
    // The fixture has requests of each kind, so both branches ran.
    expect(seen).toContain('shipped');
    expect(seen).toContain('declined');
    expect(seen).toContain('under-review');
  });
});

describe('data for machines', () => {
  let api: RequestsApi;
  beforeAll(async () => {
    api = requestsApiSchema.parse(JSON.parse(await readFile(fileOf('/api/requests.json'), 'utf8')));
  });

  it('gives each request its stable badge and feed, and the former addresses it still holds', () => {
    const site = `${config.site.url}${base}`;
    const incremental = api.requests.find((request) => request.number === 20 && request.repository === 'lumen-dev/lumen');
    expect(incremental).toMatchObject({
      page: `${site}${INCREMENTAL_BUILDS}`,
      stablePage: `${site}/requests/20/`,
      badge: `${site}/requests/20/badge.svg`,
      feed: `${site}/requests/20/atom.xml`,
      formerPages: [`${site}/requests/20-faster-rebuilds/`, `${site}/requests/20-rebuild-only-what-changed/`],
    });
    // Its former addresses that a live page or a duplicate holds are not its to list.
    const explain = api.requests.find((request) => request.number === 12 && request.repository === 'lumen-dev/lumen-docs');
    expect(explain?.formerPages).not.toContain(`${site}/requests/64-view-transitions-between-pages/`);
    expect(explain?.formerPages).not.toContain(`${site}/requests/15-dark-theme-please/`);
  });

  it('lists the canonical requests only, with their duplicates', () => {
    expect(api.requests).toHaveLength(fromGitHub().length);
    expect(api.importedRequests).toHaveLength(roadmap.requests.length - fromGitHub().length);
    const listed = new Set(api.requests.map((request) => `${request.repository}#${request.number}`.toLowerCase()));
    for (const duplicate of duplicateItems()) expect(listed.has(duplicate.key)).toBe(false);
    const darkMode = api.requests.find((request) => request.number === 12 && request.repository === 'lumen-dev/lumen');
    expect(darkMode?.duplicates).toEqual([
      { repository: 'lumen-dev/lumen', number: 15, type: 'issue' },
      { repository: 'lumen-dev/lumen', number: 31, type: 'discussion' },
    ]);
  });

  it('gives the same vote counts as the pages', async () => {
    for (const request of api.requests) {
      const html = await page(sitePath(request.page));
      expect(attr(withAttr(html, 'data-votes')[0] as Element, 'data-votes'), request.page).toBe(String(request.votes));
      expect(request.voters.length).toBeLessThanOrEqual(request.votes);
    }
  });

  it('puts every page that has something to search in the search index, each once', async () => {
    let searchable = 0;
    for (const file of htmlFiles) {
      if (withAttr(parse(await readFile(file, 'utf8')) as unknown as Element, 'data-pagefind-body').length > 0) searchable += 1;
    }
    expect(searchable).toBe(roadmap.requests.length + roadmap.releases.length);
    const entry = JSON.parse(await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0)).toBe(searchable);
  });

  it('keeps in the index what search shows of a request, and no voter or commenter', async () => {
    const fragments: Array<{ url: string; meta: Record<string, string>; filters: Record<string, string[]> }> = [];
    for (const file of await readdir(join(dist, 'pagefind/fragment'))) {
      // A fragment is gzipped JSON behind Pagefind's 12-byte signature.
      fragments.push(JSON.parse(gunzipSync(await readFile(join(dist, 'pagefind/fragment', file))).subarray(12).toString('utf8')));
    }
    const byPath = new Map(fragments.map((fragment) => [fragment.url, fragment]));
    const people = new Set(
      roadmap.requests.flatMap((request) => [...request.votes.people, ...request.comments.map((comment) => comment.author)].flatMap((person) => (person ? [person.login] : []))),
    );
    expect(people.size).toBeGreaterThan(0);
    for (const request of roadmap.requests) {
      const fragment = byPath.get(request.path);
      expect(fragment, request.path).toBeDefined();
      expect(fragment?.meta['title']).toBe(request.title);
      expect(fragment?.meta['votes']).toBe(String(request.votes.total));
      expect(fragment?.filters['status']).toEqual([config.statuses.names[request.status]]);
      // Pagefind takes the first image after the title as the result's picture, unless it sits in
      // an element left out entirely: the avatars of voters and commenters are.
      expect(fragment?.meta['image'] ?? '', request.path).not.toMatch(/avatars\.githubusercontent\.com/);
      expect(people.has(fragment?.meta['image_alt'] ?? ''), request.path).toBe(false);
    }
  });

  it('lists every page in the sitemap, and robots.txt points to it', async () => {
    const index = xml.parse(await readFile(fileOf('/sitemap.xml'), 'utf8'));
    const urls: string[] = [];
    for (const sitemap of [index.sitemapindex.sitemap].flat()) {
      const set = xml.parse(await readFile(fileOf(sitePath(sitemap.loc)), 'utf8'));
      urls.push(...[set.urlset.url].flat().map((url: { loc: string }) => url.loc));
    }
    const paths = urls.map(sitePath);
    for (const request of roadmap.requests) expect(paths).toContain(request.path);
    for (const release of roadmap.releases) expect(paths).toContain(release.path);
    expect(paths).toContain('/changelog/');
    for (const path of paths) expect(existsSync(fileOf(path)), path).toBe(true);
    const robots = await readFile(fileOf('/robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${config.site.url}${base}/sitemap.xml`);
  });
});

describe('search', () => {
  interface PagefindResult {
    url: string;
    content: string;
    excerpt: string;
  }
  interface PagefindApi {
    options(options: Record<string, unknown>): Promise<void>;
    search(term: string | null, options?: Record<string, unknown>): Promise<{ results: Array<{ data(): Promise<PagefindResult> }> }>;
  }
  /** Words in an excerpt: few, so that one from the middle of a body stays inside the body. */
  const EXCERPT_WORDS = 8;
  let pagefind: PagefindApi;
  let served: ServedSite;
  const found = async (term: string | null, options?: Record<string, unknown>) =>
    Promise.all((await pagefind.search(term, options)).results.map((result) => result.data()));
  /** What the index holds of every page of `repository`, by site path. */
  const indexed = async (repository: string) =>
    new Map((await found(null, { filters: { repository } })).map((result) => [sitePath(result.url), result]));

  const itemOf = (request: Roadmap['requests'][number]) => {
    const item = snapshot.items.find((candidate) => candidate.repository === request.repository && candidate.number === request.number);
    if (!item) throw new Error(`${request.key} is not in the snapshot`);
    return item;
  };
  const releaseOf = (release: Roadmap['releases'][number]) => {
    const found = snapshot.repositories.find((repository) => repository.repository === release.repository)?.releases.find((candidate) => candidate.tagName === release.tagName);
    if (!found) throw new Error(`${release.id} is not in the snapshot`);
    return found;
  };
  const repositories = () => [...new Set(fromGitHub().map((request) => request.repository))];

  beforeAll(async () => {
    // The bundle the build wrote, loaded as a browser loads it: over HTTP, under the site's base.
    served = await serveSite(dist, `${base}/`);
    pagefind = (await import(pathToFileURL(join(dist, 'pagefind/pagefind.js')).href)) as PagefindApi;
    await pagefind.options({ basePath: `${served.url}pagefind/`, baseUrl: `${base}/`, excerptLength: EXCERPT_WORDS });
  });
  afterAll(async () => {
    await served?.close();
  });

  it('indexes a request’s title and body, word for word, and nothing else of its page', async () => {
    let compared = 0;
    for (const repository of repositories()) {
      const pages = await indexed(repository);
      for (const request of fromGitHub().filter((candidate) => candidate.repository === repository)) {
        const item = itemOf(request);
        const content = pages.get(request.path)?.content ?? '';
        // Chrome around the request: its status, labels, repository, votes, the page's headings.
        const own = [...words(item.title), ...words(item.body)].join(' ');
        const chrome = [...Object.values(config.statuses.names), strings.request.description, strings.request.voters, request.repository, ...request.labels.map((label) => label.name)];
        for (const piece of chrome.filter((candidate) => !own.includes(words(candidate).join(' ')))) expect(content, `${request.path}: "${piece}"`).not.toContain(piece);
        if (hasRawHtml(item.body)) continue; // What is left of raw HTML is the sanitizer's to say.
        expect(words(content), request.path).toEqual([...words(item.title), ...markdownWords(item.body)]);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('indexes a release’s title and notes, without the requests it shipped or links', async () => {
    const written = (release: Roadmap['releases'][number]) => existsSync(join(ROOT, 'content/changelog', `${release.tagName}.mdx`));
    let compared = 0;
    for (const repository of repositories()) {
      const pages = await indexed(repository);
      for (const release of roadmap.releases.filter((candidate) => candidate.repository === repository)) {
        const notes = releaseOf(release).body;
        const content = pages.get(release.path)?.content ?? '';
        const shippedTitles = release.shipped.map((key) => roadmap.requests.find((request) => request.key === key)?.title ?? key);
        const own = words(notes).join(' ');
        for (const piece of [strings.changelog.shippedHeading, strings.changelog.viewOnGitHub, ...shippedTitles].filter((candidate) => !own.includes(words(candidate).join(' ')))) {
          expect(content, `${release.path}: "${piece}"`).not.toContain(piece);
        }
        // Notes written for the release in content/changelog/ are searched too; raw HTML is the sanitizer's.
        if (written(release) || hasRawHtml(notes)) continue;
        const title = release.name?.trim() || release.tagName;
        expect(words(content), release.path).toEqual([...words(title), ...markdownWords(notes)]);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1);
  });

  it('shows excerpts that are a run of the body’s own words', async () => {
    let checked = 0;
    for (const request of fromGitHub()) {
      const item = itemOf(request);
      if (hasRawHtml(item.body)) continue;
      const body = markdownWords(item.body);
      const title = words(item.title);
      // A word far enough into the body that its excerpt cannot reach the title, found once,
      // and sharing no stem with the title (Pagefind matches stems).
      const term = body.find(
        (word, index) =>
          index >= EXCERPT_WORDS && word.length >= 5 && /^\p{L}+$/u.test(word) && body.indexOf(word) === body.lastIndexOf(word) && !title.some((other) => other.startsWith(word.slice(0, 4))),
      );
      if (term === undefined) continue;
      const result = (await found(term)).find((candidate) => sitePath(candidate.url) === request.path);
      expect(result, `${request.path}: "${term}"`).toBeDefined();
      const excerpt = words(htmlText(result?.excerpt ?? ''));
      expect(excerpt.length, `${request.path}: "${result?.excerpt}"`).toBeGreaterThan(EXCERPT_WORDS / 2);
      expect(indexOfRun(body, excerpt), `${request.path}: "${result?.excerpt}" in "${body.join(' ')}"`).toBeGreaterThanOrEqual(0);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});

describe('GitHub alerts', () => {
  const MARKER = /^> \[!(note|tip|important|warning|caution)\]$/im;
  const title = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1).toLowerCase();

  async function expectAlert(path: string, markdown: string) {
    const kind = MARKER.exec(markdown)?.[1]?.toLowerCase() ?? '';
    const html = await page(path);
    const boxes = elements(html).filter((element) => attr(element, 'class') === `markdown-alert markdown-alert-${kind}`);
    expect(boxes, path).toHaveLength(1);
    const heading = elements(boxes[0] as Element).find((element) => attr(element, 'class') === 'markdown-alert-title');
    expect(heading && text(heading), path).toBe(title(kind));
    expect(text(html), path).not.toMatch(/\[!(note|tip|important|warning|caution)\]/i);
    const description = attr(withAttr(html, 'name', 'description')[0] as Element, 'content') ?? '';
    expect(description, path).not.toContain('[!');
    expect(description, path).toContain(`${title(kind)}: `);
  }

  it('render as GitHub’s boxes in request bodies and release notes, and read as text in descriptions', async () => {
    const requests = roadmap.requests.filter((request) => MARKER.test(request.body));
    const releases = roadmap.releases.filter((release) => MARKER.test(release.body));
    expect(requests.length).toBeGreaterThan(0);
    expect(releases.length).toBeGreaterThan(0);
    for (const request of requests) await expectAlert(request.path, request.body);
    for (const release of releases) await expectAlert(release.path, release.body);
  });
});

describe('weight', () => {
  it('keeps the board and request pages under 50 KB of HTML and CSS', async () => {
    for (const path of ['/', ...roadmap.requests.map((request) => request.path)]) {
      const source = await readFile(fileOf(path), 'utf8');
      const stylesheets = withAttr(parse(source), 'rel', 'stylesheet').map((link) => sitePath(attr(link, 'href') ?? ''));
      const cssBytes = (await Promise.all(stylesheets.map((sheet) => readFile(fileOf(sheet))))).reduce((sum, file) => sum + file.length, 0);
      expect(Buffer.byteLength(source) + cssBytes, path).toBeLessThan(50 * 1024);
    }
  });
});
