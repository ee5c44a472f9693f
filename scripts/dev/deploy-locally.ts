/**
 * `npm run deploy:local`: rehearses a deploy without GitHub Actions, against the GitHub simulator
 * (or any API in GITHUB_API_URL), with a local directory as the "host". Two ways:
 *
 * - This repository, as a fork or template uses it: the steps of .github/workflows/deploy.yml, in
 *   the same order (`deployLocally`).
 * - `--project <dir>`: a project that adopts the roadmap without forking it, a folder with its
 *   roadmap.config.ts, content/ and one workflow under .github/workflows/ that uses
 *   .github/actions/roadmap. That workflow is run as GitHub would run it (local-runner/), with the
 *   engine taken from `--engine <git repository>` (default: this one) at the ref the workflow pins
 *   (`deployProject`).
 *
 * Used by tests to exercise the whole pipeline end to end, and handy to rehearse a deploy. The
 * Actions cache becomes `<state>/cache/<key>/`: like actions/cache, a key is written once, and a
 * restore takes the newest entry whose key starts with the prefix.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkSiteSize } from '../check-site-size.ts';
import type { SimWorld } from './github-simulator/store-types.ts';
import { startSimulator } from './github-simulator/server.ts';
import { generateWorld } from './demo/generate.ts';
import { main as sync } from '../sync.ts';
import { restoreCache, saveCache } from './local-runner/local-cache.ts';
import { publishToHost } from './local-runner/local-host.ts';
import { runWorkflow } from './local-runner/run-workflow.ts';

export interface LocalDeployOptions {
  /** Where published files go (what GitHub Pages would serve). */
  host: string;
  /** Persistent state between runs: the cache entries and the work directory. */
  state: string;
  /** Run number, as `github.run_id`; keys the cache entries of this run. */
  runId: string;
  env: NodeJS.ProcessEnv;
  full?: boolean;
  force?: boolean;
  log?: (line: string) => void;
}

export type LocalDeployResult = { outcome: 'deployed' | 'paused' | 'failed'; step: string; detail: string };

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach((line) => log(`    ${line}`));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('close', (code) => resolvePromise(code ?? 1));
  });
}

export async function deployLocally(options: LocalDeployOptions): Promise<LocalDeployResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const state = resolve(options.state);
  const work = join(state, 'work');
  const snapshotPaths = ['content/snapshot', '.cache/sync'];
  const env = {
    ...process.env,
    ...options.env,
    ROADMAP_SNAPSHOT_DIR: join(work, 'content/snapshot'),
    ROADMAP_SYNC_CHECKPOINT: join(work, '.cache/sync/checkpoint.json'),
    ROADMAP_IMAGE_CACHE_DIR: join(work, '.cache/images'),
    ROADMAP_USER_CONTENT_CACHE_DIR: join(work, '.cache/user-content'),
    ROADMAP_ASTRO_CACHE_DIR: join(work, '.cache/astro'),
  };
  const buildCachePaths = ['.cache/images', '.cache/user-content', '.cache/astro'];
  const step = (name: string) => log(`▸ ${name}`);

  // A fresh runner: nothing survives between runs but the cache.
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });

  step('Forget the demo snapshot');
  await rm(join(work, 'content/snapshot'), { recursive: true, force: true });

  step('Restore the last synced snapshot');
  const restored = await restoreCache(state, 'roadmap-snapshot-', snapshotPaths, work);
  log(restored ? `    restored ${restored}` : '    no cache entry yet: a full sync');

  step('Sync from GitHub');
  const args = ['--snapshot', join(work, 'content/snapshot')];
  if (options.full) args.push('--full');
  if (options.force) args.push('--force');
  const code = await sync(args, env);
  const paused = code === 75;
  if (code !== 0 && !paused) return { outcome: 'failed', step: 'Sync from GitHub', detail: `exit code ${code}` };

  step('Save the synced snapshot');
  await saveCache(state, `roadmap-snapshot-${options.runId}`, snapshotPaths, work);
  if (paused) return { outcome: 'paused', step: 'Sync from GitHub', detail: 'rate limit: resumes next run' };

  step('Restore the build caches');
  const restoredBuild = await restoreCache(state, 'roadmap-build-', buildCachePaths, work);
  log(restoredBuild ? `    restored ${restoredBuild}` : '    no cache entry yet: every page and image is built');

  step('Build');
  const dist = join(work, 'dist');
  const built = await run(process.execPath, [resolve('scripts/build.ts'), '--outDir', dist], env, log);
  if (built !== 0) return { outcome: 'failed', step: 'Build', detail: `exit code ${built}` };

  step("Check the site's size");
  const size = await checkSiteSize(dist);
  log(`    ${size.overLimit ? 'Warning: ' : ''}${size.message}`);

  step('Save the build caches');
  await saveCache(state, `roadmap-build-${options.runId}`, buildCachePaths, work);

  // upload-pages-artifact + deploy-pages: the host switches to the new files in one step.
  step('Deploy');
  const host = await publishToHost(dist, options.host);
  return { outcome: 'deployed', step: 'Deploy', detail: host };
}

