/**
 * `npm run bench:build`: the build budget, measured (PRODUCT.md: 10,000 requests build, site +
 * search + images, in about a minute on 2 cores; a rebuild after one change re-renders little).
 *
 * 1. Writes a snapshot of N requests (default 10,000) for the repositories in `roadmap.config.ts`.
 * 2. Runs the real `astro build` on it (ROADMAP_SNAPSHOT_DIR) in a temporary copy of the project,
 *    with empty caches: wall time, CPU time (user and system), peak memory, Pagefind and social
 *    image time, page weights, total size.
 * 3. Changes one request and builds again with the caches of step 2: how many social images and
 *    routes were rendered again. Like the deploy workflow's runner, the rebuild starts without the
 *    last `dist/`: it is moved aside, and deleted with the temporary folder once everything is
 *    measured. Deleting tens of thousands of files right before a build would be measured as the
 *    build's time on filesystems that are slow to reuse them (see docs/performance.md).
 * 4. Builds a bare Astro project of N trivial pages, the floor, and prints the ratio.
 *
 *   npm run bench:build -- --requests 500        a quick run while developing
 *   options: --requests N  --seed N  --concurrency N (build.concurrency)
 *            --no-incremental (turn off experimental.incrementalBuild, to see what it saves)
 *            --no-floor  --no-rebuild  --keep (leave the temporary folder)
 *            --verbose (show Astro's output)  --json
 */
