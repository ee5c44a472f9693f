/**
 * A sync killed at every moment of its snapshot write: afterwards every reader (the build's, the
 * notifier's, the sync's own) sees either the last good snapshot or the complete new one, byte
 * for byte, or refuses with a message that says what to run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { main as notifyMain } from '../../scripts/notify.ts';
import { loadRoadmap } from '../../src/content/load-roadmap.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import type { RepositorySnapshot } from '../../src/snapshot/schema.ts';
import { recoverSnapshot, writeSnapshot, type SnapshotContent, type WriteStep } from '../../src/snapshot/write-snapshot.ts';
import { discussionItem, issueItem, repositorySnapshot } from './snapshot-items.ts';

const release = {
  repository: 'acme/widgets',
  tagName: 'v1.0.0',
  name: 'Widgets 1.0',
  body: 'Closes #1.',
  url: 'https://github.com/acme/widgets/releases/tag/v1.0.0',
  isPrerelease: false,
  createdAt: '2026-01-03T00:00:00Z',
  publishedAt: '2026-01-03T00:00:00Z',
  author: null,
  tagCommit: 'a'.repeat(40),
};

function content(syncedAt: string, items: SnapshotContent['items'], releases: unknown[]): SnapshotContent {
  return {
    syncedAt,
    apiUrl: 'https://api.github.com',
    sources: [{ repository: 'acme/widgets', issuesCursor: null, discussionsCursor: null, lastFullSyncAt: null, itemCount: items.length, configDigest: 'x' }],
    repositories: [repositorySnapshot(releases as RepositorySnapshot['releases'])],
    items,
  };
}

// The last good snapshot, and the next one: a shard changed, one emptied (deleted), one new,
// repository.json changed (a release) and the manifest, so the write has every kind of step.
const good = content('2026-02-01T00:00:00Z', [issueItem(1), issueItem(742), discussionItem(3)], []);
const next = content('2026-02-02T00:00:00Z', [issueItem(1, { title: 'Renamed' }), discussionItem(3), issueItem(1203)], [release]);

let root: string;
let goodDir: string;
let nextDir: string;
let goodFiles: Map<string, string>;
let nextFiles: Map<string, string>;
let steps: WriteStep[];

async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

function withoutTemporaryFiles(files: Map<string, string>): Map<string, string> {
  return new Map([...files].filter(([path]) => !path.endsWith('.tmp')));
}

/** A copy of the last good snapshot, with a writer of the next one killed before step `stopAt`. */
async function killedWrite(stopAt: number): Promise<string> {
  const dir = await mkdtemp(join(root, 'killed-'));
  await cp(goodDir, dir, { recursive: true });
  const child = spawn(process.execPath, ['test/sync/kill-writer.ts', dir, join(root, 'next.json'), String(stopAt)], { stdio: 'inherit' });
  const signal = await new Promise((resolve) => child.on('close', (_code, killedBy) => resolve(killedBy)));
  expect(signal).toBe('SIGKILL');
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'snapshot-kill-'));
  goodDir = join(root, 'good');
  nextDir = join(root, 'next');
  await writeSnapshot(goodDir, good);
  await cp(goodDir, nextDir, { recursive: true });
  steps = [];
  await writeSnapshot(nextDir, next, { beforeStep: (step) => void steps.push(step) });
  goodFiles = await filesOf(goodDir);
  nextFiles = await filesOf(nextDir);
  await writeFile(join(root, 'next.json'), JSON.stringify(next));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a sync killed while writing the snapshot', () => {
  it('the write has temporary files, a journal, renames, a deletion and the journal removal to stop at', () => {
    expect(steps.map((step) => step.kind)).toEqual([
      ...Array(4).fill('write-temp'),
      'write-journal',
      ...Array(4).fill('rename'),
      'delete',
      'remove-journal',
    ]);
  });

  it('leaves, at every step, a folder every reader sees as the old snapshot or the new one, whole', async () => {
    const dirs = await Promise.all(steps.map((_, index) => killedWrite(index)));
    for (const [index, step] of steps.entries()) {
      const dir = dirs[index] as string;
      const journalWritten = index > steps.findIndex((candidate) => candidate.kind === 'write-journal');
      const expected = journalWritten ? nextFiles : goodFiles;
      const snapshot = await readSnapshot(dir);
      const label = `killed before step ${index} (${step.kind})`;
      expect(snapshot.manifest.syncedAt, label).toBe(journalWritten ? next.syncedAt : good.syncedAt);
      expect(snapshot.items.map((item) => `${item.number} ${item.title}`), label).toEqual(
        [...(journalWritten ? next : good).items].sort((a, b) => a.number - b.number).map((item) => `${item.number} ${item.title}`),
      );
      // The reader finished a pending write; it leaves temporary files of an unfinished one alone
      // (a writer may still be writing them), and the next sync sweeps those.
      expect(withoutTemporaryFiles(await filesOf(dir)), label).toEqual(expected);
      await recoverSnapshot(dir);
      expect(await filesOf(dir), label).toEqual(expected);
    }
  }, 60_000);

  it('the reader refuses a mix of old and new files that lost its journal, and says what to run', async () => {
    const firstRename = steps.findIndex((step) => step.kind === 'rename');
    const dir = await killedWrite(firstRename + 2);
    // Copied without its dotfile journal: the shard is new, the manifest still the old one.
    await rm(join(dir, '.journal.json'));
    const mixed = await filesOf(dir);
    await expect(readSnapshot(dir)).rejects.toThrow(/mixes files of two syncs: repos\/acme\/widgets\/[^ ]+ is not the file its manifest\.json lists.*npm run sync -- --full/s);
    // Refusing changes nothing.
    expect(await filesOf(dir)).toEqual(mixed);
  });
});

