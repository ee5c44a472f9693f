/**
 * `suppressions.jsonl` in the ledger directory: recipients never to mail again, one JSON line
 * each, by ledger id (never by address). The notifier adds a line when a server refuses an
 * address for good (a 5xx reply such as 550 "no such user"): sending there again would only
 * hurt the sender's reputation. To mail a suppressed address again, delete its line; the run
 * that suppressed it printed its id.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { RecipientId } from './ledger-meta.ts';
import { NotifyError } from './notify-error.ts';

export const SUPPRESSIONS_FILE = 'suppressions.jsonl';

const suppressionSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  recipient: z.string().regex(/^[0-9a-f]{32}$/),
  reason: z.enum(['bounced', 'manual']),
  /** The server's reply, with any address removed. */
  detail: z.string().optional(),
});

export class SuppressionList {
  readonly file: string;
  readonly #ids: Set<RecipientId>;
  readonly #readOnly: boolean;
  #needsNewline: boolean;

  private constructor(file: string, ids: Set<RecipientId>, readOnly: boolean, needsNewline: boolean) {
    this.file = file;
    this.#ids = ids;
    this.#readOnly = readOnly;
    this.#needsNewline = needsNewline;
  }

  static async open(ledgerDir: string, options: { readOnly: boolean }): Promise<SuppressionList> {
    const file = join(ledgerDir, SUPPRESSIONS_FILE);
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const ids = new Set<RecipientId>();
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        // A torn last line (a crash while appending) suppressed nobody.
        if (index === lines.length - 1) return;
      }
      const entry = suppressionSchema.safeParse(json);
      if (!entry.success) {
        throw new NotifyError(
          `${file}, line ${index + 1}, is not a suppression entry.`,
          'Each line must be {"at": "<time>", "recipient": "<32 hex digits>", "reason": "bounced" | "manual"}: fix or delete the line.',
        );
      }
      ids.add(entry.data.recipient);
    });
    return new SuppressionList(file, ids, options.readOnly, text !== '' && !text.endsWith('\n'));
  }

  has(recipient: RecipientId): boolean {
    return this.#ids.has(recipient);
  }

  add(recipient: RecipientId, reason: 'bounced' | 'manual', detail?: string): void {
    if (this.#ids.has(recipient)) return;
    if (this.#readOnly) throw new Error('A read-only suppression list cannot be written (dry run).');
    mkdirSync(dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a');
    try {
      const entry = { at: new Date().toISOString(), recipient, reason, ...(detail === undefined ? {} : { detail }) };
      writeSync(fd, `${this.#needsNewline ? '\n' : ''}${JSON.stringify(entry)}\n`);
      this.#needsNewline = false;
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.#ids.add(recipient);
  }
}
