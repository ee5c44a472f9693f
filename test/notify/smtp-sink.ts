/**
 * A real SMTP server (npm `smtp-server`) on 127.0.0.1 for the notifier's tests. It keeps every
 * message it accepts, parsed with postal-mime, and can misbehave on cue, the way mail servers do:
 * answer a recipient or a message with 421, 451 or 550, drop the connection before DATA or after
 * the message's final dot (before answering), or hold its answer until a test lets it go.
 */
import type { Socket } from 'node:net';
import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface AcceptedMail {
  /** RCPT TO of the transaction. */
  recipients: string[];
  from: string;
  raw: string;
  parsed: Email;
}

/** What the server does at a step: answer with an error, drop the connection, or hold the answer. */
export type SinkAction = { reply: number; message?: string } | { drop: true } | { hold: Promise<void> } | { run: () => void };

export interface SinkFault {
  /** `rcpt`: answering RCPT TO (before DATA); `data`: after the final dot, before answering. */
  at: 'rcpt' | 'data';
  /** Only for this recipient (default: any). */
  recipient?: string;
  /** How many times (default 1; Infinity for always). */
  times?: number;
  /** Only from the n-th message the server sees at this step (1-based, default 1). */
  fromMessage?: number;
  action: SinkAction;
}

export interface SmtpSink {
  port: number;
  url: string;
  accepted: AcceptedMail[];
  /** RCPT TO addresses the server was asked for, in order, accepted or not. */
  attempts: string[];
  /** Messages whose data arrived whole (before any answer), in order. */
  dataReceived: string[];
  faults: SinkFault[];
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sockets = new Map<number, Socket>();
  const sink: SmtpSink = { port: 0, url: '', accepted: [], attempts: [], dataReceived: [], faults: [], close: async () => {} };
  const seen = { rcpt: 0, data: 0 };

  const take = (at: 'rcpt' | 'data', recipients: readonly string[]): SinkAction | null => {
    seen[at] += 1;
    for (const fault of sink.faults) {
      if (fault.at !== at) continue;
      if (fault.recipient !== undefined && !recipients.includes(fault.recipient)) continue;
      if (fault.fromMessage !== undefined && seen[at] < fault.fromMessage) continue;
      const left = fault.times ?? 1;
      if (left <= 0) continue;
      fault.times = left - 1;
      return fault.action;
    }
    return null;
  };

  const perform = async (action: SinkAction, session: SMTPServerSession, callback: (error?: Error | null) => void, accept: () => void): Promise<void> => {
    if ('reply' in action) {
      callback(smtpError(action.reply, action.message ?? (action.reply >= 500 ? '5.1.1 Recipient address rejected: User unknown' : '4.3.0 Try again later')));
      return;
    }
    if ('drop' in action) {
      sockets.get(session.remotePort)?.destroy();
      return;
    }
    if ('hold' in action) {
      await action.hold;
      accept();
      return;
    }
    action.run();
  };

  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, session, callback) {
      sink.attempts.push(address.address);
      const action = take('rcpt', [address.address]);
      if (action === null) {
        callback();
        return;
      }
      void perform(action, session, callback, () => callback());
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const raw = Buffer.concat(chunks).toString('utf8');
        sink.dataReceived.push(recipients.join(','));
        const accept = (): void => {
          void PostalMime.parse(raw).then((parsed) => {
            sink.accepted.push({ recipients, from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address, raw, parsed });
            callback();
          });
        };
        const action = take('data', recipients);
        if (action === null) {
          accept();
          return;
        }
        void perform(action, session, callback, accept);
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    if (socket.remotePort !== undefined) sockets.set(socket.remotePort, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  sink.port = typeof address === 'object' && address !== null ? address.port : 0;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets.values()) socket.destroy();
      server.close(() => resolve());
    });
  return sink;
}

/** The values of a header of a received mail, lower-cased name. */
export function headerValues(mail: AcceptedMail, name: string): string[] {
  return mail.parsed.headers.filter((header) => header.key === name.toLowerCase()).map((header) => header.value);
}
