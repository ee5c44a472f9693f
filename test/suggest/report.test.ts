import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { markdownText, reportMarkdown } from '../../src/suggest/report-markdown.ts';
import { reportTable, terminalText } from '../../src/suggest/report-table.ts';
import type { RequestSummary, SuggestionRow } from '../../src/suggest/suggestion-rows.ts';

const run = promisify(execFile);
const SCRIPT = 'scripts/report-duplicates.ts';

function summary(number: number, title: string, overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    key: `acme/widgets#${number}`,
    repository: 'acme/widgets',
    number,
    type: 'issue',
    title,
    votes: number * 2,
    url: `https://github.com/acme/widgets/issues/${number}`,
    path: `/requests/${number}-x/`,
    ...overrides,
  };
}

const HOSTILE = 'Dark mode | <img src=x onerror=alert(1)> [click](javascript:alert(1)) \u001b[31mred';

describe('report formats', () => {
  const rows: SuggestionRow[] = [
    { a: summary(1, 'Dark mode'), b: summary(7, HOSTILE, { type: 'discussion', repository: 'acme/docs', key: 'acme/docs#7', url: 'https://github.com/acme/docs/discussions/7' }), score: 0.61, reasons: ['dark mode', 'system'] },
  ];

  it('writes a Markdown table row per pair, with both requests linked to GitHub', () => {
    const markdown = reportMarkdown(rows, { syncedAt: '2025-06-01T00:00:00Z', requests: 40, threshold: 0.35, firstRepository: 'acme/widgets', totalSuggestions: 1 });
    const row = markdown.split('\n').find((line) => line.startsWith('| 0.61'));
    expect(row).toContain('[\\#1](https://github.com/acme/widgets/issues/1) Dark mode | 2 |');
    expect(row).toContain('[docs\\#7](https://github.com/acme/docs/discussions/7)');
    expect(row).toContain('(Discussion) | 14 | dark mode, system |');
  });

  it('keeps untrusted titles from becoming Markdown, HTML or terminal escapes', () => {
    const cell = markdownText(HOSTILE);
    expect(cell).not.toMatch(/(?<!\\)[|<>[\]()]/);
    expect(cell).not.toContain('\u001b');
    // Still readable: only escaped, nothing removed but the control character.
    expect(cell.replaceAll('\\', '')).toBe(HOSTILE.replace('\u001b', ''));
    expect(terminalText(HOSTILE)).not.toContain('\u001b');
    expect(reportTable(rows, 'acme/widgets')).not.toContain('\u001b');
  });
});

describe('npm run report:duplicates', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'suggest-report-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports on the demo snapshot, measured against the generator’s known duplicates', async () => {
    const out = join(dir, 'report.md');
    const { stdout } = await run(process.execPath, [SCRIPT, '--json', '--out', out, '--limit', '5'], { env: { ...process.env, ROADMAP_SNAPSHOT_DIR: '' } });
    const report = JSON.parse(stdout) as {
      suggestions: unknown[];
      stats: { documents: number; comparedPairs: number; allPairs: number };
      evaluation: { precision: number; recall: number; truePositives: number; falsePositives: number; missed: unknown[] } | null;
    };
    expect(report.suggestions).toHaveLength(5);
    expect(report.stats.comparedPairs).toBeLessThan(report.stats.allPairs);
    expect(report.evaluation).not.toBeNull();
    expect(report.evaluation?.truePositives).toBeGreaterThan(0);
    expect(report.evaluation?.recall).toBeCloseTo((report.evaluation?.truePositives ?? 0) / 25, 5);

    const markdown = await readFile(out, 'utf8');
    expect(markdown).toMatch(/^# Suggested duplicates\n/);
    expect(markdown).toContain('5 of ');
    expect(markdown).toContain('](https://github.com/lumen-dev/lumen/');
    expect(markdown).toMatch(/precision 0\.\d\d, recall 0\.\d\d: \d+ of 25 known duplicates found/);
  });

  it('prints a table with the counts when not asked for JSON', async () => {
    const { stdout } = await run(process.execPath, [SCRIPT, '--out', join(dir, 'table.md'), '--threshold', '0.5']);
    expect(stdout).toMatch(/^Score\s+Request\s+Votes\s+Looks like\s+Votes\s+Shared terms/);
    expect(stdout).toMatch(/suggested duplicates? among 346 requests \(threshold 0\.5; [\d,]+ of 59,685 pairs compared\)/);
    expect(stdout).toMatch(/The demo generator's unmarked duplicates \(seed 1\): precision \d\.\d\d, recall \d\.\d\d/);
  });

  it('keeps, with --since, the pairs whose newer request was opened in the last days before the snapshot', async () => {
    type Report = { syncedAt: string; since: string | null; suggestions: Array<{ a: { key: string }; b: { key: string } }> };
    const report = async (args: string[]) => JSON.parse((await run(process.execPath, [SCRIPT, '--json', '--out', join(dir, 'since.md'), ...args])).stdout) as Report;
    const [everything, recent, byDate] = await Promise.all([report([]), report(['--since', '120d']), report(['--since', '2026-07-04'])]);
    const snapshot = await readSnapshot('content/snapshot');
    const openedAt = new Map(snapshot.items.map((item) => [`${item.repository.toLowerCase()}#${item.number}`, item.createdAt]));
    const newer = (pair: Report['suggestions'][number]) => [openedAt.get(pair.a.key) ?? '', openedAt.get(pair.b.key) ?? ''].sort()[1] ?? '';

    const cutoff = new Date(Date.parse(everything.syncedAt) - 120 * 86_400_000).toISOString();
    expect(recent.since).toBe(cutoff);
    const expected = everything.suggestions.filter((pair) => newer(pair) >= cutoff);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(everything.suggestions.length);
    expect(recent.suggestions).toEqual(expected);
    expect(byDate.suggestions).toEqual(everything.suggestions.filter((pair) => newer(pair) >= '2026-07-04T00:00:00.000Z'));
  });

  it.each([
    [['--since', 'last week'], 2, /--since must be a date such as 2026-11-01, or a number of days/],
    [['--threshold', '2'], 2, /--threshold must be a number from 0 to 1/],
    [['--limit', '0'], 2, /--limit must be a whole number/],
  ])('refuses %j with exit code %i', async (args, code, message) => {
    await expect(run(process.execPath, [SCRIPT, ...args])).rejects.toMatchObject({ code, stderr: expect.stringMatching(message) });
  });

  it('says where the snapshot is missing', async () => {
    await expect(run(process.execPath, [SCRIPT, '--out', join(dir, 'none.md')], { env: { ...process.env, ROADMAP_SNAPSHOT_DIR: join(dir, 'nowhere') } })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/No snapshot found in .*nowhere/),
    });
  });
});
