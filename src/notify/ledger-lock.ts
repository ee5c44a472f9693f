/**
 * `notify.lock` in the ledger directory: two runs at once could both read "not sent yet" and
 * both send, so a run takes the lock before it reads the ledger and holds it until it ends.
 * The lock file is created with O_EXCL (`wx`), which the file system grants to one process
 * only, and says who holds it (pid, host, start time, release).
 *
 * A lock whose process is gone (same host, pid no longer running: a crash or a kill) is stale
 * and is taken over with a note. A lock from another host cannot be checked and is never taken
 * over: the message says how to remove it once you know no run is under way. The lock is never
 * committed to the ledger branch (`.gitignore`).
 *
 * Not `proper-lockfile`: its lock is an empty directory whose age decides staleness, refreshed
 * by a timer in the holder. So it could not say who holds the lock, a crashed run's lock would
 * block the next run until it aged out (here it is taken over at once), and a live run whose
 * timer fell behind would lose its lock to a second run mid-send: the double send this lock
 * exists to prevent. Whether the holder's process still runs is the question to ask.
 * @see https://github.com/moxystudio/node-proper-lockfile#lockfile-options
 */
import { hostname } from 'node:os';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { NotifyError } from './notify-error.ts';

export const LOCK_FILE = 'notify.lock';

const lockSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startedAt: z.string(),
  release: z.string(),
});
type LockOwner = z.infer<typeof lockSchema>;

export interface LedgerLock {
  readonly file: string;
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = lockSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function describe(owner: LockOwner): string {
  return `process ${owner.pid} on ${owner.host}, announcing ${owner.release}, since ${owner.startedAt}`;
}

/**
 * Takes the lock or throws a `NotifyError` naming who holds it. `onNote` hears about a stale
 * lock that was taken over.
 */
export function acquireLedgerLock(ledgerDir: string, release: string, onNote: (line: string) => void): LedgerLock {
  const file = join(ledgerDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), release };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner && owner.host === me.host && !isRunning(owner.pid) && attempt === 0) {
        onNote(`Took over a stale lock: ${describe(owner)}, which is no longer running. Mails it left half-sent are reported as unknown.`);
        try {
          unlinkSync(file);
        } catch (unlinkError) {
          if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
        }
        continue;
      }
      throw new NotifyError(
        owner
          ? `Another notifier run holds the ledger lock (${describe(owner)}), so this run sent nothing.`
          : `The ledger is locked by ${file}, which does not say who holds it, so this run sent nothing.`,
        `Wait for that run to finish. If you know no notifier is running (its machine stopped, say), delete ${file} and run again.`,
      );
    }
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`);
    } finally {
      closeSync(fd);
    }
    return {
      file,
      release: () => {
        // Only our own lock: a run that found ours stale may hold the file now.
        if (readOwner(file)?.pid === me.pid && readOwner(file)?.host === me.host) {
          try {
            unlinkSync(file);
          } catch {
            // Already gone; nothing to release.
          }
        }
      },
    };
  }
  throw new NotifyError(`Could not take the ledger lock ${file}.`, 'Another run keeps taking it; wait for it to finish and run again.');
}
