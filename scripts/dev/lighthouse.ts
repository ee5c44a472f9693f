/**
 * Lighthouse over the built site: performance and accessibility of the roadmap board and of the
 * most voted request page (the one with the most voter avatars), with Lighthouse's default mobile
 * settings (a mid-range phone on a slow 4G connection, simulated).
 *
 *   npm run build && npm run lighthouse [-- --min 95 --dist dist]
 *
 * The site is served from `dist/` on 127.0.0.1 under its base path. Requests to other hosts
 * (GitHub avatars) are blocked, so nothing leaves the machine and the score is the site's own.
 * Prints a score per page and category, writes the full reports to `.cache/lighthouse/`, and exits
 * with 1 when a score is below `--min`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { loadConfig } from '../../src/config/index.ts';
import { requestsApiSchema } from '../../src/content/requests-api.ts';
import { serveStatic } from './static-server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const METRICS = {
  'first-contentful-paint': 'FCP',
  'largest-contentful-paint': 'LCP',
  'total-blocking-time': 'TBT',
  'cumulative-layout-shift': 'CLS',
} as const;
export const CATEGORIES = ['performance', 'accessibility'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface AuditedPage {
  name: string;
  /** The page's path, relative to the site's root URL: `''` for the board, `/roadmap/requests/12-dark-mode/`. */
  path: string;
  /** Scores from 0 to 100. */
  scores: Record<Category, number>;
  /** The measured metrics behind the performance score, as Lighthouse shows them ("1.2 s"). */
  metrics: Record<string, string>;
  /** Audits that lost points, worst first, for a score below the bar. */
  findings: string[];
  /** Where the HTML report was written. */
  report: string;
}

export interface AuditOptions {
  /** The built site. */
  dist: string;
  /** Where the HTML reports go. */
  reportDir: string;
  chromePath?: string;
  log?: (line: string) => void;
}

/** The pages audited: the board and the request with the most voters. */
export async function pagesToAudit(dist: string): Promise<{ name: string; path: string }[]> {
  const api = requestsApiSchema.parse(JSON.parse(await readFile(join(dist, 'api/requests.json'), 'utf8')));
  const top = api.requests.reduce<(typeof api.requests)[number] | undefined>(
    (best, request) => (best === undefined || request.votes > best.votes ? request : best),
    undefined,
  );
  const pages = [{ name: 'board', path: '' }];
  if (top !== undefined) {
    // `page` is the URL the site is deployed at; its path, base included, is the same here.
    pages.push({ name: 'request', path: new URL(top.page).pathname });
  }
  return pages;
}

export async function auditSite(options: AuditOptions): Promise<AuditedPage[]> {
  const log = options.log ?? (() => {});
  const chromePath = options.chromePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(join(options.dist, 'index.html'))) {
    throw new Error(`No built site in ${options.dist}. Run \`npm run build\` first (or pass --dist).`);
  }
  if (!existsSync(chromePath)) {
    throw new Error(`Chromium was not found at ${chromePath}. Install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH.`);
  }
  const config = await loadConfig({ root: ROOT });
  const site = await serveStatic(options.dist, config.site.base);
  const chrome = await launch({
    chromePath,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  await mkdir(options.reportDir, { recursive: true });
  try {
    const audited: AuditedPage[] = [];
    for (const page of await pagesToAudit(options.dist)) {
      const url = new URL(page.path, site.url).href;
      log(`Auditing the ${page.name} page, ${url}`);
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'html',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        // The site is served over http from 127.0.0.1: every https request goes to another host.
        blockedUrlPatterns: ['https://*'],
      });
      if (result === undefined) throw new Error(`Lighthouse returned no result for ${url}.`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
      ) as Record<Category, number>;
      const findings = CATEGORIES.flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
          .filter(({ audit }) => audit !== undefined && audit.score !== null && audit.score < 0.9)
          .sort((a, b) => b.ref.weight * (1 - (b.audit?.score ?? 0)) - a.ref.weight * (1 - (a.audit?.score ?? 0)))
          .map(({ audit }) => `${category}: ${audit?.title ?? ''}${audit?.displayValue ? ` (${audit.displayValue})` : ''}`),
      );
      const metrics = Object.fromEntries(
        Object.entries(METRICS).map(([id, short]) => [short, lhr.audits[id]?.displayValue ?? 'n/a']),
      );
      const report = join(options.reportDir, `${page.name}.html`);
      await writeFile(report, Array.isArray(result.report) ? result.report.join('\n') : result.report);
      audited.push({ name: page.name, path: page.path, scores, metrics, findings, report });
    }
    return audited;
  } finally {
    chrome.kill();
    await site.close();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      min: { type: 'string', default: '95' },
      reports: { type: 'string', default: '.cache/lighthouse' },
    },
  });
  const min = Number(values.min);
  if (!Number.isFinite(min) || min < 0 || min > 100) {
    console.error(`--min must be a score from 0 to 100, not "${values.min}".`);
    process.exit(2);
  }
  try {
    const pages = await auditSite({ dist: resolve(values.dist), reportDir: resolve(values.reports), log: (line) => console.log(line) });
    console.log('');
    console.log(`${'page'.padEnd(10)}${CATEGORIES.map((category) => category.padStart(16)).join('')}   metrics`);
    for (const page of pages) {
      const scores = CATEGORIES.map((category) => String(page.scores[category]).padStart(16)).join('');
      const metrics = Object.entries(page.metrics).map(([name, value]) => `${name} ${value}`).join(', ');
      console.log(`${page.name.padEnd(10)}${scores}   ${metrics}`);
    }
    const below = pages.filter((page) => CATEGORIES.some((category) => page.scores[category] < min));
    for (const page of below) {
      console.log(`\n${page.name} is below ${min}; what costs the most:`);
      for (const finding of page.findings.slice(0, 8)) console.log(`  - ${finding}`);
    }
    console.log(`\nReports: ${resolve(values.reports)}`);
    process.exit(below.length > 0 ? 1 : 0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
