/**
 * What the GitHub-hosted actions a roadmap workflow uses do, done on this machine: the checkout
 * copies the project folder, the cache is `<state>/cache/`, the Pages upload and deployment publish
 * into a host directory. Any other action has no stand-in and fails the step, saying so.
 */
import { readFile, cp, mkdir, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { exists, restoreCache, saveCache } from './local-cache.ts';
import { publishToHost } from './local-host.ts';

export interface StandInScope {
  /** The job's workspace (GITHUB_WORKSPACE). */
  workspace: string;
  /** Caches and artifacts of every run. */
  state: string;
  /** This run's own folder (its artifact). */
  runDir: string;
  /** The folder actions/checkout copies. */
  project: string;
  host: string;
  /** A node_modules to link instead of installing, when the lockfile beside it is the same. */
  dependencies?: string | undefined;
  log: (line: string) => void;
}

type StandIn = (inputs: Record<string, string>, scope: StandInScope) => Promise<Record<string, string>>;

const lines = (value: string | undefined) =>
  (value ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The repository's files, as a checkout has them: no .git, nothing built or cached. */
async function checkout(_inputs: Record<string, string>, scope: StandInScope) {
  const skipped = new Set(['.git', 'node_modules', 'dist', '.cache']);
  const project = resolve(scope.project);
  await cp(project, scope.workspace, { recursive: true, filter: (source) => dirname(source) !== project || !skipped.has(basename(source)) });
  scope.log(`    checked out ${scope.project}`);
  return {};
}

/** Whether two lockfiles are the same, so one install serves both. */
async function sameLockfile(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([readFile(a, 'utf8').catch(() => null), readFile(b, 'utf8').catch(() => null)]);
  return left !== null && left === right;
}

async function cacheRestore(inputs: Record<string, string>, scope: StandInScope) {
  const paths = lines(inputs['path']);
  const key = inputs['key'] ?? '';
  const exact = await restoreCache(scope.state, key, paths, scope.workspace);
  if (exact === key) {
    scope.log(`    restored ${exact}`);
    return { 'cache-hit': 'true', 'cache-matched-key': exact };
  }
  for (const prefix of lines(inputs['restore-keys'])) {
    const restored = await restoreCache(scope.state, prefix, paths, scope.workspace);
    if (restored !== null) {
      scope.log(`    restored ${restored}`);
      return { 'cache-hit': 'false', 'cache-matched-key': restored };
    }
  }
  // A first run on this machine reuses the dependencies already installed here, when they match.
  const modules = paths.map((path) => resolve(scope.workspace, path)).find((path) => basename(path) === 'node_modules');
  if (modules && scope.dependencies && (await sameLockfile(join(dirname(modules), 'package-lock.json'), join(dirname(scope.dependencies), 'package-lock.json')))) {
    await rm(modules, { recursive: true, force: true });
    await symlink(scope.dependencies, modules, 'dir');
    scope.log(`    no cache entry yet: linked ${scope.dependencies} (same package-lock.json)`);
    return { 'cache-hit': 'true', 'cache-matched-key': key };
  }
  scope.log('    no cache entry yet');
  return { 'cache-hit': 'false' };
}

async function cacheSave(inputs: Record<string, string>, scope: StandInScope) {
  await saveCache(scope.state, inputs['key'] ?? '', lines(inputs['path']), scope.workspace);
  scope.log(`    saved ${inputs['key']}`);
  return {};
}

async function uploadPagesArtifact(inputs: Record<string, string>, scope: StandInScope) {
  const site = resolve(scope.workspace, inputs['path'] ?? '_site/');
  if (!(await exists(join(site, 'index.html')))) throw new Error(`${site} has no index.html: there is no site to upload.`);
  const artifact = join(scope.runDir, 'artifact', inputs['name'] ?? 'github-pages');
  await rm(artifact, { recursive: true, force: true });
  await mkdir(dirname(artifact), { recursive: true });
  await cp(site, artifact, { recursive: true });
  return { artifact_id: 'local' };
}

async function deployPages(inputs: Record<string, string>, scope: StandInScope) {
  const artifact = join(scope.runDir, 'artifact', inputs['artifact_name'] ?? 'github-pages');
  if (!(await exists(artifact))) throw new Error('No artifact named github-pages was uploaded in this run, so there is nothing to deploy.');
  const host = await publishToHost(artifact, scope.host);
  scope.log(`    published to ${host}`);
  return { page_url: `file://${host}/` };
}

async function noted(inputs: Record<string, string>, scope: StandInScope) {
  const given = Object.entries(inputs).map(([name, value]) => `${name}=${value}`);
  scope.log(`    nothing to do on this machine${given.length > 0 ? ` (${given.join(', ')})` : ''}`);
  return {};
}

const STAND_INS: Record<string, StandIn> = {
  'actions/checkout': checkout,
  'actions/configure-pages': noted,
  'actions/setup-node': noted,
  'actions/cache/restore': cacheRestore,
  'actions/cache/save': cacheSave,
  'actions/upload-pages-artifact': uploadPagesArtifact,
  'actions/deploy-pages': deployPages,
};

/** The stand-in for `name` (`owner/repo` or `owner/repo/path`, without `@ref`), if there is one. */
export function standInFor(name: string): StandIn | undefined {
  return STAND_INS[name];
}
