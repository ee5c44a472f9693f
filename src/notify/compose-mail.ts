/**
 * A release mail as the exact bytes handed to the SMTP server (and written to the dry-run
 * preview), composed by nodemailer's own pipeline. Names, titles and everything else that came
 * from outside reach the headers only through nodemailer's encoding (encoded words, folded
 * lines), after line breaks were turned into spaces: a title such as "Dark mode\r\nBcc: x@y"
 * stays inside the Subject and adds no header.
 *
 * Headers for list mail (RFC 2369, RFC 8058): `List-Unsubscribe` with a `mailto:` on the sender
 * and, when configured, the unsubscribe page; `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
 * when that page is HTTPS, which lets mail clients unsubscribe in one click.
 * @see https://www.rfc-editor.org/rfc/rfc8058
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { MailContent } from './mail-content.ts';
import { oneLine } from './one-line.ts';

export interface ComposedMail {
  raw: Buffer;
  messageId: string;
  envelope: { from: string; to: string[] };
}

export interface MailHeaders {
  from: string;
  fromAddress: string;
  fromDomain: string;
  to: { name: string | null; address: string };
  /** The release's id and the recipient's ledger id: the same pair always gets the same Message-ID. */
  releaseId: string;
  recipientId: string;
  /** The recipient's unsubscribe page, or null. */
  unsubscribeUrl: string | null;
  /** `List-Id`, e.g. `roadmap.acme.github.io`. */
  listId: string;
  listName: string;
}

// Builds messages without sending them; CRLF line ends, as they go on the wire.
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/**
 * The same Message-ID for the same release and recipient: if a mail ever had to be sent again
 * (`--resend-unknown`), mail systems that saw the first one can recognise the copy.
 */
export function messageIdFor(headers: Pick<MailHeaders, 'releaseId' | 'recipientId' | 'fromDomain'>): string {
  const release = createHash('sha256').update(headers.releaseId).digest('hex').slice(0, 16);
  return `<${release}.${headers.recipientId.slice(0, 16)}@${headers.fromDomain}>`;
}

export async function composeMail(headers: MailHeaders, content: MailContent): Promise<ComposedMail> {
  const messageId = messageIdFor(headers);
  const unsubscribe = [
    ...(headers.unsubscribeUrl === null ? [] : [headers.unsubscribeUrl]),
    `mailto:${headers.fromAddress}?subject=unsubscribe`,
  ];
  const oneClick = headers.unsubscribeUrl !== null && headers.unsubscribeUrl.startsWith('https://');
  const envelope = { from: headers.fromAddress, to: [headers.to.address] };
  const info = await composer.sendMail({
    from: headers.from,
    to: { name: headers.to.name === null ? '' : oneLine(headers.to.name), address: headers.to.address },
    subject: oneLine(content.subject),
    text: content.text,
    html: content.html,
    messageId,
    envelope,
    list: {
      id: { url: headers.listId, comment: oneLine(headers.listName) },
      // One header holding both addresses (an array in the array), not one header each.
      unsubscribe: [unsubscribe],
    },
    headers: oneClick ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {},
  });
  if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer did not compose the message into a buffer.');
  return { raw: info.message, messageId, envelope };
}
