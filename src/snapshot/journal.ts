/**
 * The rename journal of a snapshot write (see write-snapshot.ts). Every file a journal renames was
 * written in full before the journal existed, so a pending journal can always be finished, by the
 * next sync or by any reader, and finishing it twice does no harm.
 */
import { readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const JOURNAL = '.journal.json';

export interface Journal {
  renames: Array<[from: string, to: string]>;
  deletions: string[];
}

/** The pending journal of `dir`, or null when no write was interrupted. */
export async function readJournal(dir: string): Promise<Journal | null> {
  try {
    return JSON.parse(await readFile(join(dir, JOURNAL), 'utf8')) as Journal;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Points between the steps of applying a journal, where a test can stop the process. */
export type JournalStep = { kind: 'rename'; index: number; path: string } | { kind: 'delete'; path: string } | { kind: 'remove-journal' };

export async function applyJournal(dir: string, journal: Journal, beforeStep?: (step: JournalStep) => Promise<void> | void): Promise<void> {
  for (const [index, [from, to]] of journal.renames.entries()) {
    await beforeStep?.({ kind: 'rename', index, path: to });
    try {
      await rename(join(dir, from), join(dir, to));
    } catch (error) {
      // Already renamed by an earlier, interrupted pass over this journal (or by a reader).
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  for (const path of journal.deletions) {
    await beforeStep?.({ kind: 'delete', path });
    await rm(join(dir, path), { force: true });
  }
  await removeEmptyDirectories(join(dir, 'repos'));
  await beforeStep?.({ kind: 'remove-journal' });
  await rm(join(dir, JOURNAL), { force: true });
}

async function removeEmptyDirectories(dir: string): Promise<boolean> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  let empty = true;
  for (const entry of entries) {
    if (entry.isDirectory() && (await removeEmptyDirectories(join(dir, entry.name)))) continue;
    empty = false;
  }
  if (empty) await rm(dir, { recursive: true, force: true });
  return empty;
}
