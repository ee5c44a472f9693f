/**
 * What a person sees in a real browser: the board leads to a request and on to the changelog,
 * pages pass axe-core in light and dark, nothing logs errors, hostile payloads stay inert, the
 * theme toggle remembers its choice. Screenshots at phone and desktop widths land in
 * `.cache/screenshots/` for a human to look at.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { requestsApiSchema, type RequestsApi } from '../../src/content/requests-api.ts';
import { launchChromium, offlineContext } from './chromium.ts';
import { serveStatic, type StaticSite } from '../../scripts/dev/static-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, process.env.SITE_DIST ?? 'dist');
const SCREENSHOTS = join(ROOT, '.cache/screenshots');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const WIDTHS = [390, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

let site: StaticSite;
let browser: Browser;
let api: RequestsApi;
let origin = '';

beforeAll(async () => {
  const config = await loadConfig({ root: ROOT });
  site = await serveStatic(DIST, config.site.base);
  origin = new URL(site.url).origin;
  browser = await launchChromium();
  api = requestsApiSchema.parse(JSON.parse(await readFile(join(DIST, 'api/requests.json'), 'utf8')));
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The site URL of a page given by its absolute URL in the API. */
function local(url: string): string {
  return new URL(new URL(url).pathname, site.url).href;
}

interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
}

