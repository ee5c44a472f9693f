/**
 * The snippets of docs/embedding.md, pasted as a maintainer would: the README cards in a
 * Markdown page rendered with GitHub's rules (raw HTML through GitHub's sanitizer), and the widget
 * in an `<iframe>` of another site, both served from 127.0.0.1, in light and in dark mode.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type RoadmapConfig } from '../../src/config/index.ts';
import { requestsApiSchema } from '../../src/content/requests-api.ts';
import { serveStatic, type StaticSite } from '../../scripts/dev/static-server.ts';
import { decodePng } from '../images/png-pixels.ts';
import { launchChromium } from './chromium.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, process.env.SITE_DIST ?? 'dist');
/** The site address the docs' snippets use. */
const DOCS_SITE = 'https://acme.github.io/roadmap/';
const SCHEMES = ['light', 'dark'] as const;

let config: RoadmapConfig;
let site: StaticSite;
let browser: Browser;
let elsewhere: Server;
let elsewhereUrl = '';
const pages = new Map<string, string>();

/** The docs' `html` snippets, pointing at the local site. */
async function snippets(): Promise<string[]> {
  const docs = await readFile(join(ROOT, 'docs/embedding.md'), 'utf8');
  return [...docs.matchAll(/```html\n([\s\S]*?)```/g)].map(([, code]) => (code ?? '').replaceAll(DOCS_SITE, site.url));
}

/** Markdown as GitHub shows a README: raw HTML kept, then sanitized by GitHub's rules. */
async function githubMarkdown(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, defaultSchema)
    .use(rehypeStringify)
    .process(markdown);
  return `<!doctype html><html><head><meta charset="utf-8"><title>README</title></head><body style="margin:8px;background:#808080">${String(file)}</body></html>`;
}

function hexColor(hex: string): [number, number, number] {
  const value = hex.replace('#', '');
  const full = value.length === 3 ? [...value].map((digit) => digit + digit).join('') : value;
  return [0, 2, 4].map((start) => Number.parseInt(full.slice(start, start + 2), 16)) as [number, number, number];
}

/** The colour of a point of an element, as the screen shows it. */
async function colourAt(page: Page, selector: string, x: number, y: number): Promise<[number, number, number]> {
  const pixels = decodePng(await page.locator(selector).screenshot());
  const channels = pixels.data.length / (pixels.width * pixels.height);
  const offset = (Math.round(y) * pixels.width + Math.round(x)) * channels;
  return [pixels.data[offset] ?? -1, pixels.data[offset + 1] ?? -1, pixels.data[offset + 2] ?? -1];
}

function expectColour(actual: readonly number[], expected: readonly number[], what: string): void {
  for (let channel = 0; channel < 3; channel++) expect(Math.abs((actual[channel] ?? 0) - (expected[channel] ?? 0)), `${what}: ${actual.join(',')} for ${expected.join(',')}`).toBeLessThanOrEqual(3);
}

