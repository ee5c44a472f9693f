/**
 * The dry-run preview (`--dry-run`, into `--out`, default `.cache/notify-preview/`): every comment
 * as the Markdown that would be posted, every mail as the exact `.eml` that would be handed to the
 * SMTP server plus its HTML and text parts for reading, and `index.md` with the run's summary.
 * Only the `.eml` files hold addresses (in `To:`); file names carry the ledger id, never the
 * address. The folder is git-ignored (`.cache/`); delete it when done.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComposedMail } from './compose-mail.ts';
import type { MailContent } from './mail-content.ts';
import type { PlannedMail } from './plan-mails.ts';
import type { ShippedItem } from './release-shipments.ts';

export const DEFAULT_PREVIEW_DIR = '.cache/notify-preview';

export interface PreviewWriter {
  readonly dir: string;
  writeComment(item: ShippedItem, body: string): Promise<void>;
  writeMail(mail: PlannedMail, composed: ComposedMail, content: MailContent): Promise<void>;
  writeIndex(text: string): Promise<void>;
}

export async function createPreview(dir: string): Promise<PreviewWriter> {
  // Only what a previous preview wrote is removed, whatever else the folder holds.
  for (const entry of ['comments', 'mails', 'index.md']) await rm(join(dir, entry), { recursive: true, force: true });
  await mkdir(join(dir, 'comments'), { recursive: true });
  await mkdir(join(dir, 'mails'), { recursive: true });
  let mails = 0;
  return {
    dir,
    async writeComment(item, body) {
      const [owner = '', name = ''] = item.repository.toLowerCase().split('/');
      await writeFile(join(dir, 'comments', `${owner}-${name}-${item.type}-${item.number}.md`), body);
    },
    async writeMail(mail, composed, content) {
      mails += 1;
      const base = join(dir, 'mails', `${String(mails).padStart(3, '0')}-${mail.kind}-${mail.recipient.slice(0, 12)}`);
      await writeFile(`${base}.eml`, composed.raw);
      await writeFile(`${base}.html`, content.html);
      await writeFile(`${base}.txt`, content.text);
    },
    async writeIndex(text) {
      await writeFile(join(dir, 'index.md'), text);
    },
  };
}
