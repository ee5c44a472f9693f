/**
 * Sends the planned mails exactly once, whatever fails on the way.
 *
 * Write-ahead: each mail is recorded `sending` (and flushed to disk) before it is handed to the
 * SMTP server, and `sent` once the server accepted it. A run that dies in between leaves
 * `sending`, which the next run reports as `unknown` instead of sending again.
 *
 * When the ledger is a branch that is pushed (GitHub Actions), the machine that sends may vanish
 * with its local records, so mails go in batches: a batch is first recorded `claimed` and pushed,
 * then sent, then its results are pushed. A batch lost with its runner is `unknown` for the next
 * run, never sent twice. A rejected push means another run moved the ledger: stop.
 *
 * Temporary refusals (4xx) and connections lost before the hand-over are retried a few times with
 * growing waits; a recipient that does not exist (5.1.x, bare 550) is suppressed; a connection
 * lost after the hand-over is `unknown`. A server that keeps failing, refuses us or the message
 * itself (5.7.x policy, spam, too big), or bounces most mails of the run stops the run: what was
 * not sent is sent by the next one.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ComposedMail } from './compose-mail.ts';
import { pushOrStop, type LedgerRemote } from './ledger-git.ts';
import { maskAddress, withoutAddresses } from './mask-address.ts';
import type { PlannedMail } from './plan-mails.ts';
import type { ReleaseJournal } from './release-journal.ts';
import type { RunStop } from './run-stop.ts';
import type { DeliveryOutcome, SmtpDelivery } from './smtp-delivery.ts';
import type { SuppressionList } from './suppression-list.ts';

export type MailResultStatus = 'sent' | 'bounced' | 'unknown' | 'failed' | 'not-sent';

export interface MailResult {
  mail: PlannedMail;
  status: MailResultStatus;
  /** The server's last word, or why it was not sent; addresses removed. */
  detail: string;
}

export interface SendMailsOptions {
  mails: readonly PlannedMail[];
  compose: (mail: PlannedMail) => Promise<ComposedMail>;
  delivery: SmtpDelivery;
  journal: ReleaseJournal;
  suppressions: SuppressionList;
  /** The ledger branch to push, or null when the ledger stays local. */
  remote: LedgerRemote | null;
  /** Messages in flight at once (the pool's connections). */
  concurrency: number;
  /** Mails per pushed batch. */
  batchSize: number;
  /** Multiplies the waits between attempts (1 in production; tests shrink it). */
  delayScale: number;
  stop: RunStop;
  log: (line: string) => void;
  /** `acme/widgets v1.2.0`, for commit messages. */
  releaseLabel: string;
}

/** Attempts per mail in one run, and the waits between them (seconds). */
export const MAX_ATTEMPTS = 4;
const RETRY_WAITS = [2, 8, 30];
/** Mails in a row that could not reach the server before the run gives up. */
const MAX_CONSECUTIVE_CONNECTION_FAILURES = 3;
/**
 * A run stops once this many of its mails bounced and they are more than half of the mails the
 * server answered: a list where most addresses are dead is rarer than a server (or a relay) that
 * wrongly calls everyone unknown, and each bounce suppresses an address for good.
 */
export const BOUNCE_STOP_MINIMUM = 5;

async function eachWithConcurrency<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