beforeAll(async () => {
  config = await loadConfig({ root: ROOT });
  site = await serveStatic(DIST, config.site.base);
  browser = await launchChromium();
  const [cards, releaseAndRoadmap, iframe] = await snippets();
  if (cards === undefined || releaseAndRoadmap === undefined || iframe === undefined) throw new Error('docs/embedding.md lost one of its html snippets.');
  pages.set('/readme/', await githubMarkdown(`# Acme\n\n${cards}\n${releaseAndRoadmap}\nMore text.\n`));
  pages.set('/homepage/', `<!doctype html><html><head><meta charset="utf-8"><title>Acme</title></head><body style="margin:8px">${iframe}</body></html>`);
  // Another site, on another port: what embeds the roadmap.
  elsewhere = createServer((request, response) => {
    const body = pages.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    response.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(body ?? 'Not found');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((resolve) => elsewhere?.close(resolve));
});

describe('README cards pasted with <picture>', () => {
  for (const colorScheme of SCHEMES) {
    it(`load as images, and show the ${colorScheme} variant in ${colorScheme} mode`, async () => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1000, height: 1200 } });
      const page = await context.newPage();
      await page.goto(`${elsewhereUrl}/readme/`);
      await page.waitForFunction(() => [...document.images].every((image) => image.complete));
      const images = await page.$$eval('a > picture > img', (found) =>
        (found as HTMLImageElement[]).map((image) => ({
          src: image.currentSrc,
          width: image.naturalWidth,
          height: image.naturalHeight,
          link: image.closest('a')?.getAttribute('href') ?? '',
        })),
      );
      expect(images.map((image) => new URL(image.src).pathname.replace(/^.*\/cards\//, ''))).toEqual(
        ['top-requests', 'roadmap', 'latest-release'].map((name) => `${name}${colorScheme === 'dark' ? '-dark' : ''}.svg`),
      );
      for (const image of images) {
        expect(image.width, image.src).toBeGreaterThan(0);
        expect(image.height, image.src).toBeGreaterThan(0);
        expect(image.link.startsWith(site.url), image.link).toBe(true);
      }
      // The card's own background, inside its border, near the right edge of its heading's row.
      const [first] = images;
      const background = hexColor(colorScheme === 'dark' ? config.site.theme.backgroundDark : config.site.theme.background);
      expectColour(await colourAt(page, 'a > picture > img >> nth=0', (first?.width ?? 0) - 6, (first?.height ?? 0) / 2), background, `${colorScheme} card background`);
      await context.close();
    });
  }
});

describe('the widget in an <iframe> of another site', () => {
  for (const colorScheme of SCHEMES) {
    it(`shows the most wanted open requests, linking out of the frame, in ${colorScheme} mode`, async () => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 800, height: 600 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      await page.goto(`${elsewhereUrl}/homepage/`);
      const frame = page.frameLocator('iframe');
      await frame.locator('ol li').first().waitFor();
      const widget = await frame.locator('body').evaluate((body) => ({
        scripts: document.scripts.length,
        items: [...body.querySelectorAll('ol li')].map((item) => ({
          votes: Number(item.querySelector('.votes strong')?.textContent?.replace(/\D/g, '')),
          target: item.querySelector('a')?.getAttribute('target'),
          rel: item.querySelector('a')?.getAttribute('rel'),
          href: item.querySelector('a')?.href ?? '',
        })),
        otherLinks: [...body.querySelectorAll('a')].map((link) => link.getAttribute('target')),
        overflows: document.scrollingElement !== null && document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth,
        fitsHeight: document.scrollingElement !== null && document.scrollingElement.scrollHeight <= window.innerHeight,
      }));
      expect(widget.scripts).toBe(0);
      expect(widget.items).toHaveLength(5);
      // The site's own JSON API says which requests still take votes, and how many they have.
      const api = requestsApiSchema.parse(JSON.parse(await readFile(join(DIST, 'api/requests.json'), 'utf8')));
      const open = api.requests.filter((request) => request.status !== 'shipped' && request.status !== 'declined').map((request) => request.votes);
      expect(widget.items.map((item) => item.votes)).toEqual(open.sort((a, b) => b - a).slice(0, 5));
      for (const item of widget.items) {
        expect(item.target).toBe('_blank');
        expect(item.rel).toContain('noopener');
        expect(new URL(item.href).pathname).toMatch(/\/requests\/[^/]+\/$/);
      }
      expect(widget.otherLinks.every((target) => target === '_blank')).toBe(true);
      expect(widget.overflows).toBe(false);
      expect(widget.fitsHeight).toBe(true);
      const background = hexColor(colorScheme === 'dark' ? config.site.theme.backgroundDark : config.site.theme.background);
      expectColour(await colourAt(page, 'iframe', 4, 290), background, `${colorScheme} widget background`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
