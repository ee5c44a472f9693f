/**
 * One release's page of the ledger: `releases/<owner>/<name>/<tag>.jsonl`, one JSON line per
 * change of state, appended and flushed to disk (fsync) before the notifier goes on, so that
 * what it did survives a crash the moment after. Append-only lines also merge and diff cleanly
 * on the ledger branch. The state of a recipient or an item is its last line.
 *
 * Mails are written ahead: `sending` before the message is handed to the SMTP server, `sent`
 * once the server accepted it. A run that finds a recipient still `sending` (or `claimed`, see
 * `send-mails.ts`) cannot know whether the mail went out: it becomes `unknown`.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { NotifyError } from './notify-error.ts';
import type { RecipientId } from './ledger-meta.ts';

export const MAIL_STATES = ['claimed', 'released', 'sending', 'sent', 'failed', 'bounced', 'unknown'] as const;
export type MailState = (typeof MAIL_STATES)[number];
export type MailKind = 'personal' | 'digest';
/**
 * `claimed`: a run that pushes the ledger took the item before commenting (`post-comments.ts`);
 * `released`: it gave the claim back without commenting.
 */
export const COMMENT_STATES = ['claimed', 'released', 'sending', 'sent'] as const;
export type CommentState = (typeof COMMENT_STATES)[number];

const isoDateTime = z.iso.datetime({ offset: true });

const mailEntrySchema = z.object({
  at: isoDateTime,
  run: z.string(),
  kind: z.literal('mail'),
  recipient: z.string().regex(/^[0-9a-f]{32}$/),
  mail: z.enum(['personal', 'digest']),
  state: z.enum(MAIL_STATES),
  /** Which attempt of this run, for `sending` and `failed`. */
  attempt: z.number().int().positive().optional(),
  /** The server's reply or what went wrong, with any address removed. */
  detail: z.string().optional(),
});

const commentEntrySchema = z.object({
  at: isoDateTime,
  run: z.string(),
  kind: z.literal('comment'),
  /** `owner/name#12`, lower-cased repository. */
  item: z.string().regex(/^[\w.-]+\/[\w.-]+#\d+$/),
  state: z.enum(COMMENT_STATES),
  url: z.string().url().optional(),
  /**
   * The marker was found on GitHub while this release's journal was empty: an earlier run
   * announced the release with a ledger that is not this one (lost, or elsewhere).
   */
  foundWithoutRecord: z.literal(true).optional(),
});

const entrySchema = z.discriminatedUnion('kind', [mailEntrySchema, commentEntrySchema]);
export type JournalEntry = z.infer<typeof entrySchema>;
export type MailEntry = z.infer<typeof mailEntrySchema>;
export type CommentEntry = z.infer<typeof commentEntrySchema>;

/** `releases/acme/widgets/v1.2.0.jsonl`; the tag is percent-encoded, since tags may contain `/`. */
export function releaseJournalPath(ledgerDir: string, release: { repository: string; tagName: string }): string {
  const [owner = '', name = ''] = release.repository.toLowerCase().split('/');
  return join(ledgerDir, 'releases', owner, name, `${encodeURIComponent(release.tagName)}.jsonl`);
}

export class ReleaseJournal {
  readonly file: string;
  readonly #run: string;
  readonly #mails = new Map<RecipientId, MailEntry>();
  readonly #comments = new Map<string, CommentEntry>();
  /** Entries read when the journal was opened: 0 for a release this ledger knows nothing of. */
  readonly entriesAtOpen: number;
  #fd: number | null = null;
  #needsNewline: boolean;
  readonly #readOnly: boolean;

  private constructor(file: string, run: string, readOnly: boolean, entries: readonly JournalEntry[], needsNewline: boolean) {
    this.file = file;
    this.#run = run;
    this.#readOnly = readOnly;
    this.#needsNewline = needsNewline;
    this.entriesAtOpen = entries.length;
    for (const entry of entries) this.#remember(entry);
  }

  /** Reads the journal (a missing file is an empty journal). `readOnly` journals refuse to append. */
  static async open(file: string, run: string, options: { readOnly: boolean }): Promise<ReleaseJournal> {
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const lines = text.split('\n');
    const entries: JournalEntry[] = [];
    let needsNewline = false;
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const isLast = index === lines.length - 1;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        json = undefined;
      }
      const entry = entrySchema.safeParse(json);
      if (entry.success) {
        entries.push(entry.data);
        if (isLast) needsNewline = true;
        return;
      }
      // A crash in the middle of an append leaves a torn last line: it recorded nothing.
      if (isLast && json === undefined) {
        needsNewline = true;
        return;
      }
      throw new NotifyError(
        `${file}, line ${index + 1}, is not a ledger entry.`,
        'The ledger must not be edited by hand: restore the file from the ledger branch history (git log -p -- <file>).',
      );
    });
    return new ReleaseJournal(file, run, options.readOnly, entries, needsNewline);
  }

  #remember(entry: JournalEntry): void {
    if (entry.kind === 'mail') this.#mails.set(entry.recipient, entry);
    else this.#comments.set(entry.item, entry);
  }

  #append(entry: JournalEntry): void {
    if (this.#readOnly) throw new Error('A read-only ledger journal cannot be written (dry run).');
    if (this.#fd === null) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.#fd = openSync(this.file, 'a');
    }
    const line = `${this.#needsNewline ? '\n' : ''}${JSON.stringify(entry)}\n`;
    this.#needsNewline = false;
    writeSync(this.#fd, line);
    // On disk before we act on it: this line is the only record if the process dies next.
    fsyncSync(this.#fd);
    this.#remember(entry);
  }

  /** The last recorded state of a recipient's mail for this release, or null. */
  mail(recipient: RecipientId): MailEntry | null {
    return this.#mails.get(recipient) ?? null;
  }

  /** Every recipient with a recorded state. */
  mailEntries(): MailEntry[] {
    return [...this.#mails.values()];
  }

  /** This run's id, as written in its entries. */
  get run(): string {
    return this.#run;
  }

  comment(item: string): CommentState | null {
    return this.#comments.get(item)?.state ?? null;
  }

  /** The last recorded entry of an item's comment, or null. */
  commentEntry(item: string): CommentEntry | null {
    return this.#comments.get(item) ?? null;
  }

  recordMail(recipient: RecipientId, mail: MailKind, state: MailState, extra: { attempt?: number; detail?: string } = {}): void {
    this.#append({
      at: new Date().toISOString(),
      run: this.#run,
      kind: 'mail',
      recipient,
      mail,
      state,
      ...(extra.attempt === undefined ? {} : { attempt: extra.attempt }),
      ...(extra.detail === undefined ? {} : { detail: extra.detail }),
    });
  }

  recordComment(item: string, state: CommentState, url?: string, extra: { foundWithoutRecord?: true } = {}): void {
    this.#append({ at: new Date().toISOString(), run: this.#run, kind: 'comment', item, state, ...(url === undefined ? {} : { url }), ...extra });
  }

  /** Comments whose marker was found on GitHub while the journal was empty (see `foundWithoutRecord`). */
  commentsFoundWithoutRecord(): number {
    return [...this.#comments.values()].filter((entry) => entry.foundWithoutRecord === true).length;
  }

  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }
}