/** This checkout: the engine a project deploys with unless told otherwise, and its installed dependencies. */
const THIS_REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

export interface ProjectDeployOptions extends LocalDeployOptions {
  /** The project's folder, standing in for its repository. */
  project: string;
  /** The git repository standing in for `<owner>/open-roadmap` on GitHub. Default: this checkout. */
  engine?: string;
  /** The workflow file to run. Default: the one under `<project>/.github/workflows/` that uses the roadmap action. */
  workflow?: string;
}

/** The project's workflow that uses the roadmap action. */
async function roadmapWorkflow(project: string): Promise<string> {
  const folder = join(project, '.github/workflows');
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name)).sort();
  for (const name of names) {
    if ((await readFile(join(folder, name), 'utf8')).includes('/.github/actions/roadmap@')) return join(folder, name);
  }
  throw new Error(
    `No workflow in ${folder} uses the roadmap action (uses: <owner>/open-roadmap/.github/actions/roadmap@<version>). Write one as docs/deploying.md shows, or name it with --workflow.`,
  );
}

/** Runs the project's workflow, as a workflow_dispatch would on GitHub, with its engine at the pinned version. */
export async function deployProject(options: ProjectDeployOptions): Promise<LocalDeployResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const engine = resolve(options.engine ?? THIS_REPOSITORY);
  const results = await runWorkflow({
    workflow: options.workflow ?? (await roadmapWorkflow(options.project)),
    project: options.project,
    repositoryFor: (ownerAndName) => (ownerAndName.split('/')[1] === 'open-roadmap' ? engine : undefined),
    event: { name: 'workflow_dispatch', inputs: { full: options.full ?? false, force: options.force ?? false } },
    state: options.state,
    host: options.host,
    runId: options.runId,
    env: { ...process.env, ...options.env },
    dependencies: join(THIS_REPOSITORY, 'node_modules'),
    log,
  });
  const failed = Object.values(results).find((job) => job.result === 'failure');
  if (failed?.failed) return { outcome: 'failed', step: failed.failed.step, detail: failed.failed.detail };
  const skipped = Object.entries(results).find(([, job]) => job.result === 'skipped');
  if (skipped) return { outcome: 'paused', step: skipped[0], detail: 'skipped: nothing new to publish' };
  return { outcome: 'deployed', step: 'Deploy', detail: resolve(options.host) };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '.cache/local-deploy/site' },
      state: { type: 'string', default: '.cache/local-deploy/state' },
      world: { type: 'string' },
      full: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      project: { type: 'string' },
      engine: { type: 'string' },
      workflow: { type: 'string' },
    },
  });
  let env: NodeJS.ProcessEnv = {};
  let close = async () => {};
  if (!process.env.GITHUB_TOKEN) {
    // No GitHub here: serve the demo world (or --world) through the simulator.
    const world: SimWorld = values.world
      ? (JSON.parse(await (await import('node:fs/promises')).readFile(values.world, 'utf8')) as SimWorld)
      : generateWorld({ preset: 'demo' }).world;
    const sim = await startSimulator({ world, token: 'local-deploy' });
    env = { GITHUB_TOKEN: 'local-deploy', GITHUB_API_URL: sim.url, GITHUB_GRAPHQL_URL: sim.graphqlUrl };
    close = () => sim.close();
    process.stderr.write(`GITHUB_TOKEN is not set: deploying from the GitHub simulator at ${sim.url}\n`);
  }
  try {
    const common = { host: values.host, state: values.state, runId: String(Date.now()), env, full: values.full, force: values.force };
    const result =
      values.project === undefined
        ? await deployLocally(common)
        : await deployProject({ ...common, project: values.project, ...(values.engine ? { engine: values.engine } : {}), ...(values.workflow ? { workflow: values.workflow } : {}) });
    process.stderr.write(`\n${result.outcome} (${result.step}: ${result.detail})\n`);
    process.exitCode = result.outcome === 'failed' ? 1 : 0;
  } finally {
    await close();
  }
}
