/**
 * Search end to end: a fixture site (request and release pages marked up for Pagefind, the real
 * search page) is built by Astro with the real integration under base `/roadmap`, served from
 * 127.0.0.1, then searched through Pagefind's API and, where Chromium is installed, by keyboard in
 * a real browser.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../helpers/build-fixture.ts';
import { requests } from './fixtures/site/src/requests.ts';
import { serveSite, type ServedSite } from './serve-site.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/site/', import.meta.url));
const BASE = '/roadmap/';

let work: string;
let buildLog: string;
let site: ServedSite;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'site-search-'));
  buildLog = await buildFixture(FIXTURE, { SEARCH_FIXTURE_OUT_DIR: join(work, 'dist') });
  site = await serveSite(join(work, 'dist'), BASE);
});

afterAll(async () => {
  await site?.close();
  await rm(work, { recursive: true, force: true });
  await rm(join(FIXTURE, '.astro'), { recursive: true, force: true });
});

interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    term: string | null,
    options?: Record<string, unknown>,
  ): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> }>;
}

describe('the search index', () => {
  let pagefind: PagefindApi;
  const search = async (term: string | null, options?: Record<string, unknown>) => {
    const { results } = await pagefind.search(term, options);
    return Promise.all(results.map((result) => result.data()));
  };

  beforeAll(async () => {
    // The bundle Astro's build wrote, loaded the way a browser does, over HTTP.
    pagefind = (await import(pathToFileURL(join(work, 'dist/pagefind/pagefind.js')).href)) as PagefindApi;
    await pagefind.options({ basePath: `${site.url}pagefind/`, baseUrl: BASE });
  });

  it('holds the request and release pages only, and the build says how many', async () => {
    // Of the fixture's seven pages, Pagefind reads the five that can be searched (SEARCHABLE_PAGES_GLOB).
    expect(buildLog).toMatch(/Indexed 5 of 5 pages for search/);
    // The board mentions "dark mode" too, but is not a request page.
    const urls = (await search('dark')).map((result) => result.url).sort();
    expect(urls).toEqual(['/roadmap/requests/12-dark-mode/', '/roadmap/requests/31-csv-export/']);
    expect((await search('offline')).map((result) => result.url).sort()).toEqual([
      '/roadmap/changelog/v2.0.0/',
      '/roadmap/requests/8-offline/',
    ]);
  });

  it('offers status, label and repository filters with their counts', async () => {
    expect(await pagefind.filters()).toEqual({
      status: { Planned: 1, 'Under review': 2, Shipped: 1 },
      label: { ui: 2, data: 1, sync: 1, security: 1 },
      repository: { 'acme/widgets': 4, 'acme/widgets-mobile': 1 },
    });
    const shipped = await search(null, { filters: { status: { any: ['Shipped', 'Planned'] } } });
    expect(shipped.map((result) => result.meta['title']).sort()).toEqual(['Dark mode for the dashboard', 'Offline mode']);
  });

  it('sorts by votes', async () => {
    const byVotes = await search(null, { sort: { votes: 'desc' } });
    expect(byVotes.map((result) => result.meta['votes'])).toEqual(['120', '42', '7', '1']);
  });

  it('searches the title and body only, and excerpts read as the body', async () => {
    for (const request of requests) {
      const term = request.body.split(/\W+/).filter((word) => word.length >= 5).at(-1) ?? '';
      const result = (await search(term)).find((candidate) => candidate.meta['title'] === request.title);
      // Title and body are apart (a full stop between), and nothing around them is there.
      expect(result?.content, term).toBe(`${request.title}. ${request.body}`);
      const own = `${request.title}. ${request.body}`;
      for (const chrome of ['Description', request.status, request.repository, `${request.votes} votes`, ...request.labels].filter((piece) => !own.includes(piece))) {
        expect(result?.content, chrome).not.toContain(chrome);
      }
      const excerpt = (result?.excerpt ?? '').replace(/<\/?mark>/g, '');
      expect(own.replace(/[&<>]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt' }[char]};`), term).toContain(excerpt);
    }
  });

  it('keeps markup in titles as text', async () => {
    const [result] = await search('script');
    expect(result?.meta['title']).toBe('Escape <script>alert(1)</script> in titles');
  });
});

const chromiumPath = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => path !== undefined && path !== '' && existsSync(path),
);

describe.skipIf(chromiumPath === undefined)('the search page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath ?? 'chromium', args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(query = ''): Promise<Page> {
    const opened = await browser.newPage();
    opened.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('404')) problems.push(message.text());
    });
    opened.on('pageerror', (error) => problems.push(error.message));
    opened.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await opened.goto(`${site.url}search/${query}`);
    return opened;
  }

  /** Loading Pagefind's WebAssembly can take seconds on a busy machine. */
  const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });
  const status = () => page.getByRole('status');
  const resultLinks = () => page.locator('#search-results a');
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.id);

  it('is used with the keyboard alone: type, hear the count, arrow through the results', async () => {
    page = await open();
    await eventually(() => page.getByLabel('Search requests and releases').isVisible()).toBe(true);
    // Tab through the skip link and the site's header until the search box.
    for (let presses = 0; presses < 20; presses++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === 'search-query') break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');

    await page.keyboard.type('dark');
    await eventually(() => status().textContent()).toBe('2 results for “dark”');
    expect(await status().getAttribute('aria-live')).toBe('polite');
    expect(await resultLinks().evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([
      '/roadmap/requests/12-dark-mode/',
      '/roadmap/requests/31-csv-export/',
    ]);

    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toBe('Dark mode for the dashboard');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toBe('Export reports as CSV');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');

    const first = page.locator('#search-results li').first();
    await eventually(() => first.textContent()).toContain('Planned');
    expect(await first.textContent()).toContain('42 votes');
  });

  it('keeps the focus in the results when a search typed while Pagefind loaded is run again', async () => {
    // Type while the Pagefind bundle is held back, then let it load: the typed search runs as soon as
    // Pagefind is ready and again when the typing pause ends. The second run must not rebuild the
    // results under the reader's focus. The page's clock stands still, so the pause ends only when told.
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await page.clock.install();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/pagefind.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.url}search/`);
    await page.clock.pauseAt(Date.now() + 1_000);
    await page.getByLabel('Search requests and releases').focus();
    await page.keyboard.type('dark');
    release();
    await eventually(() => status().textContent()).toBe('2 results for “dark”');
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluateHandle(() => document.activeElement);
    expect(await first.evaluate((element) => element?.textContent)).toBe('Dark mode for the dashboard');

    await page.clock.runFor(1_000); // the typing pause ends
    await page.waitForTimeout(500); // time for a second search to render, were it run
    expect(await first.evaluate((element) => element !== null && element === document.activeElement && element.isConnected)).toBe(true);
    expect(await resultLinks().count()).toBe(2);
  });

  it('filters by status, remembers the filter in the address, and restores it on reload', async () => {
    page = await open();
    const filters = page.getByText('Filters', { exact: true });
    await eventually(() => filters.isVisible()).toBe(true);
    await filters.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: /Shipped/ }).focus();
    await page.keyboard.press('Space');
    await eventually(() => status().textContent()).toBe('1 result');
    expect(await resultLinks().allTextContents()).toEqual(['Offline mode']);
    expect(new URL(page.url()).searchParams.getAll('status')).toEqual(['Shipped']);

    await page.reload();
    await eventually(() => status().textContent()).toBe('1 result');
    expect(await page.getByRole('checkbox', { name: /Shipped/ }).isChecked()).toBe(true);
  });

  it('offers only the labels the search finds, the most found first', async () => {
    const term = 'dark';
    const found = requests.filter((request) => `${request.title} ${request.body}`.toLowerCase().includes(term));
    const counts = new Map<string, number>();
    for (const label of found.flatMap((request) => request.labels)) counts.set(label, (counts.get(label) ?? 0) + 1);
    const expected = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([label, count]) => `${label} (${count})`);
    expect(expected.length).toBeLessThan(new Set(requests.flatMap((request) => request.labels)).size);

    page = await open(`?q=${term}`);
    await eventually(() => status().textContent()).toBe(`${found.length} results for “${term}”`);
    await page.getByText('Filters', { exact: true }).click();
    const shown = () => page.getByRole('group', { name: 'Label' }).locator('label:visible').allTextContents();
    await eventually(async () => (await shown()).map((text) => text.trim())).toEqual(expected);
  });

  it('sorts by votes', async () => {
    page = await open('?sort=votes');
    await eventually(() => status().textContent()).toBe('4 results');
    expect(await resultLinks().allTextContents()).toEqual([
      'Offline mode',
      'Dark mode for the dashboard',
      'Export reports as CSV',
      'Escape <script>alert(1)</script> in titles',
    ]);
  });

  it('shows markup from titles and excerpts as text', async () => {
    page = await open('?q=onerror');
    await eventually(() => status().textContent()).toBe('1 result for “onerror”');
    expect(await page.locator('#search-results script, #search-results img').count()).toBe(0);
    expect(await page.locator('#search-results').textContent()).toContain('<img src=x onerror=alert(1)>');
  });

  it('offers "Suggest a feature" when a search finds nothing, and only then', async () => {
    const suggest = () => page.locator('[data-search-suggest]').getByRole('link', { name: 'Suggest a feature' });
    page = await open('?q=teleportation');
    await eventually(() => status().textContent()).toBe('No results for “teleportation”. Try fewer words, or clear the filters.');
    expect(await suggest().isVisible()).toBe(true);
    // The fixture's one repository takes suggestions, so the link goes straight to its issue chooser.
    expect(await suggest().getAttribute('href')).toBe('https://github.com/acme/widgets/issues/new/choose');
    await page.getByLabel('Search requests and releases').fill('dark');
    await eventually(() => status().textContent()).toBe('2 results for “dark”');
    expect(await suggest().isVisible()).toBe(false);
  });

  it('runs under the Content-Security-Policy with no error', () => {
    expect(problems).toEqual([]);
  });

  it('explains, without JavaScript, that search needs it and links to the request list', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${site.url}search/`);
    expect(await noScript.getByText('Search needs JavaScript').isVisible()).toBe(true);
    expect(await noScript.getByRole('link', { name: 'browse all requests' }).getAttribute('href')).toBe('/roadmap/requests/');
    expect(await noScript.getByRole('searchbox').isVisible()).toBe(false);
    await context.close();
  });

  it('loads its script from the site, not inline', async () => {
    const html = await readFile(join(work, 'dist/search/index.html'), 'utf8');
    expect(html).toMatch(/<script[^>]*src="\/roadmap\/search\.js"/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
