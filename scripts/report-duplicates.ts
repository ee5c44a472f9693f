/**
 * `npm run report:duplicates`: requests that read alike but that nobody has marked as
 * duplicates, from the snapshot, offline. Prints a table and writes a Markdown report with
 * links to GitHub.
 *
 *   npx node scripts/report-duplicates.ts [--threshold 0.35] [--limit 50] [--json]
 *                                         [--since 2026-11-01 | --since 7d]
 *                                         [--out .cache/reports/suggested-duplicates.md]
 *                                         [--truth <world>.truth.json]
 *
 * `--since` keeps the pairs whose newer request was opened on or after a date, or within a
 * number of days before the snapshot was taken: the new requests that may repeat an old one,
 * for a scheduled check.
 *
 * The snapshot is `ROADMAP_SNAPSHOT_DIR` or `content/snapshot/`. When it is the generated demo
 * (or `--truth` names a generator's truth file), the suggestions are also measured against the
 * duplicates the generator planted without marking them: precision, recall, and the counts.
 * Those are read as plain JSON (the demo's from `<snapshot>.known-duplicates.json`, which
 * `npm run demo:snapshot` writes), so the report never loads the generator.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../src/config/index.ts';
import { inProject } from '../src/config/project-dir.ts';
import { buildRequests } from '../src/model/build-requests.ts';
import { DEFAULT_SNAPSHOT_DIR, readSnapshot, type Snapshot } from '../src/snapshot/read-snapshot.ts';
import { evaluateSuggestions, expectedRequestPairs } from '../src/suggest/evaluate-suggestions.ts';
import { formatPrecisionRecall, reportMarkdown, type ReportEvaluation } from '../src/suggest/report-markdown.ts';
import { reportTable } from '../src/suggest/report-table.ts';
import { suggestDuplicateRequests } from '../src/suggest/suggest-duplicate-requests.ts';
import { DEFAULT_THRESHOLD } from '../src/suggest/suggest-duplicates.ts';
import { requestSummary, suggestionRows } from '../src/suggest/suggestion-rows.ts';

const DEFAULT_OUT = '.cache/reports/suggested-duplicates.md';
const USAGE =
  'Usage: npm run report:duplicates -- [--threshold <0..1>] [--limit <n>] [--since <yyyy-mm-dd | days>d] [--json] [--out <file.md>] [--truth <file.truth.json>]';
const DAY_MS = 86_400_000;
/** How `npm run demo:snapshot` signs the snapshots it makes (see scripts/dev/build-demo-snapshot.ts). */
const DEMO_ORIGIN = /\bdemo world, seed (\d+)\b/;

const refSchema = z.object({ repository: z.string(), number: z.number().int().positive() });
/** The part of a generator truth file (scripts/dev/demo/ground-truth.ts) the report needs; the demo's known-duplicates file has the same shape. */
const truthFileSchema = z.object({ unmarkedDuplicates: z.array(z.tuple([refSchema, refSchema])) });
type Ref = z.infer<typeof refSchema>;

interface Options {
  threshold: number;
  limit: number | undefined;
  json: boolean;
  out: string;
  truth: string | undefined;
  since: { date: string } | { days: number } | undefined;
}

class UsageError extends Error {}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        threshold: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        truth: { type: 'string' },
        since: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const threshold = values.threshold === undefined ? DEFAULT_THRESHOLD : Number(values.threshold);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new UsageError(`--threshold must be a number from 0 to 1, got "${values.threshold ?? ''}".`);
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) {
    throw new UsageError(`--limit must be a whole number of at least 1, got "${values.limit ?? ''}".`);
  }
  return { threshold, limit, json: values.json, out: values.out ?? DEFAULT_OUT, truth: values.truth, since: parseSince(values.since) };
}

function parseSince(value: string | undefined): Options['since'] {
  if (value === undefined) return undefined;
  const days = /^(\d{1,5})d$/.exec(value.trim());
  if (days) return { days: Number(days[1]) };
  if (/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/.test(value.trim()) && !Number.isNaN(Date.parse(value.trim()))) {
    return { date: new Date(value.trim()).toISOString() };
  }
  throw new UsageError(`--since must be a date such as 2026-11-01, or a number of days before the snapshot such as 7d, got "${value}".`);
}

/** The earliest creation time a pair's newer request may have; days count back from the snapshot, so a re-run says the same. */
function sinceTime(since: Options['since'], syncedAt: string): string | undefined {
  if (since === undefined) return undefined;
  return 'date' in since ? since.date : new Date(Date.parse(syncedAt) - since.days * DAY_MS).toISOString();
}

