/**
 * How mail leaves: `SMTP_URL` (`smtp://user:pass@host:587`, or `smtps://…:465` for TLS from the
 * start) and the sender, `MAIL_FROM` (`Acme roadmap <roadmap@acme.dev>`). Both come from the
 * environment; the password is never printed.
 *
 * The transport is a pool (a few connections reused for many messages) with a rate limit, so a
 * release with thousands of subscribers does not look like a flood to the mail server. The
 * defaults suit most providers; tune them in the URL's query string:
 *
 *   smtp://user:pass@smtp.example.com:587?maxConnections=2&rateLimit=5&rateDelta=1000
 *
 * Credentials never travel in clear: unless the server is on this machine, STARTTLS is required
 * (`requireTLS=false` in the URL allows a server without it).
 */
import addressparser from 'nodemailer/lib/addressparser';
import type { SMTPPoolOptions } from 'nodemailer';
import { z } from 'zod';
import { NotifyError } from './notify-error.ts';

export interface MailSettings {
  transport: SMTPPoolOptions & { pool: true };
  /** The `From:` header as configured. */
  from: string;
  /** The sender's bare address: envelope sender and the `mailto:` unsubscribe target. */
  fromAddress: string;
  /** The part after `@`, for Message-IDs. */
  fromDomain: string;
  /** Values to hide from every line printed (user name and password of the URL). */
  secrets: string[];
  /** How many messages are sent at once: one per pooled connection. */
  concurrency: number;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const queryOptionsSchema = z.strictObject({
  /** Connections open at once (messages in flight). */
  maxConnections: integer(1, 20).default(2),
  /** Messages per connection before it is replaced. */
  maxMessages: integer(1, 10_000).default(100),
  /** At most `rateLimit` messages every `rateDelta` milliseconds. */
  rateLimit: integer(1, 10_000).default(5),
  rateDelta: integer(1, 3_600_000).default(1000),
  requireTLS: booleanText.optional(),
  /** How long to wait for the server, in milliseconds. */
  connectionTimeout: integer(1, 600_000).default(30_000),
  socketTimeout: integer(1, 3_600_000).default(120_000),
});

function refuse(problem: string, hint: string): never {
  throw new NotifyError(problem, hint);
}

function parseSmtpUrl(text: string): { options: SMTPPoolOptions & { pool: true }; secrets: string[]; concurrency: number } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse('SMTP_URL is not a URL.', 'Write it as smtp://user:password@smtp.example.com:587 (or smtps://…:465), with the user and password URL-encoded.');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    return refuse(`SMTP_URL starts with "${url.protocol}", not smtp: or smtps:.`, 'Write it as smtp://user:password@smtp.example.com:587, or smtps://…:465 for TLS from the start.');
  }
  if (url.hostname === '') return refuse('SMTP_URL names no host.', 'Write it as smtp://user:password@smtp.example.com:587.');
  const query = queryOptionsSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    const issue = query.error.issues[0];
    const option = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue?.path[0] ?? '');
    return refuse(
      `SMTP_URL has an option it cannot use: ${option}${issue?.code === 'unrecognized_keys' ? '' : ` (${issue?.message ?? 'invalid'})`}.`,
      'Known options: maxConnections, maxMessages, rateLimit, rateDelta (ms), requireTLS (true/false), connectionTimeout and socketTimeout (ms).',
    );
  }
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const { maxConnections, maxMessages, rateLimit, rateDelta, requireTLS, connectionTimeout, socketTimeout } = query.data;
  return {
    options: {
      pool: true,
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port === '' ? (secure ? 465 : 587) : Number(url.port),
      secure,
      requireTLS: secure ? false : (requireTLS ?? !LOOPBACK.has(url.hostname)),
      ...(user === '' && pass === '' ? {} : { auth: { user, pass } }),
      maxConnections,
      maxMessages,
      rateLimit,
      rateDelta,
      connectionTimeout,
      greetingTimeout: connectionTimeout,
      socketTimeout,
      // A message is put back in the queue only when not a byte of it was sent (nodemailer's rule).
      maxRequeues: 2,
    },
    secrets: [pass, url.password, url.username.length >= 4 ? url.username : ''].filter((value) => value !== ''),
    concurrency: maxConnections,
  };
}

function parseFrom(text: string): { address: string; domain: string } {
  const parsed = addressparser(text, { flatten: true });
  const mailboxes = parsed.filter((entry) => entry.address !== undefined && entry.address !== '');
  const first = mailboxes[0];
  if (mailboxes.length !== 1 || !first?.address || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(first.address)) {
    return refuse('MAIL_FROM is not one email address.', 'Write it as "Acme roadmap <roadmap@acme.dev>" or just roadmap@acme.dev.');
  }
  return { address: first.address, domain: first.address.slice(first.address.lastIndexOf('@') + 1) };
}

export function mailSettings(smtpUrl: string, mailFrom: string | null): MailSettings {
  const { options, secrets, concurrency } = parseSmtpUrl(smtpUrl);
  if (mailFrom === null) {
    return refuse('SMTP_URL is set but MAIL_FROM is not, so the mails would have no sender.', 'Set MAIL_FROM, e.g. "Acme roadmap <roadmap@acme.dev>", to an address the SMTP server may send from.');
  }
  const { address, domain } = parseFrom(mailFrom);
  return { transport: options, from: mailFrom.trim(), fromAddress: address, fromDomain: domain, secrets, concurrency };
}

/** `ROADMAP_UNSUBSCRIBE_URL`: an http(s) address; `{email}` in it becomes the recipient's address. */
export function checkUnsubscribeUrl(text: string): string {
  try {
    const url = new URL(text.trim().replaceAll('{email}', 'someone%40example.com'));
    if (url.protocol === 'https:' || url.protocol === 'http:') return text.trim();
  } catch {
    // Refused below.
  }
  return refuse(
    'ROADMAP_UNSUBSCRIBE_URL is not an http(s) address.',
    'Set it to the page where people unsubscribe, e.g. https://acme.dev/roadmap/unsubscribe?email={email}, or unset it to let people reply "unsubscribe".',
  );
}

/** The unsubscribe address for one recipient. */
export function unsubscribeUrlFor(template: string, address: string): string {
  return template.replaceAll('{email}', encodeURIComponent(address));
}