import { availableParallelism, tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../src/config/index.ts';
import { changeOneRequest, writeBenchSnapshot } from './bench-snapshot.ts';
import { parseBuildLog, type BuildLog } from './build-log.ts';
import { journalLessExt4Note } from './filesystem-check.ts';
import { writeFloorProject } from './floor-project.ts';
import { measurePagesArtifact, type PagesArtifactSize } from './pages-artifact.ts';
import { copyProject } from './project-copy.ts';
import { runNodeMeasured, type MeasuredRun } from './run-measured.ts';
import { measureSite, type SiteSize } from './site-size.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** `npm run build`: Astro, with the heap limit a user's build gets. */
const BUILD_SCRIPT = join(ROOT, 'scripts', 'build.ts');

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string' },
    'no-incremental': { type: 'boolean', default: false },
    'no-floor': { type: 'boolean', default: false },
    'no-rebuild': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const requests = Number(args.requests);
if (!Number.isInteger(requests) || requests < 1) {
  throw new Error(`--requests must be a positive whole number, not ${JSON.stringify(args.requests)}.`);
}
const concurrency = args.concurrency === undefined ? undefined : Number(args.concurrency);

const say = (line: string) => process.stderr.write(`${line}\n`);

interface BuildResult {
  run: MeasuredRun;
  log: BuildLog;
  size: SiteSize | null;
}

const work = await mkdtemp(join(tmpdir(), 'bench-build-'));
try {
  const config = await loadConfig({ root: ROOT });
  const base = config.site.base.endsWith('/') ? config.site.base : `${config.site.base}/`;

  say(`Writing a snapshot of ${requests.toLocaleString('en-US')} requests…`);
  const snapshotDir = join(work, 'snapshot');
  const snapshot = await writeBenchSnapshot({
    dir: snapshotDir,
    requests,
    seed: Number(args.seed),
    sources: config.sources
      .filter((source) => !source.allowPrivate)
      .map((source) => ({
        repo: source.repo,
        issueLabels: source.issues === false ? false : source.issues.labels,
        discussionCategories: source.discussions === false ? false : source.discussions.categories,
      })),
    statusLabels: config.statuses.labels,
    voteReactions: config.votes.reactions,
  });

  // The project's own astro.config.mjs, in a private copy of the project (see project-copy.ts),
  // with every cache moved out of the shared node_modules. Search, social images and request feeds
  // are added if the configuration does not have them yet, so the numbers are those of the whole site.
  const project = await copyProject(ROOT, join(work, 'project'));
  const outDir = join(project, 'dist');
  const wrapperConfig = join(project, 'astro.config.bench.mjs');
  await writeFile(
    wrapperConfig,
    [
      `import config from './astro.config.mjs';`,
      `import pagefind from './src/integrations/pagefind.ts';`,
      `import requestFiles from './src/integrations/request-files.ts';`,
      `import socialImages from './src/integrations/social-images.ts';`,
      `const integrations = [...(config.integrations ?? [])];`,
      `const names = new Set(integrations.flat().map((integration) => integration?.name));`,
      `if (!names.has('open-roadmap:pagefind')) integrations.push(pagefind());`,
      `if (!names.has('open-roadmap:social-images')) integrations.push(socialImages());`,
      `if (!names.has('open-roadmap:request-files')) integrations.push(requestFiles());`,
      `export default {`,
      `  ...config,`,
      `  integrations,`,
      `  cacheDir: ${JSON.stringify(join(work, 'astro-cache'))},`,
      `  vite: { ...config.vite, cacheDir: ${JSON.stringify(join(work, 'vite-cache'))} },`,
      concurrency === undefined ? '' : `  build: { ...config.build, concurrency: ${concurrency} },`,
      args['no-incremental'] ? `  experimental: { ...config.experimental, incrementalBuild: false },` : '',
      `};`,
      '',
    ].join('\n'),
  );
  const env = {
    ...process.env,
    ROADMAP_SNAPSHOT_DIR: snapshotDir,
    ROADMAP_IMAGE_CACHE_DIR: join(work, 'image-cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
  };
  let builds = 0;
  const buildSite = async (label: string): Promise<BuildResult> => {
    say(`${label}…`);
    if (existsSync(outDir)) await rename(outDir, join(work, `previous-dist-${builds}`));
    builds += 1;
    const run = await runNodeMeasured([BUILD_SCRIPT, '--config', 'astro.config.bench.mjs'], {
      cwd: project,
      env,
      scratchDir: work,
      echo: args.verbose,
    });
    await writeFile(join(work, `${label.replace(/\W+/g, '-').toLowerCase()}.log`), run.output);
    if (run.exitCode !== 0) {
      say(run.output.split('\n').slice(-40).join('\n'));
      throw new Error(`${label} failed: astro build exited with ${run.exitCode} (full log above, last 40 lines).`);
    }
    return { run, log: parseBuildLog(run.output), size: await measureSite(outDir, base) };
  };

  const first = await buildSite('Building the site (empty caches)');
  // Before the next build moves this output aside.
  say('Archiving the output as a deploy to GitHub Pages would…');
  const artifact = await measurePagesArtifact(outDir);
  let rebuild: (BuildResult & { changed: string }) | null = null;
  if (!args['no-rebuild']) {
    const changed = await changeOneRequest(snapshotDir);
    const result = await buildSite('Building again after changing one request');
    rebuild = { ...result, changed: `${changed.repository}#${changed.number}` };
  }

  let floor: BuildResult | null = null;
  if (!args['no-floor']) {
    say(`Building a bare Astro project of ${requests.toLocaleString('en-US')} trivial pages (the floor)…`);
    const floorProject = await writeFloorProject(work, requests, join(ROOT, 'node_modules'));
    const run = await runNodeMeasured([BUILD_SCRIPT], { cwd: floorProject.root, env, scratchDir: work, echo: args.verbose });
    if (run.exitCode !== 0) {
      say(run.output.split('\n').slice(-40).join('\n'));
      throw new Error(`The floor build failed: astro build exited with ${run.exitCode}.`);
    }
    floor = { run, log: parseBuildLog(run.output), size: null };
  }

  const report = {
    requests,
    snapshot,
    cores: availableParallelism(),
    concurrency,
    incremental: !args['no-incremental'],
    first,
    artifact,
    rebuild,
    floor,
    filesystemNote: await journalLessExt4Note(work),
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report, (key, value: unknown) => (key === 'output' ? undefined : value), 2)}\n`);
  } else {
    process.stdout.write(renderReport(report));
  }
  if (args.keep) say(`Kept ${work}`);
} finally {
  if (!args.keep) await rm(work, { recursive: true, force: true });
}

function renderReport(report: {
  requests: number;
  snapshot: { releases: number; votes: number; bytes: number };
  cores: number;
  concurrency: number | undefined;
  incremental: boolean;
  first: BuildResult;
  artifact: PagesArtifactSize | null;
  rebuild: (BuildResult & { changed: string }) | null;
  floor: BuildResult | null;
  filesystemNote: string | null;
}): string {
  const { first, artifact, rebuild, floor } = report;
  const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
  const megabytes = (kb: number | null) => (kb === null ? '–' : `${(kb / 1024).toFixed(0)} MB`);
  const size = (bytes: number | null | undefined) =>
    bytes === null || bytes === undefined
      ? '–'
      : bytes >= 1024 ** 2
        ? `${(bytes / 1024 ** 2).toFixed(1)} MB`
        : `${(bytes / 1024).toFixed(1)} KB`;
  const count = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toLocaleString('en-US'));
  const cpu = (run: MeasuredRun | undefined) =>
    run?.cpu ? `${(run.cpu.userMilliseconds / 1000).toFixed(1)} + ${(run.cpu.systemMilliseconds / 1000).toFixed(1)} s` : '–';

  const columns = ['', 'site, empty caches', rebuild ? `after changing ${rebuild.changed}` : '', floor ? 'bare Astro (floor)' : ''];
  const rows: string[][] = [
    ['wall time', seconds(first.run.wallMilliseconds), seconds(rebuild?.run.wallMilliseconds), seconds(floor?.run.wallMilliseconds)],
    ['CPU time, user + system', cpu(first.run), cpu(rebuild?.run), cpu(floor?.run)],
    ['peak memory (RSS)', megabytes(first.run.peakRssKilobytes), megabytes(rebuild?.run.peakRssKilobytes ?? null), megabytes(floor?.run.peakRssKilobytes ?? null)],
    ['HTML pages built', count(first.log.pagesBuilt), count(rebuild?.log.pagesBuilt), count(floor?.log.pagesBuilt)],
    [
      'routes rendered / restored',
      `${count(first.log.routesRendered)} / ${count(first.log.routesRestored)}`,
      rebuild ? `${count(rebuild.log.routesRendered)} / ${count(rebuild.log.routesRestored)}` : '',
      floor ? `${count(floor.log.routesRendered)} / ${count(floor.log.routesRestored)}` : '',
    ],
    [
      'search: pages indexed, time',
      first.log.search ? `${count(first.log.search.pagesIndexed)}, ${seconds(first.log.search.milliseconds)}` : 'not run',
      rebuild?.log.search ? `${count(rebuild.log.search.pagesIndexed)}, ${seconds(rebuild.log.search.milliseconds)}` : '',
      '',
    ],
    [
      'social images: rendered / reused',
      first.log.images ? `${count(first.log.images.rendered)} / ${count(first.log.images.reused)}` : 'not run',
      rebuild?.log.images ? `${count(rebuild.log.images.rendered)} / ${count(rebuild.log.images.reused)}` : '',
      '',
    ],
    [
      'social images: render time',
      first.log.images ? seconds(first.log.images.milliseconds) : '',
      rebuild?.log.images ? seconds(rebuild.log.images.milliseconds) : '',
      '',
    ],
    ['request pages measured', count(first.size?.requestPages.count), count(rebuild?.size?.requestPages.count), ''],
    ['request page HTML+CSS, median', size(first.size?.requestPages.medianBytes), size(rebuild?.size?.requestPages.medianBytes), ''],
    ['request page HTML+CSS, max', size(first.size?.requestPages.maxBytes), size(rebuild?.size?.requestPages.maxBytes), ''],
    ['request pages with a broken og:image', count(first.size?.brokenSocialImages), count(rebuild?.size?.brokenSocialImages), ''],
    ['board (home) HTML+CSS', size(first.size?.boardBytes), size(rebuild?.size?.boardBytes), ''],
    ['output: HTML', size(first.size?.byKind.html), '', ''],
    ['output: CSS + JS', size((first.size?.byKind.css ?? 0) + (first.size?.byKind.js ?? 0)), '', ''],
    ['output: social images', size(first.size?.byKind.socialImages), '', ''],
    ['output: search index', size(first.size?.byKind.searchIndex), '', ''],
    ['output: total', `${size(first.size?.totalBytes)} in ${count(first.size?.files)} files`, '', ''],
    ['Pages artifact: tar / deflated', artifact ? `${size(artifact.tarBytes)} / ${size(artifact.compressedBytes)}` : 'no tar command', '', ''],
  ];
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: string[]) =>
    `${cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join('  ').trimEnd()}\n`;

  const lines = [
    `\nBuild benchmark: ${count(report.requests)} requests, ${count(report.snapshot.releases)} releases, ${count(report.snapshot.votes)} votes (snapshot ${size(report.snapshot.bytes)}), ${report.cores} cores${report.concurrency === undefined ? '' : `, build.concurrency ${report.concurrency}`}${report.incremental ? '' : ', incremental builds off'}\n\n`,
    line(columns),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
  ];
  if (floor) {
    lines.push(`\nsite / floor wall time: ${(first.run.wallMilliseconds / floor.run.wallMilliseconds).toFixed(1)}×`);
    if (rebuild) lines.push(`, rebuild / floor: ${(rebuild.run.wallMilliseconds / floor.run.wallMilliseconds).toFixed(1)}×`);
    lines.push('\n');
  }
  if (first.size?.requestPages.maxPath) lines.push(`largest request page: ${first.size.requestPages.maxPath}\n`);
  const rssSource =
    first.run.rssSource === 'gnu-time'
      ? 'GNU time (CPU of every process, memory of the largest)'
      : first.run.rssSource === 'node'
        ? "Node's resourceUsage (the Node process only)"
        : 'unavailable';
  lines.push(`CPU time and peak memory from ${rssSource}\n`);
  if (artifact) {
    lines.push(
      'Pages artifact: the tar actions/upload-pages-artifact makes of the output, and its size deflated as actions/upload-artifact stores it, which actions/deploy-pages compares with 1 GB\n',
    );
  }
  if (report.filesystemNote) lines.push(`Note: ${report.filesystemNote}\n`);
  return lines.join('');
}
