/**
 * What the notifier does when the mail server misbehaves: a temporary refusal (421, 451) is tried
 * again, an unknown recipient (5.1.x, bare 550) suppresses the address, a refusal of the message
 * itself (5.7.x, 552) stops the run and suppresses nobody, a connection lost before the message
 * was handed over is retried, one lost after it is `unknown` and never resent on its own.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotifySandbox, resetWorld, runNotify, startFixture, type NotifyFixture, type NotifySandbox } from './notify-harness.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const SUBSCRIBERS = ['email,github,name,digest', 'ada@example.com,ada,Ada,yes', 'grace@example.com,grace,Grace,no', 'lin@example.com,,Lin,yes'].join('\n');

let fixture: NotifyFixture;
let sink: SmtpSink;
let sandbox: NotifySandbox;

beforeAll(async () => {
  fixture = await startFixture();
});
afterAll(async () => {
  await fixture.close();
});
beforeEach(async () => {
  resetWorld(fixture);
  sink = await startSmtpSink();
  // Mails only: comments are covered elsewhere.
  sandbox = await createNotifySandbox(fixture, sink, SUBSCRIBERS);
  delete sandbox.env.GITHUB_TOKEN;
});
afterEach(async () => {
  await sink.close();
  await sandbox.cleanup();
});

const delivered = (address: string): number => sink.accepted.filter((mail) => mail.recipients.includes(address)).length;
const attempts = (address: string): number => sink.attempts.filter((attempt) => attempt === address).length;

describe('temporary refusals', () => {
  it.each([
    ['421 when asked for the recipient', { at: 'rcpt', reply: 421 }],
    ['451 after the message', { at: 'data', reply: 451 }],
  ] as const)('tries again after %s, and delivers once', async (_name, fault) => {
    sink.faults.push({ at: fault.at, recipient: 'ada@example.com', action: { reply: fault.reply } });
    const run = await runNotify(fixture, sandbox);
    expect(run.code, run.stderr).toBe(0);
    expect(attempts('ada@example.com')).toBe(2);
    expect(delivered('ada@example.com')).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`did not take the mail to a\\*\\*\\*@example\\.com \\(${fault.reply} `));
    expect(run.stdout).toContain('Emails: 3 sent');
  });

  it('gives up after a few attempts, fails the run, and sends on the next one', async () => {
    sink.faults.push({ at: 'rcpt', recipient: 'ada@example.com', times: Infinity, action: { reply: 451 } });
    const first = await runNotify(fixture, sandbox);
    expect(first.code).toBe(1);
    expect(attempts('ada@example.com')).toBe(4);
    expect(delivered('ada@example.com')).toBe(0);
    expect(first.stdout).toContain('Failed (the next run tries again):');
    expect(first.stdout).toMatch(/- a\*\*\*@example\.com: 451 4\.3\.0 Try again later/);

    sink.faults.length = 0;
    const second = await runNotify(fixture, sandbox);
    expect(second.code, second.stderr).toBe(0);
    expect(delivered('ada@example.com')).toBe(1);
    expect(delivered('lin@example.com')).toBe(1);
    expect(second.stdout).toContain('Emails: 1 sent (1 personal, 0 digests); 2 skipped (2 already mailed)');
  });
});

describe('permanent refusals', () => {
  it('suppresses an address refused with 550, reports it, and never tries it again', async () => {
    sink.faults.push({ at: 'rcpt', recipient: 'grace@example.com', times: Infinity, action: { reply: 550 } });
    const first = await runNotify(fixture, sandbox);
    expect(first.code, first.stderr).toBe(0);
    expect(attempts('grace@example.com')).toBe(1);
    expect(first.stdout).toContain('Bounced (suppressed from now on):');
    expect(first.stdout).toMatch(/- g\*\*\*@example\.com: 550 5\.1\.1 Recipient address rejected: User unknown \(ledger id [0-9a-f]{32}\)/);
    const suppressions = (await readFile(join(sandbox.ledgerDir, 'suppressions.jsonl'), 'utf8')).trim().split('\n');
    expect(suppressions).toHaveLength(1);
    expect(JSON.parse(suppressions[0] ?? '')).toMatchObject({ reason: 'bounced', recipient: expect.stringMatching(/^[0-9a-f]{32}$/) });

    // Suppressed for every later release too, not only this one.
    const later = await runNotify(fixture, sandbox, ['--release', 'v1.0.0']);
    expect(later.code, later.stderr).toBe(0);
    expect(attempts('grace@example.com')).toBe(1);
    expect(delivered('ada@example.com')).toBe(2);
  });
});

describe('refusals of the message itself', () => {
  const suppressedCount = async (): Promise<number> => {
    const file = join(sandbox.ledgerDir, 'suppressions.jsonl');
    return existsSync(file) ? (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '').length : 0;
  };

  it.each([
    ['554 5.7.1 after the message (content looks like spam)', 'data', 554, '5.7.1 Message rejected: content looks like spam'],
    ['552 after the message (too big), without an enhanced code', 'data', 552, 'Message size exceeds fixed maximum message size'],
    ['550 5.7.1 for the recipient (relaying denied)', 'rcpt', 550, '5.7.1 Relaying denied by policy'],
  ] as const)('stops on %s, suppresses nobody and says what the server said', async (_name, at, reply, message) => {
    sink.faults.push({ at, times: Infinity, action: { reply, message } });
    const run = await runNotify(fixture, sandbox);
    expect(run.code).toBe(1);
    expect(sink.accepted).toHaveLength(0);
    expect(await suppressedCount()).toBe(0);
    expect(run.stdout).toContain(`Stopped: The mail server refused to send: "${reply} ${message}".`);
    expect(run.stdout).toContain('nobody was suppressed');
    expect(run.stdout).toContain('0 bounced');
    for (const address of ['ada@example.com', 'grace@example.com', 'lin@example.com']) {
      expect(run.stdout).not.toContain(address);
      expect(run.stderr).not.toContain(address);
    }

    // Once the server takes mail again, everyone gets theirs.
    sink.faults.length = 0;
    const next = await runNotify(fixture, sandbox);
    expect(next.code, next.stderr).toBe(0);
    for (const address of ['ada@example.com', 'grace@example.com', 'lin@example.com']) expect(delivered(address)).toBe(1);
  });

  it('leaves a full mailbox (552 5.2.2) unsuppressed and tries it again on the next run', async () => {
    sink.faults.push({ at: 'rcpt', recipient: 'lin@example.com', action: { reply: 552, message: '5.2.2 Mailbox full' } });
    const first = await runNotify(fixture, sandbox);
    expect(first.code).toBe(1);
    expect(attempts('lin@example.com')).toBe(1);
    expect(await suppressedCount()).toBe(0);
    expect(first.stdout).toMatch(/- l\*\*\*@example\.com: 552 5\.2\.2 Mailbox full/);
    const second = await runNotify(fixture, sandbox);
    expect(second.code, second.stderr).toBe(0);
    expect(delivered('lin@example.com')).toBe(1);
  });

  it('stops once most mails of the run bounce, before suppressing the whole list', async () => {
    const readers = Array.from({ length: 12 }, (_, index) => `reader${index + 1}@example.org`);
    await sandbox.cleanup();
    sandbox = await createNotifySandbox(fixture, sink, ['email', ...readers].join('\n'));
    delete sandbox.env.GITHUB_TOKEN;
    sink.faults.push({ at: 'rcpt', times: Infinity, action: { reply: 550, message: '5.1.1 User unknown' } });
    const run = await runNotify(fixture, sandbox);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Stopped: The mail server refused 5 of the 5 mails it answered in this run as unknown recipients');
    expect(await suppressedCount()).toBe(5);
    expect(new Set(sink.attempts).size).toBe(5);
    expect(run.stdout).toContain('7 not sent (run stopped)');
  });
});

describe('lost connections', () => {
  it('sends again when the connection drops before the message was handed over', async () => {
    sink.faults.push({ at: 'rcpt', recipient: 'ada@example.com', action: { drop: true } });
    const run = await runNotify(fixture, sandbox);
    expect(run.code, run.stderr).toBe(0);
    expect(attempts('ada@example.com')).toBe(2);
    expect(delivered('ada@example.com')).toBe(1);
    expect(sink.dataReceived.filter((recipients) => recipients === 'ada@example.com')).toHaveLength(1);
  });

  it('marks a mail unknown when the connection drops after the final dot, and resends it only when asked', async () => {
    sink.faults.push({ at: 'data', recipient: 'lin@example.com', action: { drop: true } });
    const first = await runNotify(fixture, sandbox);
    expect(first.code).toBe(1);
    expect(sink.dataReceived.filter((recipients) => recipients === 'lin@example.com')).toHaveLength(1);
    expect(delivered('lin@example.com')).toBe(0);
    expect(first.stdout).toContain('1 unknown');
    expect(first.stdout).toMatch(/Unknown: the connection was lost after the mail was handed over[^\n]*\n {4}- l\*\*\*@example\.com/);

    // Not sent again, and the run still fails: the unknown mail waits for a person to settle it.
    const second = await runNotify(fixture, sandbox);
    expect(second.code, second.stderr).toBe(1);
    expect(attempts('lin@example.com')).toBe(1);
    expect(second.stdout).toContain('1 unknown from an earlier run');

    const resent = await runNotify(fixture, sandbox, ['--resend-unknown']);
    expect(resent.code, resent.stderr).toBe(0);
    expect(delivered('lin@example.com')).toBe(1);
    expect(delivered('ada@example.com')).toBe(1);
  });

  it('stops before marking anything when the server cannot be reached', async () => {
    const closed = await startSmtpSink();
    const url = closed.url;
    await closed.close();
    const run = await runNotify(fixture, sandbox, [], { SMTP_URL: `${url}?connectionTimeout=2000` });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Stopped: Could not start sending mail');
    const journal = await readFile(join(sandbox.ledgerDir, 'releases/acme/widgets/v1.1.0.jsonl'), 'utf8').catch(() => '');
    expect(journal).toBe('');
  });
});
