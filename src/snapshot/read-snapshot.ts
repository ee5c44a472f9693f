/**
 * Reads a snapshot directory written by `npm run sync` and validates every file against the schema.
 * Used by the site's content loader, the notifier and the reports; never talks to GitHub.
 *
 * A sync killed while replacing the files leaves new files beside the old manifest. A reader
 * first finishes such a write (its journal names files that were complete before it existed),
 * then checks every file against the digest the manifest lists for it, so it never returns a mix
 * of two syncs; where it cannot finish the write (a read-only folder), the digests refuse it.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { applyJournal, JOURNAL, readJournal } from './journal.ts';
import {
  itemShardSchema,
  manifestSchema,
  projectSnapshotSchema,
  repositorySnapshotSchema,
  SNAPSHOT_SCHEMA_VERSION,
  type Item,
  type Manifest,
  type ProjectSnapshot,
  type RepositorySnapshot,
} from './schema.ts';

export interface Snapshot {
  manifest: Manifest;
  repositories: RepositorySnapshot[];
  /** Every item of every repository, in snapshot order (repository, then number). */
  items: Item[];
  /** The configured GitHub Project, when the sync read one. */
  projects?: ProjectSnapshot[];
}

export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** Default location of the snapshot, relative to the project root. */
export const DEFAULT_SNAPSHOT_DIR = 'content/snapshot';

export async function readManifest(dir: string): Promise<Manifest | null> {
  const file = join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseJsonFile(file, text, manifestSchema);
}

export async function readSnapshot(dir: string = DEFAULT_SNAPSHOT_DIR): Promise<Snapshot> {
  await finishPendingWrite(dir);
  const manifest = await readManifest(dir);
  if (!manifest) {
    throw new SnapshotError(
      `No snapshot found in ${dir}: manifest.json is missing. Run \`npm run sync\` with GITHUB_TOKEN set to create one, or restore the demo snapshot with \`git checkout -- content/snapshot\`.`,
    );
  }
  const digests = new Map(manifest.files.map((file) => [file.path, file.sha256]));
  const repositories: RepositorySnapshot[] = [];
  const items: Item[] = [];
  for (const source of manifest.sources) {
    const [owner, name] = source.repository.split('/');
    const base = `repos/${owner ?? ''}/${name ?? ''}`;
    repositories.push(await readVerified(dir, `${base}/repository.json`, digests, repositorySnapshotSchema));
    const listed = manifest.files.map((file) => file.path).filter((path) => path.startsWith(`${base}/items/`));
    let onDisk: string[] = [];
    try {
      onDisk = (await readdir(join(dir, base, 'items'))).filter((file) => file.endsWith('.json')).map((file) => `${base}/items/${file}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const unlisted = onDisk.find((path) => !digests.has(path));
    if (unlisted) throw mixedSnapshot(dir, `${unlisted} is not listed in its manifest.json`);
    for (const shard of listed.sort()) items.push(...(await readVerified(dir, shard, digests, itemShardSchema)).items);
  }
  const projects: ProjectSnapshot[] = [];
  for (const project of manifest.projects ?? []) {
    projects.push(await readVerified(dir, projectFilePath(project.owner, project.number), digests, projectSnapshotSchema));
  }
  return { manifest, repositories, items, projects };
}

/** `projects/<owner>/<number>.json`, relative to the snapshot directory. */
export function projectFilePath(owner: string, number: number): string {
  return `projects/${owner.toLowerCase()}/${number}.json`;
}

/** Finishes a write a killed sync left half-done, or refuses when this process cannot. */
async function finishPendingWrite(dir: string): Promise<void> {
  const journal = await readJournal(dir);
  if (!journal) return;
  try {
    await applyJournal(dir, journal);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EROFS' && code !== 'EACCES' && code !== 'EPERM') throw error;
    throw new SnapshotError(
      `The snapshot in ${dir} is half-written: a sync was stopped while replacing its files (${JOURNAL} is still there), and this process cannot finish the write (${code}: the folder is not writable). ` +
        'Run `npm run sync` where the folder is writable (it finishes the write before anything else), or restore the last committed snapshot with `git checkout -- content/snapshot`.',
    );
  }
}

function mixedSnapshot(dir: string, problem: string): SnapshotError {
  return new SnapshotError(
    `The snapshot in ${dir} mixes files of two syncs: ${problem}. A sync was probably stopped while writing it, and the folder was copied or restored without its journal. ` +
      'Run `npm run sync -- --full` to rewrite every file, or restore the last committed snapshot with `git checkout -- content/snapshot`.',
  );
}

/** Reads a data file, checks it against the manifest's digest (hashing what is read anyway), parses it. */
async function readVerified<T extends z.ZodType>(dir: string, path: string, digests: Map<string, string>, schema: T): Promise<z.output<T>> {
  const file = join(dir, path);
  const bytes = await readRequired(file);
  const expected = digests.get(path);
  if (expected === undefined) throw mixedSnapshot(dir, `${path} is not listed in its manifest.json`);
  if (createHash('sha256').update(bytes).digest('hex') !== expected) {
    throw mixedSnapshot(dir, `${path} is not the file its manifest.json lists (its sha256 differs)`);
  }
  return parseJsonFile(file, bytes.toString('utf8'), schema);
}

/** `content/snapshot/repos/<owner>/<name>` for "owner/name". */
export function repositoryDir(snapshotDir: string, repository: string): string {
  const [owner, name] = repository.split('/');
  return join(snapshotDir, 'repos', owner ?? '', name ?? '');
}

async function readRequired(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SnapshotError(
        `The snapshot is incomplete: ${file} is missing. Run \`npm run sync -- --full\` to rebuild it.`,
      );
    }
    throw error;
  }
}

function parseJsonFile<T extends z.ZodType>(file: string, text: string, schema: T): z.output<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(
      `${file} is not valid JSON (${(error as Error).message}). Run \`npm run sync -- --full\` to rewrite the snapshot.`,
    );
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== SNAPSHOT_SCHEMA_VERSION) {
    throw new SnapshotError(
      `${file} is in snapshot format ${version}, and this version of Open Roadmap reads format ${SNAPSHOT_SCHEMA_VERSION}. Run \`npm run sync\` to rewrite the snapshot (a sync does a full pass when the format changed).`,
    );
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('\n');
    throw new SnapshotError(
      `${file} does not match the snapshot schema:\n${problems}\nIt was probably written by another version of Open Roadmap: run \`npm run sync -- --full\` to rewrite it.`,
    );
  }
  return result.data;
}
