/**
 * An Arabic site in Chromium: the page is declared right to left and laid out mirrored (the
 * site's name at the right of the header, the skip link at the right edge, "back" arrows pointing
 * right), code stays left to right, the search speaks Arabic with Arabic plural forms, and the
 * pages pass axe-core. Built from `test/fixtures/snapshot-mini` with `site.language: 'ar'`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoConfig from '../../roadmap.config.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';
import { serveStatic, type StaticSite } from '../../scripts/dev/static-server.ts';
import { buildFixture } from '../helpers/build-fixture.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';
import { launchChromium, offlineContext } from './chromium.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/snapshot-mini');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let project: ProjectCopy;
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  project = await copyProject('open-roadmap-rtl-');
  await project.writeConfig({ ...demoConfig, site: { ...demoConfig.site, language: 'ar', socialImages: { requests: 0 } } });
  const dist = join(project.root, 'dist');
  await buildFixture(project.root, { ROADMAP_SNAPSHOT_DIR: FIXTURE, ROADMAP_ASTRO_CACHE_DIR: join(project.root, '.cache/astro') }, ['--outDir', dist]);
  site = await serveStatic(dist, '/roadmap');
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await project?.remove();
});

async function open(path: string, width = 1280): Promise<Page> {
  const context = await offlineContext(browser, { width, colorScheme: 'light', origin: new URL(site.url).origin });
  const page = await context.newPage();
  await page.goto(new URL(path, site.url).href, { waitUntil: 'load' });
  return page;
}

describe('an Arabic site in Chromium', () => {
  it('is declared Arabic and right to left, and mirrors the header', async () => {
    const page = await open('');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual(['ar', 'rtl', 'rtl']);
    const width = page.viewportSize()?.width ?? 0;
    const brand = await page.locator('.brand').boundingBox();
    const nav = await page.locator('.site-nav').boundingBox();
    // The site's name starts the header, at the right; the navigation follows it to the left.
    expect(brand && brand.x + brand.width).toBeGreaterThan(width / 2);
    expect(brand && nav && nav.x).toBeLessThan(brand?.x ?? 0);
    await page.context().close();
  });

  it('shows the skip link at the right edge when it gets focus', async () => {
    const page = await open('');
    const link = page.locator('.skip-link');
    await link.focus();
    const box = await link.boundingBox();
    const width = page.viewportSize()?.width ?? 0;
    expect(box && box.x + box.width).toBeGreaterThan(width - 100);
    await page.context().close();
  });

  it('points the arrows the way the page reads', async () => {
    const page = await open('changelog/');
    await page.locator('.release-item h2 a').first().click();
    await page.waitForLoadState('load');
    const back = page.locator('.eyebrow a').first();
    expect(await back.locator('[aria-hidden="true"]').textContent()).toBe('→');
    // The arrow is at the start of the line, which is its right end.
    const arrow = await back.locator('[aria-hidden="true"]').boundingBox();
    const text = await back.boundingBox();
    expect(arrow && text && arrow.x + arrow.width).toBeGreaterThan((text?.x ?? 0) + (text?.width ?? 0) / 2);
    await page.context().close();
  });

  it('keeps code left to right inside Arabic text', async () => {
    // Request #20 of the fixture has a shell command in a code block.
    const page = await open('requests/20-incremental-builds/');
    const block = page.locator('main pre').first();
    expect(await block.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    // The command starts at the block's left edge and reads from the left, "--incremental" last.
    const { blockLeft, first, dashes } = await block.evaluate((element) => {
      const text = element.querySelector('code')?.firstChild ?? element.firstChild;
      const value = text?.textContent ?? '';
      const range = document.createRange();
      const at = (index: number) => {
        range.setStart(text as Node, index);
        range.setEnd(text as Node, index + 1);
        return range.getBoundingClientRect().x;
      };
      return { blockLeft: element.getBoundingClientRect().x, first: at(value.indexOf('lumen')), dashes: at(value.indexOf('--')) };
    });
    expect(first - blockLeft).toBeLessThan(40);
    expect(dashes).toBeGreaterThan(first);
    await page.context().close();
  });

  it('searches in Arabic, with the plural form of the count', async () => {
    const page = await open('search/');
    await page.locator('[data-search-input]').fill('dark');
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/«dark»/);
    // Every result is listed once the count is announced (ten at a time; the fixture has fewer).
    const count = await page.locator('[data-search-results] > li').count();
    const text = (await status.textContent()) ?? '';
    // The script fills in a template per plural category; the ICU message, formatted by the library, is the reference.
    const key = count === 0 ? 'search.noResults' : 'search.results';
    expect(text).toBe(new IntlMessageFormat(MESSAGES.ar[key], 'ar').format({ count, query: 'dark' }));
    await page.context().close();
  });

  it('passes axe-core on the board, a list, a request and the changelog', async () => {
    const page = await open('');
    const problems: string[] = [];
    const firstRequest = await page.locator('.board .request-card-title a').first().getAttribute('href');
    for (const path of ['', 'requests/', firstRequest ?? '', 'changelog/']) {
      await page.goto(new URL(path, site.url).href, { waitUntil: 'load' });
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((violation) => `${violation.id}: ${violation.help}`);
      });
      problems.push(...violations.map((violation) => `${path}: ${violation}`));
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
