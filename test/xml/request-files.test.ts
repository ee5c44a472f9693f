import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFilesMiddleware, writeRequestFiles, type RequestFilesRequest, type RequestFilesSource } from '../../src/integrations/request-files.ts';
import { uiStrings } from '../../src/i18n/strings.ts';
import { requestBadge, requestFeed, siteUrl } from '../../src/xml/request-feed-and-badge.ts';
import type { ReleaseRef } from '../../src/model/types.ts';
import { serveMiddleware, type ServedMiddleware } from '../helpers/serve-middleware.ts';
import { configWith, MAIN } from '../helpers/snapshot-builders.ts';

const strings = uiStrings('de');

const config = configWith({ site: { title: 'Acme & Co roadmap', url: 'https://acme.example', base: '/roadmap', language: 'de' } });
const xml = new XMLParser({ ignoreAttributes: false });

function shippedIn(tagName: string, publishedAt: string): ReleaseRef {
  return {
    id: `${MAIN}@${tagName}`,
    repository: MAIN,
    tagName,
    name: null,
    url: `https://github.com/${MAIN}/releases/tag/${tagName}`,
    slug: tagName,
    path: `/changelog/${tagName}/`,
    isPrerelease: false,
    publishedAt,
  };
}

function subject(overrides: Partial<RequestFilesRequest> & Pick<RequestFilesRequest, 'path' | 'stablePath' | 'title'>): RequestFilesRequest {
  return {
    formerPaths: [],
    duplicates: [],
    votes: { total: 1234, people: [], anonymous: 0, anonymousSince: null, upvotes: 0, imported: [] },
    statusHistory: [],
    shippedIn: [],
    updatedAt: '2025-05-01T00:00:00Z',
    ...overrides,
  };
}

const shipped = subject({
  path: '/requests/12-dark-mode/',
  stablePath: '/requests/12/',
  // Renamed from "Night mode".
  formerPaths: ['/requests/12-night-mode/'],
  title: 'Dark mode <script>alert(1)</script>',
  statusHistory: [
    { status: 'planned', at: '2025-02-01T00:00:00Z' },
    { status: 'in-progress', at: '2025-03-01T00:00:00Z' },
    { status: 'shipped', at: '2025-04-01T00:00:00Z' },
  ],
  shippedIn: [shippedIn('v1.0.0', '2025-04-02T00:00:00Z')],
});
const quiet = subject({ path: '/requests/13-quiet/', stablePath: '/requests/13/', title: 'Quiet', votes: { total: 0, people: [], anonymous: 0, anonymousSince: null, upvotes: 0, imported: [] } });

describe('a request feed', () => {
  it('lists its status changes and releases, newest first, at addresses under the base', () => {
    const body = requestFeed(shipped, config);
    expect(XMLValidator.validate(body)).toBe(true);
    const feed = xml.parse(body).feed;
    // The feed is named by its stable address, which a rename does not change; it links the page.
    expect(feed.id).toBe('https://acme.example/roadmap/requests/12/atom.xml');
    expect(feed.link.map((link: Record<string, string>) => link['@_href'])).toEqual([
      'https://acme.example/roadmap/requests/12/atom.xml',
      'https://acme.example/roadmap/requests/12-dark-mode/',
    ]);
    expect([feed.entry].flat().map((entry: { id: string }) => entry.id)).toContain('https://acme.example/roadmap/requests/12/#status-0');
    const entries = [feed.entry].flat();
    expect(entries.map((entry: { updated: string }) => entry.updated)).toEqual([
      '2025-04-02T00:00:00Z',
      '2025-04-01T00:00:00Z',
      '2025-03-01T00:00:00Z',
      '2025-02-01T00:00:00Z',
    ]);
    expect(entries[0].link['@_href']).toBe('https://acme.example/roadmap/changelog/v1.0.0/');
    // In the site's language (German here), from its translation file.
    expect(entries[0].title).toBe(`${uiStrings('de').request.shippedFeedEntry('v1.0.0')}: ${shipped.title}`);
    expect(feed.updated).toBe('2025-04-02T00:00:00Z');
  });

  it('keeps a hostile title as text', () => {
    const body = requestFeed(shipped, config);
    expect(body).not.toContain('<script>');
    expect(xml.parse(body).feed.title).toBe('Dark mode <script>alert(1)</script> · Acme & Co roadmap');
  });

  it('falls back to the request update time when nothing happened yet', () => {
    const feed = xml.parse(requestFeed(quiet, config)).feed;
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe(quiet.updatedAt);
  });
});

