/**
 * `ledger.json`: what every run of a ledger must agree on. The ledger lives on a branch of the
 * repository, which anyone can read when the repository is public, so it never holds an address:
 * each recipient is known by a salted hash (HMAC-SHA256 of the lower-cased address, keyed by the
 * ledger's random salt and, when set, the `ROADMAP_LEDGER_KEY` secret). The salt defeats
 * precomputed tables; the key also stops someone who can read the branch from testing whether an
 * address they know is on the list. The key cannot change once used: a run with another key would
 * not recognise anyone, so it is refused.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { NotifyError } from './notify-error.ts';

export const LEDGER_META_FILE = 'ledger.json';

const metaSchema = z.object({
  format: z.literal(1),
  salt: z.string().regex(/^[\w-]{16,}$/),
  /** A fingerprint of ROADMAP_LEDGER_KEY (never the key), or null when the ledger uses none. */
  keyCheck: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
});
type LedgerMeta = z.infer<typeof metaSchema>;

export type RecipientId = string;

export interface RecipientHasher {
  /** The recipient's id in the ledger: 32 hex digits, the same for every run of this ledger. */
  (address: string): RecipientId;
}

function keyCheckOf(key: string, salt: string): string {
  return createHmac('sha256', key).update(`open-roadmap ledger key check:${salt}`).digest('hex').slice(0, 16);
}

function hasherFor(meta: LedgerMeta, key: string | null): RecipientHasher {
  const secret = key === null ? meta.salt : `${meta.salt}\u0000${key}`;
  return (address) => createHmac('sha256', secret).update(address.trim().toLowerCase()).digest('hex').slice(0, 32);
}

function checkKey(meta: LedgerMeta, key: string | null, file: string): void {
  if (meta.keyCheck === null && key !== null) {
    throw new NotifyError(
      `ROADMAP_LEDGER_KEY is set, but the ledger in ${file} was started without a key.`,
      'Unset ROADMAP_LEDGER_KEY, or start a new ledger (everyone already told would be told again).',
    );
  }
  if (meta.keyCheck !== null && (key === null || keyCheckOf(key, meta.salt) !== meta.keyCheck)) {
    throw new NotifyError(
      key === null
        ? `The ledger in ${file} was started with ROADMAP_LEDGER_KEY, which is not set now.`
        : `ROADMAP_LEDGER_KEY is not the key the ledger in ${file} was started with.`,
      'Set ROADMAP_LEDGER_KEY to the key the ledger was started with; without it, nobody already told would be recognised.',
    );
  }
}

/**
 * The ledger's recipient hasher, creating `ledger.json` on first use. With `readOnly` (dry runs)
 * nothing is written: a missing ledger gets a salt that lives only as long as the run.
 */
export async function openLedgerMeta(dir: string, key: string | null, options: { readOnly: boolean }): Promise<RecipientHasher> {
  const file = join(dir, LEDGER_META_FILE);
  let text: string | null = null;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    const meta = metaSchema.safeParse(parsed);
    if (!meta.success) {
      throw new NotifyError(
        `${file} is not a ledger file this version of Open Roadmap understands.`,
        'Restore it from the ledger branch history (git log -- ledger.json); do not edit it by hand.',
      );
    }
    checkKey(meta.data, key, file);
    return hasherFor(meta.data, key);
  }
  const salt = randomBytes(18).toString('base64url');
  const meta: LedgerMeta = { format: 1, salt, keyCheck: key === null ? null : keyCheckOf(key, salt) };
  if (!options.readOnly) {
    await mkdir(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(meta, null, 2)}\n`, { flag: 'wx' });
    await rename(temporary, file);
  }
  return hasherFor(meta, key);
}

export function ledgerRandomId(): string {
  return randomBytes(6).toString('hex');
}