async function openPage(options: { width: number; colorScheme: 'light' | 'dark' }): Promise<Watched> {
  const context = await offlineContext(browser, { ...options, origin });
  const page = await context.newPage();
  const watched: Watched = { page, errors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return watched;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  return violations;
}

function mainPages(): { name: string; url: string }[] {
  const top = api.requests.slice().sort((a, b) => b.votes - a.votes)[0];
  const hostile = api.requests.find((request) => request.title.includes('XSS-PROBE'));
  return [
    { name: 'board', url: site.url },
    { name: 'requests', url: new URL('requests/', site.url).href },
    ...(top ? [{ name: 'request', url: local(top.page) }] : []),
    ...(hostile ? [{ name: 'hostile-request', url: local(hostile.page) }] : []),
    { name: 'changelog', url: new URL('changelog/', site.url).href },
    { name: 'about', url: new URL('about/', site.url).href },
    { name: 'not-found', url: new URL('no-such-page/', site.url).href },
  ];
}

describe('the built site in Chromium', () => {
  it('leads from the board to a request and on to the changelog', async () => {
    const { page, errors } = await openPage({ width: 1280, colorScheme: 'light' });
    await page.goto(site.url);
    const firstCard = page.locator('.board .request-card-title a').first();
    const title = (await firstCard.textContent())?.trim() ?? '';
    await firstCard.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(page.url()).toMatch(/\/requests\/[^/]+\/$/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Changelog' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Changelog');
    const firstRelease = page.locator('.release-item h2 a').first();
    const releaseTitle = (await firstRelease.textContent())?.trim();
    await firstRelease.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(releaseTitle);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const colorScheme of SCHEMES) {
    it(`passes axe-core on the main pages in ${colorScheme} mode, without console errors`, async () => {
      const { page, errors, dialogs } = await openPage({ width: 1280, colorScheme });
      const problems: string[] = [];
      for (const { name, url } of mainPages()) {
        await page.goto(url, { waitUntil: 'load' });
        for (const violation of await axeViolations(page)) problems.push(`${name}: ${violation}`);
      }
      expect(problems).toEqual([]);
      expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.context().close();
    });
  }

  it('never runs the hostile payloads', async () => {
    const hostile = api.requests.filter((request) => request.title.includes('XSS-PROBE'));
    expect(hostile.length).toBeGreaterThan(0);
    const { page, dialogs } = await openPage({ width: 1280, colorScheme: 'light' });
    for (const request of hostile) {
      await page.goto(local(request.page), { waitUntil: 'load' });
      // Hover and click everything a payload could hide behind.
      for (const element of await page.locator('.markdown-body a, .markdown-body img, .label-chip').all()) {
        await element.hover({ trial: false, timeout: 2_000 }).catch(() => undefined);
      }
      await page.waitForTimeout(200);
    }
    await page.goto(new URL('changelog/', site.url).href, { waitUntil: 'load' });
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('remembers the theme chosen with the toggle', async () => {
    const { page } = await openPage({ width: 1280, colorScheme: 'light' });
    await page.goto(site.url);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    // The icon is the stylesheet's: a moon to switch to dark, a sun to switch back.
    const icon = () => toggle.evaluate((button) => getComputedStyle(button, '::before').maskImage);
    const moon = await icon();
    expect(moon).toMatch(/^url\("[^"]*\/theme-moon\.svg"\)$/);
    await toggle.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await icon()).toMatch(/^url\("[^"]*\/theme-sun\.svg"\)$/);
    await page.goto(new URL('changelog/', site.url).href);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await page.context().close();
  });

  it('lets keyboard users skip to the content', async () => {
    const { page } = await openPage({ width: 1280, colorScheme: 'light' });
    await page.goto(site.url);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect((await focused.textContent())?.trim()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });

  it('hides the theme toggle where JavaScript, which makes it work, is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url);
    expect(await page.locator('[data-theme-toggle]').count()).toBe(1);
    expect(await page.locator('[data-theme-toggle]').isVisible()).toBe(false);
    await context.close();
  });

  it('lets keyboard users reach and scroll a code block wider than a phone', async () => {
    const { page } = await openPage({ width: 390, colorScheme: 'light' });
    const request = mainPages().find((candidate) => candidate.name === 'request');
    await page.goto(request?.url ?? '', { waitUntil: 'load' });
    const wide = await page.locator('.markdown-body pre').evaluateAll((blocks) => blocks.findIndex((block) => block.scrollWidth > block.clientWidth));
    expect(wide).toBeGreaterThanOrEqual(0);
    const block = page.locator('.markdown-body pre').nth(wide);
    const focused = () => block.evaluate((element) => element === document.activeElement);
    for (let presses = 0; presses < 300 && !(await focused()); presses++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    for (let presses = 0; presses < 5; presses++) await page.keyboard.press('ArrowRight');
    // Chromium scrolls with the arrow keys smoothly, over a few frames.
    await expect.poll(() => block.evaluate((element) => element.scrollLeft), { timeout: 3000 }).toBeGreaterThan(0);
    expect((await axeViolations(page)).filter((violation) => violation.startsWith('scrollable-region-focusable'))).toEqual([]);
    await page.context().close();
  });

  it('shows the first request of a list on the first screen of a phone, below the filters', async () => {
    const { page } = await openPage({ width: 390, colorScheme: 'light' });
    // What a 390 × 844 phone shows of a page under its browser's bars.
    await page.setViewportSize({ width: 390, height: 700 });
    await page.goto(new URL('requests/', site.url).href, { waitUntil: 'load' });
    expect(await page.locator('.list-controls').isVisible()).toBe(true);
    const title = await page.locator('.request-list .request-card-title').first().boundingBox();
    expect(title).not.toBeNull();
    expect((title?.y ?? Infinity) + (title?.height ?? 0)).toBeLessThanOrEqual(700);
    await page.context().close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page } = await openPage({ width: 390, colorScheme: 'light' });
    const overflowing: string[] = [];
    for (const { name, url } of mainPages()) {
      await page.goto(url, { waitUntil: 'load' });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) overflowing.push(`${name}: ${width}px`);
    }
    expect(overflowing).toEqual([]);
    await page.context().close();
  });

  it('takes screenshots at phone and desktop widths', async () => {
    for (const colorScheme of SCHEMES) {
      for (const width of WIDTHS) {
        const { page } = await openPage({ width, colorScheme });
        for (const { name, url } of mainPages()) {
          await page.goto(url, { waitUntil: 'load' });
          await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}-${colorScheme}.png`), fullPage: true });
        }
        await page.context().close();
      }
    }
    expect(existsSync(join(SCREENSHOTS, `board-390-light.png`))).toBe(true);
  });
});
