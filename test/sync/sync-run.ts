/** Runs the real sync CLI (in-process, or as a child process) against a simulator, for tests. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { main } from '../../scripts/sync.ts';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';
import type { SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';

export const TOKEN = 'test-token-0123456789abcdef';

export interface SyncSandbox {
  dir: string;
  snapshotDir: string;
  configFile: string;
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

export async function createSandbox(sim: Simulator, config: unknown): Promise<SyncSandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'sync-'));
  const configFile = join(dir, 'roadmap.config.ts');
  await writeFile(configFile, `export default ${JSON.stringify(config, null, 2)};\n`);
  const snapshotDir = join(dir, 'snapshot');
  return {
    dir,
    snapshotDir,
    configFile,
    env: {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: sim.url,
      GITHUB_GRAPHQL_URL: sim.graphqlUrl,
      ROADMAP_SYNC_CHECKPOINT: join(dir, 'checkpoint.json'),
      ROADMAP_SYNC_DELAY_SCALE: '0.01',
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Runs `npm run sync` in this process, capturing what it prints. */
export async function runSync(sandbox: SyncSandbox, args: string[] = []): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(['--config', sandbox.configFile, '--snapshot', sandbox.snapshotDir, ...args], sandbox.env);
    return { code, output: lines.join('') };
  } finally {
    process.stderr.write = original;
  }
}

/** Runs the sync CLI as a child process (for kills and for checking everything it prints). */
export function spawnSync(sandbox: SyncSandbox, args: string[] = []) {
  const child = spawn(
    process.execPath,
    ['scripts/sync.ts', '--config', sandbox.configFile, '--snapshot', sandbox.snapshotDir, ...args],
    { env: { ...process.env, ...sandbox.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
  return { child, done };
}

/**
 * One simulator for a test file, serving a fresh `world()` with no faults, an empty log and full
 * rate limits to each test, and a sandbox whose configuration is `config`.
 */
export function simulatedSync(world: () => SimWorld, config: unknown): { readonly sim: Simulator; readonly sandbox: SyncSandbox } {
  let sim: Simulator | undefined;
  let sandbox: SyncSandbox | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ world: world(), token: TOKEN });
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(async () => {
    const server = sim as Simulator;
    server.world = world();
    server.faults.clear();
    server.resetLog();
    server.rateLimits.graphql.remaining = server.rateLimits.graphql.limit;
    server.rateLimits.core.remaining = server.rateLimits.core.limit;
    sandbox = await createSandbox(server, config);
  });
  afterEach(async () => {
    await sandbox?.cleanup();
  });
  return {
    get sim() {
      if (!sim) throw new Error('The simulator starts in beforeAll: use it inside a test or hook.');
      return sim;
    },
    get sandbox() {
      if (!sandbox) throw new Error('The sandbox is made in beforeEach: use it inside a test or hook.');
      return sandbox;
    },
  };
}
