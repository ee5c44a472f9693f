/**
 * Lighthouse, with its default mobile settings, scores the board and the most voted request page
 * at least 95 for performance and accessibility. Same audit as `npm run lighthouse`; the reports
 * land in `.cache/lighthouse/`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { auditSite, CATEGORIES } from '../../scripts/dev/lighthouse.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MIN_SCORE = 95;

it(`scores the board and a request page at least ${MIN_SCORE} for performance and accessibility`, async () => {
  const pages = await auditSite({
    dist: join(ROOT, process.env.SITE_DIST ?? 'dist'),
    reportDir: join(ROOT, '.cache/lighthouse'),
  });
  expect(pages.map((page) => page.name)).toEqual(['board', 'request']);
  for (const page of pages) {
    for (const category of CATEGORIES) {
      const why = `${page.name} ${category}: ${page.scores[category]}; ${page.findings.join('; ')} (report: ${page.report})`;
      expect(page.scores[category], why).toBeGreaterThanOrEqual(MIN_SCORE);
    }
  }
}, 300_000);
