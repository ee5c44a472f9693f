/**
 * Runs the whole notifier path for tests: the GitHub simulator serves `notifyWorld()`, the real
 * sync writes a snapshot from it, and the real CLI (`scripts/notify.ts`, as a child process) reads
 * that snapshot, comments through the simulator and mails a real SMTP server on 127.0.0.1.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';
import { createSandbox, runSync, TOKEN, type SyncSandbox } from '../sync/sync-run.ts';
import { CONFIG, notifyWorld } from './notify-world.ts';
import type { SmtpSink } from './smtp-sink.ts';

export const NOTIFY_CLI = fileURLToPath(new URL('../../scripts/notify.ts', import.meta.url));
export const MAIL_FROM = 'Widgets roadmap <roadmap@widgets.test>';
export const UNSUBSCRIBE_URL = 'https://acme.github.io/widgets/unsubscribe';

export interface NotifyFixture {
  sim: Simulator;
  sync: SyncSandbox;
  close(): Promise<void>;
}

/** Starts the simulator and syncs the world once; tests reset `sim.world` between runs. */
export async function startFixture(config: unknown = CONFIG): Promise<NotifyFixture> {
  const sim = await startSimulator({ world: notifyWorld(), token: TOKEN });
  const sync = await createSandbox(sim, config);
  const { code, output } = await runSync(sync);
  if (code !== 0) throw new Error(`The sync failed:\n${output}`);
  return {
    sim,
    sync,
    close: async () => {
      await sim.close();
      await sync.cleanup();
    },
  };
}

export interface NotifySandbox {
  dir: string;
  ledgerDir: string;
  previewDir: string;
  subscribersFile: string;
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** A fresh ledger, preview folder and subscriber list, with the environment a run needs. */
export async function createNotifySandbox(
  fixture: NotifyFixture,
  sink: SmtpSink | null,
  subscribers: string,
  options: { smtpQuery?: string; subscribersName?: string } = {},
): Promise<NotifySandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'notify-'));
  const subscribersFile = join(dir, options.subscribersName ?? 'subscribers.csv');
  await writeFile(subscribersFile, subscribers);
  const ledgerDir = join(dir, 'ledger');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: fixture.sim.url,
    GITHUB_GRAPHQL_URL: fixture.sim.graphqlUrl,
    MAIL_FROM,
    ROADMAP_SUBSCRIBERS_FILE: subscribersFile,
    ROADMAP_UNSUBSCRIBE_URL: UNSUBSCRIBE_URL,
    ROADMAP_LEDGER_DIR: ledgerDir,
    ROADMAP_NOTIFY_DELAY_SCALE: '0.001',
    ...(sink === null ? {} : { SMTP_URL: `${sink.url}?${options.smtpQuery ?? 'maxConnections=1&rateLimit=1000'}` }),
  };
  return { dir, ledgerDir, previewDir: join(dir, 'preview'), subscribersFile, env, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function spawnNotify(
  fixture: NotifyFixture,
  sandbox: NotifySandbox,
  args: string[] = [],
  env: Record<string, string> = {},
): { child: ChildProcessByStdio<null, Readable, Readable>; done: Promise<CliRun> } {
  const child = spawn(
    process.execPath,
    [NOTIFY_CLI, '--config', fixture.sync.configFile, '--snapshot', fixture.sync.snapshotDir, ...args],
    { cwd: sandbox.dir, env: { ...sandbox.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runNotify(fixture: NotifyFixture, sandbox: NotifySandbox, args: string[] = [], env: Record<string, string> = {}): Promise<CliRun> {
  return spawnNotify(fixture, sandbox, args, env).done;
}

/** Comments the notifier left in the simulated world, as `number: body`. */
export function botComments(fixture: NotifyFixture): { item: string; body: string }[] {
  const repo = fixture.sim.world.repositories[0];
  if (!repo) return [];
  return [
    ...repo.issues.flatMap((issue) => issue.comments.filter((comment) => comment.author === 'roadmap-bot[bot]').map((comment) => ({ item: `#${issue.number}`, body: comment.body }))),
    ...repo.discussions.flatMap((discussion) =>
      discussion.comments.filter((comment) => comment.author === 'roadmap-bot[bot]').map((comment) => ({ item: `D${discussion.number}`, body: comment.body })),
    ),
  ];
}

export function resetWorld(fixture: NotifyFixture): void {
  fixture.sim.world = notifyWorld();
  fixture.sim.faults.clear();
  fixture.sim.resetLog();
}
