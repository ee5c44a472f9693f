/**
 * Where a sync stopped by the rate limit keeps what it already fetched, so the next run resumes
 * instead of starting over. It lives outside the snapshot (`.cache/`), is only used when the
 * snapshot and configuration are still the ones it started from, and is removed after a
 * successful sync.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SourceCheckpoint } from './sync-source.ts';

export const DEFAULT_CHECKPOINT_FILE = '.cache/sync/checkpoint.json';

export interface SyncCheckpoint {
  version: 1;
  /** `syncedAt` of the snapshot the run started from (null: no snapshot yet). */
  baseSyncedAt: string | null;
  configDigest: string;
  startedAt: string;
  sources: SourceCheckpoint[];
}

export async function loadCheckpoint(file: string, expect: { baseSyncedAt: string | null; configDigest: string }): Promise<SyncCheckpoint | null> {
  let checkpoint: SyncCheckpoint;
  try {
    checkpoint = JSON.parse(await readFile(file, 'utf8')) as SyncCheckpoint;
  } catch {
    return null;
  }
  const usable =
    checkpoint.version === 1 &&
    checkpoint.baseSyncedAt === expect.baseSyncedAt &&
    checkpoint.configDigest === expect.configDigest &&
    Array.isArray(checkpoint.sources);
  if (!usable) await rm(file, { force: true });
  return usable ? checkpoint : null;
}

export async function saveCheckpoint(file: string, checkpoint: SyncCheckpoint): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, JSON.stringify(checkpoint));
  await rename(`${file}.tmp`, file);
}

export async function clearCheckpoint(file: string): Promise<void> {
  await rm(file, { force: true });
}