describe('a reader that cannot write where the snapshot is', () => {
  it('refuses a half-written snapshot it cannot finish, and says where to run the sync', async () => {
    const dir = await killedWrite(steps.findIndex((step) => step.kind === 'rename') + 1);
    const torn = await filesOf(dir);
    const folders = [dir, ...(await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name))];
    await Promise.all(folders.map((folder) => chmod(folder, 0o555)));
    onTestFinished(() => Promise.all(folders.map((folder) => chmod(folder, 0o755))).then(() => undefined));
    // Read-only folders do not stop root: then the reader runs as an unprivileged user, who may
    // read (mkdtemp made the parent private) but not write.
    await chmod(root, 0o755);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const script = `import { readSnapshot } from ${JSON.stringify(new URL('../../src/snapshot/read-snapshot.ts', import.meta.url).href)};
      try { await readSnapshot(${JSON.stringify(dir)}); console.log('read'); } catch (error) { console.log(error.message); }`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', ...asUser });
    expect(run.stdout).toMatch(/is half-written: a sync was stopped while replacing its files \(\.journal\.json is still there\), and this process cannot finish the write \(EACCES/);
    expect(run.stdout).toMatch(/Run `npm run sync` where the folder is writable/);
    expect(await filesOf(dir)).toEqual(torn);
  });
});

describe('npm run build on a snapshot whose write was killed', () => {
  async function buildReader(dir: string) {
    const before = process.env.ROADMAP_SNAPSHOT_DIR;
    process.env.ROADMAP_SNAPSHOT_DIR = dir;
    try {
      return await loadRoadmap();
    } finally {
      if (before === undefined) delete process.env.ROADMAP_SNAPSHOT_DIR;
      else process.env.ROADMAP_SNAPSHOT_DIR = before;
    }
  }

  it('finishes the write and builds from the new snapshot', async () => {
    const dir = await killedWrite(steps.findIndex((step) => step.kind === 'rename') + 1);
    const { snapshot } = await buildReader(dir);
    expect(snapshot.manifest.syncedAt).toBe(next.syncedAt);
    expect(await filesOf(dir)).toEqual(nextFiles);
  });

  it('refuses a mix that lost its journal', async () => {
    const dir = await killedWrite(steps.findIndex((step) => step.kind === 'rename') + 1);
    await rm(join(dir, '.journal.json'));
    await expect(buildReader(dir)).rejects.toThrow(/mixes files of two syncs.*npm run sync -- --full/s);
  });
});

describe('npm run notify on a snapshot whose write was killed', () => {
  let config: string;
  beforeAll(async () => {
    config = join(root, 'roadmap.config.ts');
    await writeFile(config, `export default ${JSON.stringify({ site: { title: 'Widgets', url: 'https://acme.github.io' }, sources: [{ repo: 'acme/widgets' }] })};\n`);
  });

  async function notify(dir: string): Promise<{ code: number; output: string }> {
    let output = '';
    const original = [process.stdout.write, process.stderr.write];
    const capture = ((chunk: string | Uint8Array) => {
      output += String(chunk);
      return true;
    }) as typeof process.stdout.write;
    process.stdout.write = capture;
    process.stderr.write = capture;
    try {
      const code = await notifyMain(['--dry-run', '--snapshot', dir, '--config', config, '--out', join(dir, '..', 'preview')], { PATH: process.env.PATH ?? '' }, root);
      return { code, output };
    } finally {
      [process.stdout.write, process.stderr.write] = original as [typeof process.stdout.write, typeof process.stderr.write];
    }
  }

  it('finishes the write and announces the release the new snapshot holds', async () => {
    const dir = await killedWrite(steps.findIndex((step) => step.kind === 'rename') + 1);
    const run = await notify(dir);
    expect(run.output).toMatch(/Previewing acme\/widgets v1\.0\.0/);
    expect(await filesOf(dir)).toEqual(nextFiles);
  });

  it('refuses a mix that lost its journal, naming the command that repairs it', async () => {
    const dir = await killedWrite(steps.findIndex((step) => step.kind === 'rename') + 1);
    await rm(join(dir, '.journal.json'));
    const run = await notify(dir);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/mixes files of two syncs/);
    expect(run.output).toMatch(/npm run sync -- --full/);
    expect(run.output).not.toMatch(/Previewing/);
  });
});
