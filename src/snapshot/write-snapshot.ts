/**
 * Writes a snapshot so that a reader never sees half of one, even if the process is killed.
 *
 * Every changed file is first written next to its target as `<name>.tmp`, then a journal listing
 * the renames and deletions is written (itself via a temporary file and a rename), then the
 * journal is applied and removed. A run that dies before the journal exists leaves the old
 * snapshot untouched (stray `.tmp` files are swept); one that dies after is finished by the next
 * sync, which calls `recoverSnapshot` before anything else, or by the next reader (read-snapshot.ts).
 * Output is deterministic: keys in schema order,
 * arrays sorted, two-space JSON with a final newline — so `git diff` shows what changed on GitHub.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import {
  ITEMS_PER_SHARD,
  SNAPSHOT_SCHEMA_VERSION,
  itemShardSchema,
  manifestSchema,
  projectSnapshotSchema,
  repositorySnapshotSchema,
  type Item,
  type Manifest,
  type ProjectSnapshot,
  type ProjectState,
  type RepositorySnapshot,
  type SourceState,
} from './schema.ts';
import { applyJournal, JOURNAL, readJournal, type Journal, type JournalStep } from './journal.ts';
import { projectFilePath, repositoryDir } from './read-snapshot.ts';

const TEMP_SUFFIX = '.tmp';

export interface SnapshotContent {
  syncedAt: string;
  apiUrl: string;
  sources: SourceState[];
  repositories: RepositorySnapshot[];
  items: Item[];
  /** The configured GitHub Project and where its sync stands. */
  projects?: { state: ProjectState; snapshot: ProjectSnapshot }[];
}

/** Every point of a write where a process can die: tests stop the writer at each of them. */
export type WriteStep = { kind: 'write-temp'; path: string } | { kind: 'write-journal' } | JournalStep;

export function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function shardName(number: number): string {
  return `${String(Math.floor(number / ITEMS_PER_SHARD)).padStart(4, '0')}.json`;
}

/** The files of a snapshot, by path relative to the snapshot directory. */
export function renderSnapshotFiles(content: SnapshotContent): Map<string, { text: string; items: number }> {
  const files = new Map<string, { text: string; items: number }>();
  const repositories = [...content.repositories].sort((a, b) => a.repository.localeCompare(b.repository));
  for (const repository of repositories) {
    const base = relative('.', repositoryDir('.', repository.repository)).split(sep).join('/');
    files.set(`${base}/repository.json`, { text: serialize(repositorySnapshotSchema.parse(repository)), items: 0 });
    const shards = new Map<string, Item[]>();
    for (const item of content.items) {
      if (item.repository !== repository.repository) continue;
      const name = shardName(item.number);
      const shard = shards.get(name) ?? [];
      shard.push(item);
      shards.set(name, shard);
    }
    for (const [name, items] of [...shards].sort(([a], [b]) => a.localeCompare(b))) {
      items.sort((a, b) => a.number - b.number);
      const shard = itemShardSchema.parse({ schemaVersion: SNAPSHOT_SCHEMA_VERSION, items });
      files.set(`${base}/items/${name}`, { text: serialize(shard), items: items.length });
    }
  }
  const projects = content.projects ?? [];
  for (const { snapshot } of projects) {
    const items = [...snapshot.items].sort((a, b) => a.repository.localeCompare(b.repository) || a.number - b.number);
    files.set(projectFilePath(snapshot.owner, snapshot.number), {
      text: serialize(projectSnapshotSchema.parse({ ...snapshot, items })),
      items: 0,
    });
  }
  const manifest: Manifest = manifestSchema.parse({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generator: 'open-roadmap',
    syncedAt: content.syncedAt,
    apiUrl: content.apiUrl,
    sources: [...content.sources].sort((a, b) => a.repository.localeCompare(b.repository)),
    ...(projects.length > 0 ? { projects: projects.map(({ state }) => state) } : {}),
    files: [...files]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, file]) => ({ path, sha256: sha256(file.text), items: file.items })),
  });
  files.set('manifest.json', { text: serialize(manifest), items: 0 });
  return files;
}

/** Finishes or rolls back a write that was interrupted. Safe to call at any time. */
export async function recoverSnapshot(dir: string): Promise<'clean' | 'completed' | 'rolled-back'> {
  const journal = await readJournal(dir);
  if (journal) {
    await applyJournal(dir, journal);
    return 'completed';
  }
  const strays = (await listFiles(dir)).filter((path) => path.endsWith(TEMP_SUFFIX));
  await Promise.all(strays.map((path) => rm(join(dir, path), { force: true })));
  return strays.length > 0 ? 'rolled-back' : 'clean';
}

export async function writeSnapshot(
  dir: string,
  content: SnapshotContent,
  options: { beforeStep?: (step: WriteStep) => Promise<void> | void } = {},
): Promise<{ written: number; deleted: number; unchanged: number }> {
  const { beforeStep } = options;
  await mkdir(dir, { recursive: true });
  await recoverSnapshot(dir);
  const files = renderSnapshotFiles(content);
  const existing = new Set((await listFiles(dir)).filter((path) => path.endsWith('.json') && path !== JOURNAL));

  const renames: Journal['renames'] = [];
  let unchanged = 0;
  for (const [path, file] of files) {
    const target = join(dir, path);
    if (existing.has(path) && (await readFile(target, 'utf8')) === file.text) {
      unchanged += 1;
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await beforeStep?.({ kind: 'write-temp', path });
    await writeFile(`${target}${TEMP_SUFFIX}`, file.text);
    renames.push([`${path}${TEMP_SUFFIX}`, path]);
  }
  // The manifest names every file of the snapshot; it goes last so a reader that finds it finds the rest.
  renames.sort(([, a], [, b]) => Number(a === 'manifest.json') - Number(b === 'manifest.json'));
  const deletions = [...existing].filter((path) => !files.has(path)).sort();
  if (renames.length === 0 && deletions.length === 0) return { written: 0, deleted: 0, unchanged };

  const journal: Journal = { renames, deletions };
  await beforeStep?.({ kind: 'write-journal' });
  await writeFile(join(dir, `${JOURNAL}${TEMP_SUFFIX}`), JSON.stringify(journal));
  await rename(join(dir, `${JOURNAL}${TEMP_SUFFIX}`), join(dir, JOURNAL));
  await applyJournal(dir, journal, beforeStep);
  return { written: renames.length, deleted: deletions.length, unchanged };
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