/** The unmarked duplicate pairs in a truth file; `null` when the file is optional and absent. */
async function readKnownDuplicates(file: string, optional: boolean): Promise<Array<[Ref, Ref]> | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(
      `${file} could not be read as JSON (${error instanceof Error ? error.message : String(error)}). Pass the .truth.json file written next to a generated world.`,
      { cause: error },
    );
  }
  const parsed = truthFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`${file} has no list of unmarkedDuplicates. Pass the .truth.json file that \`npm run demo:world\` writes next to the world.`);
  }
  return parsed.data.unmarkedDuplicates;
}

/** The generator's unmarked duplicate pairs: from `--truth`, or those kept next to the demo snapshot. */
async function knownDuplicates(snapshot: Snapshot, snapshotDir: string, truthFile: string | undefined): Promise<{ source: string; pairs: Array<[Ref, Ref]> } | null> {
  if (truthFile !== undefined) {
    const pairs = await readKnownDuplicates(truthFile, false);
    return pairs && { source: `Known duplicates from ${truthFile}`, pairs };
  }
  const demo = DEMO_ORIGIN.exec(snapshot.manifest.apiUrl);
  if (!demo) return null;
  // A demo snapshot copied without its known duplicates is still reported on, only not measured.
  const pairs = await readKnownDuplicates(`${snapshotDir}.known-duplicates.json`, true);
  return pairs && { source: `The demo generator's unmarked duplicates (seed ${demo[1]})`, pairs };
}

async function run(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const snapshotDir = process.env.ROADMAP_SNAPSHOT_DIR || inProject(DEFAULT_SNAPSHOT_DIR);
  const [config, snapshot] = await Promise.all([loadConfig(), readSnapshot(snapshotDir)]);
  const requests = buildRequests(snapshot, config);

  const all = suggestDuplicateRequests(requests, snapshot.items, { threshold: options.threshold });
  const byKey = new Map(requests.map((request) => [request.key, request]));
  const since = sinceTime(options.since, snapshot.manifest.syncedAt);
  // `b` is the newer request of a pair: the one that may repeat the other.
  const listed = since === undefined ? all.suggestions : all.suggestions.filter((suggestion) => (byKey.get(suggestion.b)?.createdAt ?? '') >= since);
  const suggestions = options.limit === undefined ? listed : listed.slice(0, options.limit);
  const rows = suggestionRows(suggestions, requests);
  const firstRepository = config.sources[0]?.repo;

  const known = await knownDuplicates(snapshot, snapshotDir, options.truth);
  const measured: ReportEvaluation | undefined = known
    ? {
        source: known.source,
        // Every suggestion above the threshold, not only those `--limit` shows: the threshold is what is measured.
        evaluation: evaluateSuggestions(all.suggestions, expectedRequestPairs(known.pairs, requests)),
        requestOf: (key) => {
          const request = byKey.get(key);
          return request ? requestSummary(request) : undefined;
        },
      }
    : undefined;

  const markdown = reportMarkdown(
    rows,
    { syncedAt: snapshot.manifest.syncedAt, requests: all.stats.documents, threshold: options.threshold, firstRepository, totalSuggestions: listed.length },
    measured,
  );
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, markdown);

  if (options.json) {
    const evaluation = measured
      ? {
          source: measured.source,
          precision: measured.evaluation.precision,
          recall: measured.evaluation.recall,
          truePositives: measured.evaluation.truePositives.length,
          falsePositives: measured.evaluation.falsePositives.length,
          missed: measured.evaluation.missed,
        }
      : null;
    process.stdout.write(`${JSON.stringify({ syncedAt: snapshot.manifest.syncedAt, threshold: options.threshold, since: since ?? null, stats: all.stats, suggestions: rows, evaluation }, null, 2)}\n`);
  } else {
    const summary = [
      rows.length === 0 ? 'No pair of requests scores above the threshold.' : `${reportTable(rows, firstRepository).trimEnd()}\n(D) a Discussion`,
      '',
      `${listed.length} suggested duplicate${listed.length === 1 ? '' : 's'} among ${all.stats.documents} requests ` +
        (since === undefined ? '' : `whose newer request was opened since ${since.slice(0, 10)} `) +
        `(threshold ${options.threshold}; ${all.stats.comparedPairs.toLocaleString('en')} of ${all.stats.allPairs.toLocaleString('en')} pairs compared)` +
        (rows.length < listed.length ? `, ${rows.length} shown.` : '.'),
    ];
    if (measured) summary.push(`${measured.source}: ${formatPrecisionRecall(measured.evaluation)}.`);
    process.stdout.write(`${summary.join('\n')}\n`);
  }
  process.stderr.write(`Report written to ${options.out}\n`);
  return 0;
}

if (import.meta.main) {
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}
