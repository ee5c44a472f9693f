/**
 * `npm run bench:sync`: the sync's cost budget, measured. A generated repository (10,000 items by
 * default) is served by the GitHub simulator, with a GitHub Project holding `--project` percent of
 * its issues (default 10; 0 for none); the real sync runs four times — full, with nothing
 * changed, after 10 items changed, after 10 project fields changed — and each run's requests,
 * GraphQL points and time are printed. Budgets (PRODUCT.md): about 2 points per 100 items for a
 * full sync, a handful of requests for a sync with nothing changed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_PROJECT_CONFIG, buildBenchProject } from '../demo/bench-project.ts';
import { generateWorld } from '../demo/generate.ts';
import { startSimulator } from '../github-simulator/server.ts';
import { main as sync } from '../../sync.ts';

const { values } = parseArgs({
  options: { items: { type: 'string', default: '10000' }, seed: { type: 'string', default: '7' }, project: { type: 'string', default: '10' } },
});
const items = Number(values.items);
const token = 'bench-token';

process.stderr.write(`Generating a ${items.toLocaleString('en-US')}-item repository…\n`);
const { world } = generateWorld({ preset: 'bench', items, seed: Number(values.seed) });
const repository = world.repositories.find((repo) => !repo.isPrivate);
if (!repository) throw new Error('the bench world has no public repository');
const repo = `${repository.owner}/${repository.name}`;
const projectShare = Number(values.project);
const project = projectShare > 0 ? buildBenchProject(repository, repository.owner, projectShare) : null;
if (project) {
  world.projects = [project];
  world.users[repository.owner] = { login: repository.owner, type: 'Organization', id: 99_999 };
}
const sim = await startSimulator({ world, token, graphqlPointsPerHour: 1_000_000, restRequestsPerHour: 1_000_000 });
const dir = await mkdtemp(join(tmpdir(), 'bench-sync-'));
const configFile = join(dir, 'roadmap.config.ts');
await writeFile(
  configFile,
  `export default ${JSON.stringify({
    site: { title: 'Bench' },
    sources: [{ repo, issues: { labels: [] }, discussions: { categories: [] } }],
    ...(project ? { project: { organization: repository.owner, ...BENCH_PROJECT_CONFIG } } : {}),
  })};\n`,
);
const env = {
  GITHUB_TOKEN: token,
  GITHUB_API_URL: sim.url,
  GITHUB_GRAPHQL_URL: sim.graphqlUrl,
  ROADMAP_SYNC_CHECKPOINT: join(dir, 'checkpoint.json'),
};
const args = ['--config', configFile, '--snapshot', join(dir, 'snapshot')];

interface Row {
  run: string;
  requests: number;
  rest: number;
  graphql: number;
  points: number;
  /** GraphQL points spent on the project's items. */
  projectPoints: number;
  seconds: number;
}
const rows: Row[] = [];

async function measure(run: string, extra: string[] = []): Promise<void> {
  sim.resetLog();
  const started = performance.now();
  const quiet = process.stderr.write.bind(process.stderr);
  process.stderr.write = (() => true) as typeof process.stderr.write;
  let code: number;
  try {
    code = await sync([...args, ...extra], env);
  } finally {
    process.stderr.write = quiet;
  }
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${run} sync failed with exit code ${code}`);
  const graphql = sim.log.filter((entry) => entry.kind === 'graphql');
  rows.push({
    run,
    requests: sim.log.length,
    rest: sim.log.length - graphql.length,
    graphql: graphql.length,
    points: graphql.reduce((sum, entry) => sum + (entry.cost ?? 0), 0),
    projectPoints: graphql.filter((entry) => entry.operationName === 'ProjectItems').reduce((sum, entry) => sum + (entry.cost ?? 0), 0),
    seconds,
  });
}

try {
  await measure('full sync');
  await measure('nothing changed');
  // Ten items change the way GitHub records a change: an edit bumps updatedAt.
  const later = new Date(Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const issue of repository.issues.slice(0, 10)) {
    issue.title = `${issue.title} (edited)`;
    issue.updatedAt = later;
  }
  await measure('10 items changed');
  const changedRun = [...sim.log];
  if (project) {
    // A field changed on the project moves the item's and the project's updatedAt.
    for (const item of project.items.slice(-10)) {
      item.values['Status'] = 'Done';
      item.updatedAt = later;
    }
    project.updatedAt = later;
    await measure('10 fields changed');
  }
  const refetched = changedRun
    .filter((entry) => entry.operationName === 'IssueDetails')
    .reduce((sum, entry) => sum + ((entry.variables?.ids as unknown[] | undefined)?.length ?? 0), 0);

  const total = repository.issues.length + repository.discussions.length;
  const line = (cells: string[]) => `${cells[0]?.padEnd(18)}${cells.slice(1).map((cell) => cell.padStart(10)).join('')}`;
  console.log(`\nSync of ${repo}: ${total.toLocaleString('en-US')} items (${repository.issues.length} issues, ${repository.discussions.length} Discussions)\n`);
  console.log(line(['run', 'requests', 'REST', 'GraphQL', 'points', 'project', 'seconds']));
  for (const row of rows) {
    console.log(line([row.run, String(row.requests), String(row.rest), String(row.graphql), String(row.points), String(row.projectPoints), row.seconds.toFixed(1)]));
  }
  const full = rows[0] as Row;
  console.log(`\nFull sync: ${((full.points / total) * 100).toFixed(2)} points per 100 items (budget: about 2).`);
  console.log(`Nothing changed: ${rows[1]?.requests} requests (budget: a handful; 3 for a repository, 1 more for a project).`);
  console.log(`10 items changed: details refetched for ${refetched} items.`);
  if (project) {
    console.log(
      `Project: ${project.items.length.toLocaleString('en-US')} items (${((project.items.length / total) * 100).toFixed(0)}% of the repository's), ` +
        `${full.projectPoints} points to read (${((full.projectPoints / project.items.length) * 100).toFixed(2)} per 100 project items); ` +
        `without it the full sync costs ${(((full.points - full.projectPoints) / total) * 100).toFixed(2)} points per 100 items.`,
    );
  }
} finally {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
}
