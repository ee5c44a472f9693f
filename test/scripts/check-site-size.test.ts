/**
 * `npm run check:size`: what a built site holds against GitHub Pages' 1 GB, as the deploy
 * workflow runs it after the build. Above the limit it warns (an annotation in GitHub Actions)
 * and never fails the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSiteSize, PAGES_SITE_LIMIT_BYTES } from '../../scripts/check-site-size.ts';

const SCRIPT = join(import.meta.dirname, '../../scripts/check-site-size.ts');

/** A site folder holding files of these sizes, sparse, so a gigabyte costs no disk. */
function siteWith(sizes: number[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-size-'));
  mkdirSync(join(dir, 'requests', 'a'), { recursive: true });
  sizes.forEach((size, index) => {
    const file = join(dir, index % 2 === 0 ? 'requests/a' : '.', `${index}.html`);
    writeFileSync(file, '');
    truncateSync(file, size);
  });
  return dir;
}

function runCli(args: string[], env: Record<string, string> = {}) {
  const { GITHUB_ACTIONS: _, ...inherited } = process.env;
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env: { ...inherited, ...env } });
}

describe('checkSiteSize', () => {
  it('adds up every file in every folder', async () => {
    const check = await checkSiteSize(siteWith([400_000, 600_000, 1_000]));
    expect(check).toMatchObject({ bytes: 1_001_000, files: 3, overLimit: false });
    expect(check.message).toMatch(/ holds 1 MB in 3 files \(GitHub Pages publishes sites of up to 1 GB\)\.$/);
  });

  it('is over the limit only past 2^30 bytes, as the deploy step counts a gigabyte', async () => {
    expect((await checkSiteSize(siteWith([PAGES_SITE_LIMIT_BYTES]))).overLimit).toBe(false);
    const over = await checkSiteSize(siteWith([PAGES_SITE_LIMIT_BYTES, 1]));
    expect(over.overLimit).toBe(true);
    expect(over.message).toMatch(/ holds 1,074 MB in 2 files\. GitHub Pages documents 1 GB .* "Site size" in docs\/deploying\.md/);
  });
});

describe('npm run check:size', () => {
  it('prints what the site holds and succeeds', () => {
    const dir = siteWith([2_500_000]);
    const result = runCli([dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${dir} holds 3 MB in 1 file (GitHub Pages publishes sites of up to 1 GB).\n`);
  });

  it('warns past 1 GB without failing: a GitHub Actions annotation in a workflow, a plain warning elsewhere', () => {
    const dir = siteWith([600_000_000, 500_000_000]);
    const inActions = runCli([dir], { GITHUB_ACTIONS: 'true' });
    expect(inActions.status).toBe(0);
    expect(inActions.stdout).toMatch(/^::warning title=Site larger than 1 GB::.* holds 1,100 MB in 2 files\. /);
    const byHand = runCli([dir]);
    expect(byHand.status).toBe(0);
    expect(byHand.stdout).toBe('');
    expect(byHand.stderr).toMatch(/^Warning: .* holds 1,100 MB in 2 files\. GitHub Pages documents 1 GB/);
  });

  it('says to build first when there is no site to measure', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'site-size-')), 'dist');
    const result = runCli([missing]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot read ${missing} (no such folder). Build the site first: npm run build`);
  });
});
