/**
 * `npm run deploy:local`: runs the steps of .github/workflows/deploy.yml, in the same order,
 * without GitHub Actions — against the GitHub simulator (or any API in GITHUB_API_URL) and with a
 * local directory as the "host". Used by a test to exercise the whole pipeline end to end, and
 * handy to rehearse a deploy.
 *
 * The Actions cache becomes `<state>/cache/<key>/`: like actions/cache, a key is written once,
 * and a restore takes the newest entry whose key starts with the prefix.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkSiteSize } from '../check-site-size.ts';
import type { SimWorld } from './github-simulator/store-types.ts';
import { startSimulator } from './github-simulator/server.ts';
import { generateWorld } from './demo/generate.ts';
import { main as sync } from '../sync.ts';

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

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** actions/cache/restore: the newest entry whose key starts with `prefix`, into `paths`. */
async function restoreCache(state: string, prefix: string, paths: string[], workdir: string): Promise<string | null> {
  const cacheDir = join(state, 'cache');
  const entries = (await readdir(cacheDir).catch(() => [] as string[])).filter((key) => key.startsWith(prefix));
  if (entries.length === 0) return null;
  const newest = (
    await Promise.all(entries.map(async (key) => ({ key, time: (await stat(join(cacheDir, key))).mtimeMs })))
  ).sort((a, b) => b.time - a.time || b.key.localeCompare(a.key))[0]!.key;
  for (const path of paths) {
    const from = join(cacheDir, newest, path);
    if (await exists(from)) await cp(from, join(workdir, path), { recursive: true });
  }
  return newest;
}

/** actions/cache/save: writes `key` once; an existing key is left as it is, as on GitHub. */
async function saveCache(state: string, key: string, paths: string[], workdir: string): Promise<void> {
  const target = join(state, 'cache', key);
  if (await exists(target)) return;
  for (const path of paths) {
    const from = join(workdir, path);
    if (await exists(from)) await cp(from, join(target, path), { recursive: true });
  }
  await mkdir(target, { recursive: true });
}

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
  const host = resolve(options.host);
  const incoming = `${host}.incoming`;
  const outgoing = `${host}.outgoing`;
  await rm(incoming, { recursive: true, force: true });
  await cp(dist, incoming, { recursive: true });
  await rm(outgoing, { recursive: true, force: true });
  if (await exists(host)) await rename(host, outgoing);
  await rename(incoming, host);
  await rm(outgoing, { recursive: true, force: true });
  return { outcome: 'deployed', step: 'Deploy', detail: host };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '.cache/local-deploy/site' },
      state: { type: 'string', default: '.cache/local-deploy/state' },
      world: { type: 'string' },
      full: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
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
    const result = await deployLocally({
      host: values.host,
      state: values.state,
      runId: String(Date.now()),
      env,
      full: values.full,
      force: values.force,
    });
    process.stderr.write(`\n${result.outcome} (${result.step}: ${result.detail})\n`);
    process.exitCode = result.outcome === 'failed' ? 1 : 0;
  } finally {
    await close();
  }
}
