/**
 * The ledger directory (`ROADMAP_LEDGER_DIR`, default `.ledger/`), opened for one run:
 *
 *   ledger.json                          salt for the recipients' hashes (`ledger-meta.ts`)
 *   releases/<owner>/<name>/<tag>.jsonl  what was sent for each release (`release-journal.ts`)
 *   suppressions.jsonl                   recipients never to mail again (`suppression-list.ts`)
 *   notify.lock                          held while a run works (`ledger-lock.ts`), never committed
 *
 * A run that sends takes the lock first, brings a pushed ledger up to date (`ledger-git.ts`), and
 * turns what an interrupted run left `sending` or `claimed` into `unknown`. A dry run only reads,
 * and works without a ledger at all.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireLedgerLock, LOCK_FILE, type LedgerLock } from './ledger-lock.ts';
import { openLedgerRemote, type LedgerRemote } from './ledger-git.ts';
import { ledgerRandomId, openLedgerMeta, type RecipientHasher } from './ledger-meta.ts';
import { ReleaseJournal, releaseJournalPath } from './release-journal.ts';
import { SuppressionList } from './suppression-list.ts';

export interface Ledger {
  readonly dir: string;
  readonly recipientOf: RecipientHasher;
  readonly journal: ReleaseJournal;
  readonly suppressions: SuppressionList;
  /** The ledger branch to push after each batch, or null when the ledger stays local. */
  readonly remote: LedgerRemote | null;
  /** Recipients an interrupted earlier run left without a known outcome, now `unknown`. */
  readonly settledUnknown: number;
  /** The ledger holds no other release than this one (a first ledger, or a lost one's replacement). */
  readonly knowsNoOtherRelease: boolean;
  close(): void;
}

export interface OpenLedgerOptions {
  dir: string;
  key: string | null;
  release: { repository: string; tagName: string };
  /** `owner/name@tag`, written into the lock. */
  releaseId: string;
  /** Dry run: read what exists, write nothing, take no lock. */
  readOnly: boolean;
  push: boolean;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

const IGNORED = [LOCK_FILE, '*.tmp'];

async function ignoreLocalFiles(dir: string): Promise<void> {
  const file = join(dir, '.gitignore');
  const text = existsSync(file) ? await readFile(file, 'utf8') : '';
  const lines = new Set(text.split('\n').map((line) => line.trim()));
  const missing = IGNORED.filter((pattern) => !lines.has(pattern));
  if (missing.length === 0) return;
  await appendFile(file, `${text === '' || text.endsWith('\n') ? '' : '\n'}${missing.join('\n')}\n`);
}

export async function openLedger(options: OpenLedgerOptions): Promise<Ledger> {
  const { dir, readOnly } = options;
  const run = ledgerRandomId();
  let lock: LedgerLock | null = null;
  let journal: ReleaseJournal | null = null;
  try {
    let remote: LedgerRemote | null = null;
    if (!readOnly) {
      await mkdir(dir, { recursive: true });
      lock = acquireLedgerLock(dir, options.releaseId, options.log);
      if (options.push) {
        remote = await openLedgerRemote(dir, options.env);
        await remote.catchUp();
      }
      await ignoreLocalFiles(dir);
    }
    const journalFile = releaseJournalPath(dir, options.release);
    const otherJournals = (await readdir(join(dir, 'releases'), { recursive: true, withFileTypes: true }).catch(() => [])).filter(
      (entry) => entry.isFile() && entry.name.endsWith('.jsonl') && join(entry.parentPath, entry.name) !== journalFile,
    );
    const recipientOf = await openLedgerMeta(dir, options.key, { readOnly });
    journal = await ReleaseJournal.open(journalFile, run, { readOnly });
    const suppressions = await SuppressionList.open(dir, { readOnly });

    let settledUnknown = 0;
    for (const entry of journal.mailEntries()) {
      if (entry.state !== 'sending' && entry.state !== 'claimed') continue;
      settledUnknown += 1;
      if (!readOnly) {
        journal.recordMail(entry.recipient, entry.mail, 'unknown', {
          detail: entry.state === 'sending' ? 'an earlier run stopped while handing this mail to the server' : 'an earlier run claimed this mail and stopped before recording what became of it',
        });
      }
    }

    const opened = journal;
    const held = lock;
    return {
      dir,
      recipientOf,
      journal: opened,
      suppressions,
      remote,
      settledUnknown,
      knowsNoOtherRelease: otherJournals.length === 0,
      close: () => {
        opened.close();
        held?.release();
      },
    };
  } catch (error) {
    journal?.close();
    lock?.release();
    throw error;
  }
}
