/**
 * What the notifier does when the mail server misbehaves: a temporary refusal (421, 451) is tried
 * again, a permanent one (550) suppresses the address, a connection lost before the message was
 * handed over is retried, one lost after it is `unknown` and never resent on its own.
 */
import { readFile } from 'node:fs/promises';
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

    const second = await runNotify(fixture, sandbox);
    expect(second.code, second.stderr).toBe(0);
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