describe('a vote badge', () => {
  it('shows the votes in the site language, with the title escaped', () => {
    const svg = requestBadge(shipped, config);
    expect(XMLValidator.validate(svg)).toBe(true);
    const values = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(values).toEqual([uiStrings('de').badge.label, (1234).toLocaleString('de')]);
    expect(svg).not.toContain('<script>');
    // Named by its <title>; flat, with no gloss or clip path to repeat beside every request.
    expect(new XMLParser().parse(svg).svg.title).toBe(`${strings.request.votesCount(1234)}: ${shipped.title}`);
    expect(svg).not.toMatch(/clipPath|linearGradient/);
  });
});

describe('siteUrl', () => {
  it('puts the base between the origin and the path, whatever the base', () => {
    expect(siteUrl('/requests/', { url: 'https://acme.example', base: '/' })).toBe('https://acme.example/requests/');
    expect(siteUrl('/requests/', { url: 'https://acme.example', base: '/a/b' })).toBe('https://acme.example/a/b/requests/');
  });
});

const source: RequestFilesSource = { config, requests: [shipped, quiet] };

describe('writing the files of a build', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'request-files-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes a feed and a badge beside every request page, at its stable address and at its former ones', async () => {
    const messages: string[] = [];
    // Two files at each of five addresses: two pages, two stable addresses, one former title.
    expect(await writeRequestFiles({ outDir, source, logger: { info: (message) => messages.push(message) } })).toBe(10);
    expect(messages[0]).toMatch(/^Wrote 10 request feeds and vote badges in \d+\.\d\ds\.$/);
    for (const request of source.requests) {
      for (const address of [request.path, request.stablePath, ...request.formerPaths]) {
        expect((await readdir(join(outDir, address))).sort(), address).toEqual(['atom.xml', 'badge.svg']);
        expect(await readFile(join(outDir, address, 'atom.xml'), 'utf8')).toBe(requestFeed(request, config));
        expect(await readFile(join(outDir, address, 'badge.svg'), 'utf8')).toBe(requestBadge(request, config));
      }
    }
  });

  it('leaves a former address to the live request that has it now', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'request-files-'));
    try {
      const renamed = subject({ path: '/requests/20-b/', stablePath: '/requests/20/', title: 'B', formerPaths: ['/requests/13-quiet/'] });
      await writeRequestFiles({ outDir: elsewhere, source: { config, requests: [quiet, renamed] }, logger: { info: () => {} } });
      expect(await readFile(join(elsewhere, quiet.path, 'badge.svg'), 'utf8')).toBe(requestBadge(quiet, config));
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('writes nothing, and says so, for a roadmap without requests', async () => {
    const messages: string[] = [];
    expect(await writeRequestFiles({ outDir, source: { config, requests: [] }, logger: { info: (message) => messages.push(message) } })).toBe(0);
    expect(messages[0]).toMatch(/^Wrote 0 request feeds/);
  });
});

describe('the dev server', () => {
  let served: ServedMiddleware;
  let origin: string;
  beforeAll(async () => {
    served = await serveMiddleware(requestFilesMiddleware(async () => source, '/roadmap'));
    origin = served.origin;
  });
  afterAll(() => served.close());

  it('serves a request feed and badge under the base', async () => {
    const feed = await fetch(`${origin}/roadmap/requests/12-dark-mode/atom.xml`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(await feed.text()).toBe(requestFeed(shipped, config));
    // Astro's dev server takes the base off the path before the middleware sees it.
    const badge = await fetch(`${origin}/requests/13-quiet/badge.svg?cache=bust`);
    expect(badge.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(await badge.text()).toBe(requestBadge(quiet, config));
  });

  it('serves them at the stable address and at a former one too', async () => {
    for (const address of ['/roadmap/requests/12/', '/roadmap/requests/12-night-mode/']) {
      const badge = await fetch(`${origin}${address}badge.svg`);
      expect(badge.status, address).toBe(200);
      expect(await badge.text()).toBe(requestBadge(shipped, config));
    }
    expect((await fetch(`${origin}/roadmap/requests/14/badge.svg`)).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const head = await fetch(`${origin}/roadmap/requests/12-dark-mode/badge.svg`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('passes on what is not a request file', async () => {
    for (const path of [
      '/roadmap/requests/99-unknown/atom.xml',
      '/other/requests/12-dark-mode/atom.xml',
      '/roadmap/requests/12-dark-mode/',
      '/roadmap/changelog/atom.xml',
      '/roadmap/requests/12-dark-mode/%E0%A4%A/atom.xml',
    ]) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('passed on');
    }
    const post = await fetch(`${origin}/roadmap/requests/12-dark-mode/atom.xml`, { method: 'POST' });
    expect(await post.text()).toBe('passed on');
  });
});
