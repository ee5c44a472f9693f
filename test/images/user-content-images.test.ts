/**
 * External images in user content, downloaded at build time from a loopback server that serves a
 * real PNG, an HTML page that calls itself a PNG, an oversized image, a slow one, an SVG and a
 * redirect to another scheme; then rendered into a request body the way a build does.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { entryImages, servedUserContentCopies } from '../../src/content/entry-images.ts';
import { fetchUserImage, type FetchImageOptions } from '../../src/images/user-content-images.ts';
import userContentImagesIntegration from '../../src/integrations/user-content-images.ts';
import { renderMarkdown } from '../../src/markdown/render-markdown.ts';

// A 1×1 PNG, as any image editor writes it.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const MAX_BYTES = 4096;

let server: Server;
let origin = '';
let cache = '';
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/photo.png') return void response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (path === '/fake.png') return void response.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><title>Not an image</title>');
    // Larger than the cap, and without a Content-Length to give it away in advance.
    if (path === '/huge.png') return void response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([PNG, Buffer.alloc(MAX_BYTES * 4)]));
    if (path === '/slow.png') return void setTimeout(() => response.writeHead(200, { 'content-type': 'image/png' }).end(PNG), 3000);
    if (path === '/logo.svg') return void response.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    if (path === '/to-file') return void response.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (path === '/moved.png') return void response.writeHead(301, { location: '/photo.png' }).end();
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  if (cache !== '') await rm(cache, { recursive: true, force: true });
  cache = await mkdtemp(join(tmpdir(), 'user-content-'));
  hits.clear();
  servedUserContentCopies().clear();
});

afterAll(() => rm(cache, { recursive: true, force: true }));

const options = (): FetchImageOptions => ({ cacheDirectory: cache, maxBytes: MAX_BYTES, timeoutMs: 500, allowPrivateAddresses: true });
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('fetchUserImage', () => {
  it('keeps a PNG under the SHA-256 of its bytes, and reuses it without asking the server again', async () => {
    const first = await fetchUserImage(`${origin}/photo.png`, options());
    expect(first).toEqual({ file: `${sha256(PNG)}.png` });
    expect(await readFile(join(cache, 'files', `${sha256(PNG)}.png`))).toEqual(PNG);
    expect(await fetchUserImage(`${origin}/photo.png`, options())).toEqual(first);
    expect(hits.get('/photo.png')).toBe(1);
  });

  it('follows an http redirect to the image', async () => {
    expect(await fetchUserImage(`${origin}/moved.png`, options())).toEqual({ file: `${sha256(PNG)}.png` });
  });

  it.each([
    ['an HTML page served as image/png', '/fake.png', /not a PNG, JPEG, GIF, WebP or AVIF/],
    ['an image over the size cap', '/huge.png', new RegExp(`more than the ${MAX_BYTES} bytes`)],
    ['an SVG', '/logo.svg', /not a PNG, JPEG, GIF, WebP or AVIF/],
    ['a redirect to a file: address', '/to-file', /file: address, not http\(s\)/],
  ])('refuses %s for good, and does not ask again', async (_name, path, reason) => {
    const result = await fetchUserImage(origin + path, options());
    expect(result).toMatchObject({ refused: expect.stringMatching(reason), permanent: true });
    await fetchUserImage(origin + path, options());
    expect(hits.get(path)).toBe(1);
  });

  it('gives up on a slow image within the timeout, and tries again next time', async () => {
    const started = Date.now();
    expect(await fetchUserImage(`${origin}/slow.png`, options())).toMatchObject({ refused: 'it took more than 500 ms', permanent: false });
    expect(Date.now() - started).toBeLessThan(2000);
    await fetchUserImage(`${origin}/slow.png`, options());
    expect(hits.get('/slow.png')).toBe(2);
  });

  it('refuses an HTTP error until it passes', async () => {
    expect(await fetchUserImage(`${origin}/gone.png`, options())).toMatchObject({ refused: 'the server answered HTTP 404', permanent: false });
  });

  it('never fetches from the machine or its network on an author’s say-so', async () => {
    const { allowPrivateAddresses: _allowed, ...strict } = options();
    expect(await fetchUserImage(`${origin}/photo.png`, strict)).toMatchObject({ refused: expect.stringMatching(/private or loopback/) });
    expect(await fetchUserImage('http://localhost:9/photo.png', strict)).toMatchObject({ refused: expect.stringMatching(/private or loopback/) });
    expect(await fetchUserImage('http://[::1]:9/photo.png', strict)).toMatchObject({ refused: expect.stringMatching(/private or loopback/) });
    // A name, not an address: refused once it resolves (the machine's own name resolves to its
    // loopback or private network address).
    const port = new URL(origin).port;
    expect(await fetchUserImage(`http://${hostname()}:${port}/photo.png`, strict)).toMatchObject({ refused: expect.stringMatching(/private or loopback/) });
    expect(hits.size).toBe(0);
  });
});

describe('external images in a request body', () => {
  const body = () =>
    [
      `![A photo](${origin}/photo.png)`,
      `![A fake](${origin}/fake.png)`,
      `<img src="${origin}/huge.png" alt="Huge">`,
      `![Slow](${origin}/slow.png)`,
      `[![Badge](${origin}/logo.svg)](https://example.com/)`,
      '![Attachment](https://github.com/user-attachments/assets/5a3a76bf-71f5-c839-ed06-097feda34eef)',
    ].join('\n\n');

  it('show the site’s copy or a link, and never load from the author’s host', async () => {
    const [images = {}] = await entryImages([{ request: { body: body() } }], { mode: 'fetch', base: '/roadmap', fetch: options() });
    const html = renderMarkdown(body(), { repository: 'acme/widgets', images });

    const sources = [...html.matchAll(/<img[^>]*\ssrc="([^"]*)"/g)].map((match) => match[1]);
    expect(sources).toEqual([
      `/roadmap/user-content/${sha256(PNG)}.png`,
      'https://github.com/user-attachments/assets/5a3a76bf-71f5-c839-ed06-097feda34eef',
    ]);
    expect(html).toContain(`<a href="${origin}/fake.png" rel="ugc nofollow noopener">A fake</a>`);
    expect(html).toContain(`<a href="${origin}/huge.png" rel="ugc nofollow noopener">Huge</a>`);
    expect(html).toContain(`<a href="${origin}/slow.png" rel="ugc nofollow noopener">Slow</a>`);
    // Inside a link, the image becomes its text: links do not nest.
    expect(html).toContain('<a href="https://example.com/" rel="ugc nofollow noopener">Badge</a>');
    expect([...servedUserContentCopies()]).toEqual([`${sha256(PNG)}.png`]);
  });

  it('are all links in link mode, with nothing downloaded', async () => {
    const [images = {}] = await entryImages([{ request: { body: body() } }], { mode: 'link', base: '/', fetch: options() });
    const html = renderMarkdown(body(), { repository: 'acme/widgets', images });
    expect(html).not.toMatch(new RegExp(`<img[^>]*src="${origin}`));
    expect(html).toContain(`<a href="${origin}/photo.png" rel="ugc nofollow noopener">A photo</a>`);
    expect(hits.size).toBe(0);
  });
});

describe('the build’s output', () => {
  it('holds the copies the pages show, under the addresses they use', async () => {
    const [images = {}] = await entryImages([{ body: `![A photo](${origin}/photo.png)` }], { mode: 'fetch', base: '/', fetch: options() });
    const out = join(cache, 'dist');
    const previous = process.env['ROADMAP_USER_CONTENT_CACHE_DIR'];
    process.env['ROADMAP_USER_CONTENT_CACHE_DIR'] = cache;
    try {
      const done = userContentImagesIntegration().hooks['astro:build:done'] as unknown as (options: { dir: URL; logger: { info: () => void } }) => Promise<void>;
      await done({ dir: new URL(`file://${out}/`), logger: { info: () => undefined } });
    } finally {
      if (previous === undefined) delete process.env['ROADMAP_USER_CONTENT_CACHE_DIR'];
      else process.env['ROADMAP_USER_CONTENT_CACHE_DIR'] = previous;
    }
    expect(Object.values(images)).toEqual([`/user-content/${sha256(PNG)}.png`]);
    expect(await readFile(join(out, 'user-content', `${sha256(PNG)}.png`))).toEqual(PNG);
  });
});
