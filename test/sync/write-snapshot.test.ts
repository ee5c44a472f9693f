import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';
import { recoverSnapshot, renderSnapshotFiles, writeSnapshot, type SnapshotContent } from '../../src/snapshot/write-snapshot.ts';
import { discussionItem, issueItem, repositorySnapshot } from './snapshot-items.ts';

const repository = repositorySnapshot();

function content(items = [issueItem(1), issueItem(742), discussionItem(3)]): SnapshotContent {
  return {
    syncedAt: '2026-02-01T00:00:00Z',
    apiUrl: 'https://api.github.com',
    sources: [
      { repository: 'acme/widgets', issuesCursor: null, discussionsCursor: null, lastFullSyncAt: null, itemCount: items.length, configDigest: 'x' },
    ],
    repositories: [repository],
    items,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snapshot-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1)).sort();
}

describe('writeSnapshot', () => {
  it('shards items by number and round-trips through readSnapshot', async () => {
    await writeSnapshot(dir, content());
    expect(await files()).toEqual([
      'manifest.json',
      'repos/acme/widgets/items/0000.json',
      'repos/acme/widgets/items/0001.json',
      'repos/acme/widgets/repository.json',
    ]);
    const snapshot = await readSnapshot(dir);
    expect(snapshot.items.map((item) => `${item.type}#${item.number}`)).toEqual(['issue#1', 'discussion#3', 'issue#742']);
    expect(snapshot.manifest.files.map((file) => file.items)).toEqual([2, 1, 0]);
  });

  it('is deterministic whatever order the items come in', () => {
    const forward = renderSnapshotFiles(content([issueItem(1), issueItem(2), discussionItem(3)]));
    const backward = renderSnapshotFiles(content([discussionItem(3), issueItem(2), issueItem(1)]));
    expect([...backward]).toEqual([...forward]);
  });

  it('rewrites only the files whose content changed, and deletes emptied shards', async () => {
    await writeSnapshot(dir, content());
    const second = await writeSnapshot(dir, content([issueItem(1, { title: 'Renamed' }), discussionItem(3)]));
    // shard 0000 changed, shard 0001 emptied, the manifest changed; repository.json is untouched
    expect(second).toEqual({ written: 2, deleted: 1, unchanged: 1 });
    expect(await files()).not.toContain('repos/acme/widgets/items/0001.json');
  });

  it('a write interrupted before its journal leaves the old snapshot as it was', async () => {
    await writeSnapshot(dir, content());
    const before = await readFile(join(dir, 'repos/acme/widgets/items/0000.json'), 'utf8');
    // What a killed writer leaves behind: a temporary file, no journal.
    await writeFile(join(dir, 'repos/acme/widgets/items/0000.json.tmp'), '{"half": ');
    expect(await recoverSnapshot(dir)).toBe('rolled-back');
    expect(await readFile(join(dir, 'repos/acme/widgets/items/0000.json'), 'utf8')).toBe(before);
    expect(await files()).not.toContain('repos/acme/widgets/items/0000.json.tmp');
  });

  it('a write interrupted after its journal is completed by the next sync', async () => {
    await writeSnapshot(dir, content());
    const next = renderSnapshotFiles(content([issueItem(1, { title: 'Renamed' }), issueItem(742), discussionItem(3)]));
    // Simulate a writer killed right after writing its journal: temp files + journal, nothing renamed.
    const renames: Array<[string, string]> = [];
    for (const path of ['repos/acme/widgets/items/0000.json', 'manifest.json']) {
      await writeFile(join(dir, `${path}.tmp`), next.get(path)?.text ?? '');
      renames.push([`${path}.tmp`, path]);
    }
    await writeFile(join(dir, '.journal.json'), JSON.stringify({ renames, deletions: [] }));
    expect(await recoverSnapshot(dir)).toBe('completed');
    const snapshot = await readSnapshot(dir);
    expect(snapshot.items.find((item) => item.number === 1)?.title).toBe('Renamed');
    expect(await files()).not.toContain('.journal.json');
  });

  it('refuses items that do not match the schema', async () => {
    const bad = issueItem(1, { url: 'not a url' });
    await expect(writeSnapshot(dir, content([bad]))).rejects.toThrow();
    expect(await files()).toEqual([]);
  });
});
