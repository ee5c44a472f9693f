/**
 * Hands one composed mail to the SMTP server and says what became of it, in the terms the ledger
 * needs to keep every mail exactly-once:
 *
 * - `sent`: the server accepted it (250 after the final dot).
 * - `retry`: refused for now (4xx: 421, 451…) or the connection failed before the message was
 *   handed over; the server does not have it, so trying again cannot make a duplicate.
 * - `bounced`: the recipient does not exist, for good: a 5.1.x enhanced status code (5.1.1 no such
 *   user, 5.1.2 no such domain…), or a bare 550 without an enhanced code (the classic "no such
 *   user"). Only this suppresses the address.
 * - `rejected`: refused for good for another reason that concerns this recipient's mailbox (5.2.x
 *   mailbox full or disabled, 553 without an enhanced code…): not sent, not suppressed; the next
 *   run tries again.
 * - `unknown`: the connection was lost after the whole message was handed over and before the
 *   server answered. The server may have it; sending again could make a duplicate, so nobody
 *   does that without being asked.
 * - `fatal`: the server refuses us or the message itself, not the recipient (bad login, sender
 *   refused, a policy or content refusal such as 554 5.7.1 "looks like spam", 552 message too
 *   big): every other mail would be refused the same way, so stop sending and suppress nobody.
 *
 * "Handed over" is observed on the message stream itself: nodemailer starts reading it only once
 * the server answered DATA with 354, and the stream ends when the last byte went to the
 * connection, right before the terminating dot. A connection lost before that lost the message.
 * @see https://www.rfc-editor.org/rfc/rfc5321#section-4.2.5
 * @see https://www.rfc-editor.org/rfc/rfc3463 (enhanced status codes: 5.1.x addressing, 5.2.x
 *   mailbox, 5.3.4 message too big, 5.6.x content, 5.7.x security or policy)
 */
import { PassThrough, type Readable } from 'node:stream';
import nodemailer from 'nodemailer';
import type { NodemailerError } from 'nodemailer';
import type { ComposedMail } from './compose-mail.ts';
import type { MailSettings } from './smtp-settings.ts';

export type DeliveryOutcome =
  | { status: 'sent'; response: string }
  | { status: 'retry'; detail: string; connectionFailed: boolean }
  | { status: 'bounced'; detail: string }
  | { status: 'rejected'; detail: string }
  | { status: 'unknown'; detail: string }
  | { status: 'fatal'; detail: string; hint: string };

export interface SmtpDelivery {
  /** Connects and logs in once, so a wrong setting stops the run before any mail is marked. */
  verify(): Promise<DeliveryOutcome | null>;
  deliver(mail: ComposedMail): Promise<DeliveryOutcome>;
  close(): void;
}

interface StreamPluginMail {
  data: { raw?: unknown };
  message: { processFunc(process: (input: Readable) => Readable): void };
}

const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROTOCOL', 'EPROXY', 'EMAXLIMIT']);

function describe(error: NodemailerError): string {
  return (error.response ?? error.message).replace(/\s+/g, ' ').trim();
}

/** The enhanced status code of a reply (`554 5.7.1 …` → `5.7.1`), or null when it has none. */
export function enhancedStatusOf(detail: string): string | null {
  return /^\d{3}[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(detail)?.[1] ?? null;
}

/** Reply codes that, without an enhanced code, refuse the message rather than the recipient. */
const MESSAGE_REFUSALS = new Set([552, 554]);

/** A permanent (5xx) refusal: the recipient, their mailbox, or the message and its sender. */
function permanentRefusal(code: number, detail: string): DeliveryOutcome {
  const enhanced = enhancedStatusOf(detail);
  const subject = enhanced?.split('.')[1] ?? null;
  if (subject === '1' || (enhanced === null && code === 550)) return { status: 'bounced', detail };
  if (subject === '2' || subject === '4' || subject === '5' || (enhanced === null && !MESSAGE_REFUSALS.has(code))) return { status: 'rejected', detail };
  return {
    status: 'fatal',
    detail,
    hint:
      'The server refused the message itself (its content, its size or a policy), not a recipient, so it would refuse every other mail too: nobody was suppressed. ' +
      "Read the server's words above (or ask its operator), fix the cause, and run again: the next run sends to everyone not yet mailed.",
  };
}

/** What a failed send means for the message; `handedOver` says whether it reached the server whole. */
export function classifyFailure(error: NodemailerError, handedOver: boolean): DeliveryOutcome {
  const detail = describe(error);
  if (error.code === 'EAUTH' || error.code === 'ENOAUTH') {
    return {
      status: 'fatal',
      detail,
      hint: 'The SMTP server refused the login: check the user and password in SMTP_URL (URL-encoded).',
    };
  }
  if (error.code === 'ECONFIG' || error.code === 'EREQUIRETLS') {
    return { status: 'fatal', detail, hint: 'Check SMTP_URL: the server and these settings do not fit together.' };
  }
  if (typeof error.responseCode === 'number') {
    const permanent = error.permanent ?? (error.responseCode >= 500 && error.responseCode !== 503);
    if (permanent && error.command === 'MAIL FROM') {
      return {
        status: 'fatal',
        detail,
        hint: 'The SMTP server refused the sender: MAIL_FROM must be an address this server may send from.',
      };
    }
    return permanent ? permanentRefusal(error.responseCode, detail) : { status: 'retry', detail, connectionFailed: false };
  }
  if (handedOver) return { status: 'unknown', detail: `${detail} (after the whole message was handed to the server, before it answered)` };
  // Refused before the server was asked (nodemailer's own check): nothing says the address is dead.
  if (error.code === 'EENVELOPE') return { status: 'rejected', detail };
  return { status: 'retry', detail, connectionFailed: error.code === undefined || CONNECTION_CODES.has(error.code) };
}

export function createSmtpDelivery(settings: MailSettings): SmtpDelivery {
  const transport = nodemailer.createTransport(settings.transport);
  const handovers = new WeakMap<object, () => void>();

  transport.use('stream', (mail: unknown, done: (error?: Error | null) => void) => {
    const { data, message } = mail as StreamPluginMail;
    const onHandover = typeof data.raw === 'object' && data.raw !== null ? handovers.get(data.raw) : undefined;
    if (onHandover) {
      message.processFunc((input) => {
        const output = new PassThrough();
        // 'end' comes once the connection has read every byte: only after the server's 354.
        output.once('end', onHandover);
        input.once('error', (error) => output.destroy(error));
        return input.pipe(output);
      });
    }
    done();
  });

  return {
    async verify() {
      try {
        await transport.verify();
        return null;
      } catch (error) {
        return classifyFailure(error as NodemailerError, false);
      }
    },
    async deliver(mail) {
      let handedOver = false;
      // A fresh Buffer per attempt: the hand-over is tracked per message object.
      const raw = Buffer.from(mail.raw);
      handovers.set(raw, () => {
        handedOver = true;
      });
      try {
        const info = await transport.sendMail({ envelope: mail.envelope, raw });
        const rejected = (info.rejected ?? []).length;
        if (rejected > 0) {
          const refusal = (info as { rejectedErrors?: NodemailerError[] }).rejectedErrors?.[0];
          return refusal === undefined ? { status: 'rejected', detail: String(info.response ?? 'recipient rejected') } : classifyFailure(refusal, false);
        }
        return { status: 'sent', response: String(info.response ?? '') };
      } catch (error) {
        return classifyFailure(error as NodemailerError, handedOver);
      }
    },
    close() {
      transport.close();
    },
  };
}
