/**
 * Avatars that cannot load (an offline visitor, a deleted account) show the person's initials,
 * not a broken-image icon, without JavaScript. GitHub's avatar host is unreachable here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { requestsApiSchema } from '../../src/content/requests-api.ts';
import { serveStatic, type StaticSite } from '../../scripts/dev/static-server.ts';
import { decodePng, differingShare } from '../images/png-pixels.ts';
import { launchChromium } from './chromium.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, process.env.SITE_DIST ?? 'dist');

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveStatic(DIST, (await loadConfig({ root: ROOT })).site.base);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('avatars in Chromium', () => {
  it('show initials where the image cannot load, and no broken-image icon', async () => {
    const api = requestsApiSchema.parse(JSON.parse(await readFile(join(DIST, 'api/requests.json'), 'utf8')));
    const top = api.requests.slice().sort((a, b) => b.votes - a.votes)[0];
    expect(top).toBeDefined();
    const origin = new URL(site.url).origin;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Every other host is unreachable, as for a visitor offline.
    const tried: string[] = [];
    await context.route(
      (url) => url.origin !== origin,
      (route) => {
        tried.push(new URL(route.request().url()).hostname);
        return route.abort('internetdisconnected');
      },
    );
    const page = await context.newPage();
    await page.goto(new URL(new URL(top?.page ?? '').pathname, site.url).href, { waitUntil: 'load' });

    const avatar = page.locator('.avatars .avatar').first();
    await avatar.scrollIntoViewIfNeeded();
    // The browser did try GitHub's avatar host, and failed.
    await expect.poll(() => tried).toContain('avatars.githubusercontent.com');
    expect(await avatar.locator('.initials').getAttribute('data-initials')).toMatch(/^\S{1,2}$/);

    const shown = decodePng(await avatar.screenshot());
    // The failed picture draws nothing: the avatar looks exactly as it does without it…
    await avatar.locator('.picture').evaluate((picture: HTMLElement) => (picture.style.display = 'none'));
    expect(differingShare(shown, decodePng(await avatar.screenshot()), 0)).toBe(0);
    // …and what shows is the initials.
    await avatar.locator('.initials').evaluate((initials: HTMLElement) => (initials.style.visibility = 'hidden'));
    expect(differingShare(shown, decodePng(await avatar.screenshot()), 0)).toBeGreaterThan(0.02);
    await context.close();
  });
});