export async function sendMails(options: SendMailsOptions): Promise<MailResult[]> {
  const { journal, stop, log, remote } = options;
  const results: MailResult[] = [];
  let connectionFailuresInARow = 0;
  let answered = 0;
  let bounced = 0;

  const push = async (message: string): Promise<boolean> => remote === null || (await pushOrStop(remote, stop, message));

  const finish = (mail: PlannedMail, status: MailResultStatus, detail: string): void => {
    results.push({ mail, status, detail: withoutAddresses(detail) });
  };

  const sendOne = async (mail: PlannedMail): Promise<void> => {
    const who = maskAddress(mail.subscriber.email);
    if (stop.stopped) {
      if (remote !== null) journal.recordMail(mail.recipient, mail.kind, 'released');
      finish(mail, 'not-sent', 'the run stopped before this mail');
      return;
    }
    let composed: ComposedMail;
    try {
      composed = await options.compose(mail);
    } catch (error) {
      if (remote !== null) journal.recordMail(mail.recipient, mail.kind, 'released');
      finish(mail, 'failed', `could not compose the mail: ${(error as Error).message}`);
      return;
    }
    let last: DeliveryOutcome | null = null;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      journal.recordMail(mail.recipient, mail.kind, 'sending', { attempt });
      last = await options.delivery.deliver(composed);
      const detail = withoutAddresses(last.status === 'sent' ? last.response : last.detail);
      switch (last.status) {
        case 'sent':
          journal.recordMail(mail.recipient, mail.kind, 'sent', { detail });
          connectionFailuresInARow = 0;
          answered += 1;
          log(`Mailed ${who} (${mail.kind === 'personal' ? 'personal' : 'digest'}).`);
          finish(mail, 'sent', detail);
          return;
        case 'bounced':
          journal.recordMail(mail.recipient, mail.kind, 'bounced', { detail });
          options.suppressions.add(mail.recipient, 'bounced', detail);
          connectionFailuresInARow = 0;
          log(`The server refused ${who} for good (${detail}); the address is suppressed (ledger id ${mail.recipient}).`);
          finish(mail, 'bounced', detail);
          answered += 1;
          bounced += 1;
          if (bounced >= BOUNCE_STOP_MINIMUM && bounced * 2 > answered) {
            stop.stop(
              `The mail server refused ${bounced} of the ${answered} mails it answered in this run as unknown recipients, so the run stopped before suppressing more addresses.`,
              'A list where most addresses are dead is rare; a server or relay that calls everyone unknown is not. Check the replies above (or the server\'s log). ' +
                `If the server was wrong, remove the lines it caused from ${options.suppressions.file} (their ledger ids are in the summary), then run again.`,
            );
          }
          return;
        case 'rejected':
          journal.recordMail(mail.recipient, mail.kind, 'failed', { attempt, detail });
          connectionFailuresInARow = 0;
          answered += 1;
          log(`The server refused the mail to ${who} (${detail}); not suppressed, the next run tries again.`);
          finish(mail, 'failed', detail);
          return;
        case 'unknown':
          journal.recordMail(mail.recipient, mail.kind, 'unknown', { detail });
          log(`Lost the connection to the mail server after handing over the mail to ${who}; it may or may not have been accepted (${detail}).`);
          finish(mail, 'unknown', detail);
          return;
        case 'fatal':
          journal.recordMail(mail.recipient, mail.kind, 'failed', { attempt, detail });
          stop.stop(`The mail server refused to send: "${detail}".`, last.hint);
          finish(mail, 'failed', detail);
          return;
        case 'retry': {
          journal.recordMail(mail.recipient, mail.kind, 'failed', { attempt, detail });
          if (attempt === MAX_ATTEMPTS || stop.stopped) break;
          const wait = (RETRY_WAITS[attempt - 1] ?? 30) * options.delayScale;
          log(`The mail server did not take the mail to ${who} (${detail}); trying again in ${wait < 1 ? wait.toFixed(2) : Math.round(wait)}s.`);
          await sleep(wait * 1000);
          break;
        }
      }
    }
    const detail = last && last.status === 'retry' ? withoutAddresses(last.detail) : 'not sent';
    if (last?.status === 'retry' && last.connectionFailed) {
      connectionFailuresInARow += 1;
      if (connectionFailuresInARow >= MAX_CONSECUTIVE_CONNECTION_FAILURES) {
        stop.stop(
          `The mail server could not be reached for ${connectionFailuresInARow} mails in a row (${detail}).`,
          'Check SMTP_URL and that the server is up; the next run sends what this one could not.',
        );
      }
    }
    log(`Gave up on the mail to ${who} for this run (${detail}); the next run tries again.`);
    finish(mail, 'failed', detail);
  };

  for (let start = 0; start < options.mails.length; start += options.batchSize) {
    const batch = options.mails.slice(start, start + options.batchSize);
    if (stop.stopped) {
      for (const mail of batch) finish(mail, 'not-sent', 'the run stopped before this mail');
      continue;
    }
    if (remote !== null) {
      for (const mail of batch) journal.recordMail(mail.recipient, mail.kind, 'claimed');
      if (!(await push(`Claim ${batch.length} mails for ${options.releaseLabel}`))) {
        for (const mail of batch) {
          journal.recordMail(mail.recipient, mail.kind, 'released');
          finish(mail, 'not-sent', 'the ledger could not be pushed');
        }
        continue;
      }
    }
    await eachWithConcurrency(batch, options.concurrency, sendOne);
    if (remote !== null) await push(`Record ${batch.length} mails for ${options.releaseLabel}`);
  }
  return results;
}
