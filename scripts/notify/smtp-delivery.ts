/**
 * Hands one composed mail to the SMTP server and says what became of it, in the terms the ledger
 * needs to keep every mail exactly-once:
 *
 * - `sent`: the server accepted it (250 after the final dot).
 * - `retry`: refused for now (4xx: 421, 451…) or the connection failed before the message was
 *   handed over; the server does not have it, so trying again cannot make a duplicate.
 * - `bounced`: refused for good (5xx: 550 no such user…): suppress the address.
 * - `unknown`: the connection was lost after the whole message was handed over and before the
 *   server answered. The server may have it; sending again could make a duplicate, so nobody
 *   does that without being asked.
 * - `fatal`: the server refuses us, not the mail (bad login, sender refused): stop sending.
 *
 * "Handed over" is observed on the message stream itself: nodemailer starts reading it only once
 * the server answered DATA with 354, and the stream ends when the last byte went to the
 * connection, right before the terminating dot. A connection lost before that lost the message.
 * @see https://www.rfc-editor.org/rfc/rfc5321#section-4.2.5
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
    return permanent ? { status: 'bounced', detail } : { status: 'retry', detail, connectionFailed: false };
  }
  if (handedOver) return { status: 'unknown', detail: `${detail} (after the whole message was handed to the server, before it answered)` };
  if (error.code === 'EENVELOPE') return { status: 'bounced', detail };
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
        if (rejected > 0) return { status: 'bounced', detail: String(info.response ?? 'recipient rejected') };
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
