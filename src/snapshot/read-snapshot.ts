/**
 * Reads a snapshot directory written by `npm run sync` and validates every file against the schema.
 * Used by the site's content loader, the notifier and the reports; never talks to GitHub.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  itemShardSchema,
  manifestSchema,
  repositorySnapshotSchema,
  type Item,
  type Manifest,
  type RepositorySnapshot,
} from './schema.ts';

export interface Snapshot {
  manifest: Manifest;
  repositories: RepositorySnapshot[];
  /** Every item of every repository, in snapshot order (repository, then number). */
  items: Item[];
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
  const manifest = await readManifest(dir);
  if (!manifest) {
    throw new SnapshotError(
      `No snapshot found in ${dir}: manifest.json is missing. Run \`npm run sync\` with GITHUB_TOKEN set to create one, or restore the demo snapshot with \`git checkout -- content/snapshot\`.`,
    );
  }
  const repositories: RepositorySnapshot[] = [];
  const items: Item[] = [];
  for (const source of manifest.sources) {
    const repoDir = repositoryDir(dir, source.repository);
    const repoFile = join(repoDir, 'repository.json');
    repositories.push(parseJsonFile(repoFile, await readRequired(repoFile), repositorySnapshotSchema));
    const itemsDir = join(repoDir, 'items');
    let shards: string[] = [];
    try {
      shards = (await readdir(itemsDir)).filter((name) => name.endsWith('.json')).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const shard of shards) {
      const file = join(itemsDir, shard);
      items.push(...parseJsonFile(file, await readRequired(file), itemShardSchema).items);
    }
  }
  return { manifest, repositories, items };
}

/** `content/snapshot/repos/<owner>/<name>` for "owner/name". */
export function repositoryDir(snapshotDir: string, repository: string): string {
  const [owner, name] = repository.split('/');
  return join(snapshotDir, 'repos', owner ?? '', name ?? '');
}

async function readRequired(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
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
