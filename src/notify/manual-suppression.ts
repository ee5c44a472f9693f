/**
 * `npm run notify -- --suppress <address>`: adds addresses to the suppression list by hand (someone
 * asked to be left alone, an address known dead), hashed like every other entry, so the ledger
 * still holds no address. It takes the ledger lock and, on a pushed ledger, catches up with the
 * branch and pushes, like a run that sends; nothing else is done.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openLedgerRemote } from './ledger-git.ts';
import { acquireLedgerLock } from './ledger-lock.ts';
import { openLedgerMeta } from './ledger-meta.ts';
import { maskAddress } from './mask-address.ts';
import type { NotifyEnvironment } from './notify-environment.ts';
import { NotifyError } from './notify-error.ts';
import { checkAddress } from './subscribers.ts';
import { SuppressionList } from './suppression-list.ts';

export interface SuppressIo {
  log: (line: string) => void;
  report: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export async function suppressAddresses(addresses: readonly string[], env: NotifyEnvironment, io: SuppressIo): Promise<number> {
  const checked = addresses.map((address, index) => ({ index, result: checkAddress(address) }));
  const bad = checked.filter(({ result }) => 'problem' in result);
  if (bad.length > 0) {
    const first = bad[0]?.result;
    throw new NotifyError(
      `--suppress number ${bad.map(({ index }) => index + 1).join(', ')}: ${first !== undefined && 'problem' in first ? first.problem : 'not an address.'} Nothing was suppressed.`,
      'Give one address per --suppress, e.g. --suppress someone@example.com.',
    );
  }
  const valid = checked.flatMap(({ result }) => ('address' in result ? [result.address] : []));
  const dir = resolve(io.cwd, env.ledgerDir);
  await mkdir(dir, { recursive: true });
  const lock = acquireLedgerLock(dir, 'manual suppression', io.log);
  try {
    const remote = env.ledgerPush ? await openLedgerRemote(dir, io.env) : null;
    await remote?.catchUp();
    const recipientOf = await openLedgerMeta(dir, env.ledgerKey, { readOnly: false });
    const suppressions = await SuppressionList.open(dir, { readOnly: false });
    for (const address of valid) {
      const id = recipientOf(address);
      const already = suppressions.has(id);
      suppressions.add(id, 'manual');
      io.report(`${already ? 'Already suppressed' : 'Suppressed'}: ${maskAddress(address)} (ledger id ${id}). No release mails it again.`);
    }
    if (remote !== null) await remote.commitAndPush(`Suppress ${valid.length} address${valid.length === 1 ? '' : 'es'} by hand`);
    return 0;
  } finally {
    lock.release();
  }
}
