/**
 * `npm run notify` end to end: the real sync's snapshot, the GitHub simulator, a real SMTP server.
 * One comment per shipped item, one mail per subscriber, the right mail to the right person, safe
 * headers and bodies, no address anywhere it does not belong, and nothing twice.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botComments, createNotifySandbox, MAIL_FROM, resetWorld, runNotify, startFixture, type NotifyFixture, type NotifySandbox } from './notify-harness.ts';
import { INJECTED_TITLE } from './notify-world.ts';
import { headerValues, startSmtpSink, type AcceptedMail, type SmtpSink } from './smtp-sink.ts';

const SUBSCRIBERS = [
  'email,github,name,digest',
  'ada@example.com,ada,Ada Lovelace,yes',
  'grace@example.com,@grace,"Grace ""Amazing"" Hopper",no',
  'heidi@example.com,heidi,"Heidi\r\nBcc: mallory@attacker.test",yes',
  'lin@example.com,,Lin,yes',
  'sam@example.com,sam,Sam,no',
].join('\r\n');
const ADDRESSES = ['ada@example.com', 'grace@example.com', 'heidi@example.com', 'lin@example.com', 'sam@example.com'];
const MARKER = '<!-- open-roadmap:shipped:acme/widgets@v1.1.0 -->';
const RELEASE_URL = 'https://github.com/acme/widgets/releases/tag/v1.1.0';

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
  sandbox = await createNotifySandbox(fixture, sink, SUBSCRIBERS);
});
afterEach(async () => {
  await sink.close();
  await sandbox.cleanup();
});

function mailTo(address: string): AcceptedMail {
  const found = sink.accepted.filter((mail) => mail.recipients.includes(address));
  expect(found, `mails to ${address}`).toHaveLength(1);
  return found[0] as AcceptedMail;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('npm run notify', () => {
  it('comments once on every shipped request and duplicate, skipping the locked one', async () => {
    const run = await runNotify(fixture, sandbox);
    expect(run.code, run.stderr).toBe(0);

    const comments = botComments(fixture);
    expect(comments.map((comment) => comment.item).sort()).toEqual(['#1', '#2', '#3', '#4', 'D20', 'D21']);
    for (const comment of comments) {
      expect(comment.body).toContain(MARKER);
      expect(comment.body).toContain('### Shipped in `v1.1.0` 🎉');
      expect(comment.body).toContain(`(<${RELEASE_URL}>)`);
    }
    const darkMode = comments.find((comment) => comment.item === '#1')?.body ?? '';
    expect(darkMode).toContain('(<https://acme.github.io/widgets/requests/1-dark-mode/>)');
    // ada, bob, carol and alice (who opened it), plus ivan and grace of #2 and bob again of D20.
    expect(darkMode).toContain('6 people asked for it.');
    expect(comments.find((comment) => comment.item === '#2')?.body).toContain('This was merged into #1');
    expect(comments.find((comment) => comment.item === 'D20')?.body).toContain('/requests/1-dark-mode/');
    // Issues through REST, Discussions through the GraphQL mutation.
    expect(fixture.sim.log.filter((entry) => entry.method === 'POST' && entry.kind === 'rest')).toHaveLength(4);
    expect(fixture.sim.log.filter((entry) => entry.operationName === 'AddShippedComment')).toHaveLength(2);

    expect(run.stdout).toContain('GitHub comments: 6 posted; 1 skipped (1 locked); 0 failed.');
    expect(run.stderr).toContain('Skipped https://github.com/acme/widgets/issues/5: the conversation is locked');
  });

  it('mails voters personally, the other subscribers a digest, and nobody else', async () => {
    const run = await runNotify(fixture, sandbox);
    expect(run.code, run.stderr).toBe(0);
    expect(sink.accepted.map((mail) => mail.recipients).flat().sort()).toEqual([
      'ada@example.com',
      'grace@example.com',
      'heidi@example.com',
      'lin@example.com',
    ]);
    expect(mailTo('ada@example.com').parsed.subject).toBe('Your request shipped in v1.1.0: Dark mode');
    // grace opened a duplicate of #1 and wants no digests: her personal mail still comes.
    expect(mailTo('grace@example.com').parsed.subject).toBe('Your request shipped in v1.1.0: Dark mode');
    expect(mailTo('lin@example.com').parsed.subject).toBe('Widgets roadmap: v1.1.0 is out, with 5 requests shipped');
    expect(run.stdout).toContain('Emails: 4 sent (3 personal, 1 digest); 1 skipped (1 no digest wanted); 0 failed; 0 unknown; 0 bounced.');
  });

  it('sends list headers, both parts, absolute links and sanitized release notes', async () => {
    expect((await runNotify(fixture, sandbox)).code).toBe(0);
    const mail = mailTo('ada@example.com');
    expect(mail.from).toBe('roadmap@widgets.test');
    expect(mail.parsed.from).toMatchObject({ name: 'Widgets roadmap', address: 'roadmap@widgets.test' });
    expect(headerValues(mail, 'from')).toEqual([MAIL_FROM]);
    expect(mail.parsed.to).toEqual([{ name: 'Ada Lovelace', address: 'ada@example.com' }]);
    expect(headerValues(mail, 'list-unsubscribe')).toEqual([
      '<https://acme.github.io/widgets/unsubscribe>, <mailto:roadmap@widgets.test?subject=unsubscribe>',
    ]);
    expect(headerValues(mail, 'list-unsubscribe-post')).toEqual(['List-Unsubscribe=One-Click']);

    const html = mail.parsed.html ?? '';
    const text = mail.parsed.text ?? '';
    expect(html).toContain('href="https://acme.github.io/widgets/requests/1-dark-mode/"');
    expect(text).toContain('https://acme.github.io/widgets/requests/1-dark-mode/');
    expect(text).toContain(RELEASE_URL);
    // Every address in the HTML part is absolute.
    const addresses = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1] ?? '');
    expect(addresses.length).toBeGreaterThan(5);
    for (const address of addresses) expect(address).toMatch(/^(?:https?:\/\/|mailto:)/);
    expect(addresses).toContain('https://github.com/acme/widgets/releases/tag/docs/guide.md');
    // The hostile parts of the notes arrive in neither part.
    for (const part of [html, text]) {
      expect(part).not.toMatch(/<script|onerror|javascript:|pwned/i);
    }
    expect(html).toContain('Dark mode, at last');
    expect(text).toContain('Dark mode, at last');
  });

  it('keeps injection attempts in titles and names out of the headers', async () => {
    expect((await runNotify(fixture, sandbox)).code).toBe(0);
    const mail = mailTo('heidi@example.com');
    expect(mail.recipients).toEqual(['heidi@example.com']);
    expect(sink.attempts).not.toContain('mallory@attacker.test');
    const names = mail.parsed.headers.map((header) => header.key);
    expect(names).not.toContain('bcc');
    expect(new Set(names)).toEqual(
      new Set(['from', 'to', 'subject', 'message-id', 'date', 'mime-version', 'content-type', 'list-id', 'list-unsubscribe', 'list-unsubscribe-post']),
    );
    expect(mail.parsed.subject).toBe(`Your request shipped in v1.1.0: ${INJECTED_TITLE.replace('\r\n', ' ')}`);
    expect(mail.parsed.to).toEqual([{ name: 'Heidi Bcc: mallory@attacker.test', address: 'heidi@example.com' }]);
    for (const header of mail.parsed.headers) expect(header.value).not.toMatch(/[\r\n]/);
  });

  it('prints no subscriber address and stores none in the ledger', async () => {
    const run = await runNotify(fixture, sandbox);
    expect(run.code).toBe(0);
    for (const address of ADDRESSES) {
      expect(run.stdout.toLowerCase()).not.toContain(address);
      expect(run.stderr.toLowerCase()).not.toContain(address);
    }
    expect(run.stderr).toContain('Mailed a***@example.com (personal).');
    const files = await filesUnder(sandbox.ledgerDir);
    expect(files.map((file) => file.slice(sandbox.ledgerDir.length + 1)).sort()).toEqual([
      '.gitignore',
      'ledger.json',
      'releases/acme/widgets/v1.1.0.jsonl',
    ]);
    for (const file of files) {
      const content = (await readFile(file, 'utf8')).toLowerCase();
      for (const address of ADDRESSES) expect(content).not.toContain(address);
      expect(content).not.toContain('example.com');
    }
  });

  it('sends nothing new when run again', async () => {
    expect((await runNotify(fixture, sandbox)).code).toBe(0);
    fixture.sim.resetLog();
    const again = await runNotify(fixture, sandbox);
    expect(again.code, again.stderr).toBe(0);
    expect(botComments(fixture)).toHaveLength(6);
    expect(sink.accepted).toHaveLength(4);
    expect(fixture.sim.log.filter((entry) => entry.method === 'POST' && entry.kind === 'rest')).toHaveLength(0);
    expect(again.stdout).toContain('GitHub comments: 0 posted; 7 skipped (6 already commented, 1 locked); 0 failed.');
    expect(again.stdout).toContain('Emails: 0 sent (0 personal, 0 digests); 5 skipped (4 already mailed, 1 no digest wanted); 0 failed; 0 unknown; 0 bounced.');
  });

  it('finds its comments on GitHub even when the ledger is lost', async () => {
    expect((await runNotify(fixture, sandbox)).code).toBe(0);
    const fresh = await createNotifySandbox(fixture, null, SUBSCRIBERS);
    try {
      const run = await runNotify(fixture, fresh);
      expect(run.code, run.stderr).toBe(0);
      expect(botComments(fixture)).toHaveLength(6);
      expect(run.stdout).toContain('6 already commented');
      expect(run.stdout).toContain('Emails: none (SMTP_URL is not set).');
    } finally {
      await fresh.cleanup();
    }
  });

  it('checks the whole subscriber list before it comments or mails', async () => {
    await writeFile(sandbox.subscribersFile, `${SUBSCRIBERS}\r\nnot-an-address,,,\r\n,octocat,,`);
    const run = await runNotify(fixture, sandbox);
    expect(run.code).toBe(1);
    const file = sandbox.subscribersFile;
    // Line numbers of the file (a quoted name may span two lines), counted from the first new row.
    const line = SUBSCRIBERS.split('\r\n').length + 1;
    expect(run.stderr).toContain(
      `${file} has 2 bad rows, so the notifier did nothing:\n  ${file}, line ${line}: the email is not a valid address.\n  ${file}, line ${line + 1}: the email is missing.`,
    );
    expect(run.stderr).not.toContain('not-an-address');
    expect(botComments(fixture)).toEqual([]);
    expect(sink.attempts).toEqual([]);
  });

  it('suppresses an address by hand, hashed like the rest, and never mails it', async () => {
    const suppressed = await runNotify(fixture, sandbox, ['--suppress', 'Lin@Example.com']);
    expect(suppressed.code, suppressed.stderr).toBe(0);
    expect(suppressed.stdout).toMatch(/^Suppressed: L\*\*\*@example\.com \(ledger id [0-9a-f]{32}\)\. No release mails it again\.$/m);
    expect(`${suppressed.stdout}${suppressed.stderr}`.toLowerCase()).not.toContain('lin@example.com');
    expect(botComments(fixture)).toEqual([]);
    const lines = (await readFile(join(sandbox.ledgerDir, 'suppressions.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ reason: 'manual', recipient: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(lines[0]?.toLowerCase()).not.toContain('example.com');

    const run = await runNotify(fixture, sandbox);
    expect(run.code, run.stderr).toBe(0);
    expect(sink.accepted.flatMap((mail) => mail.recipients).sort()).toEqual(['ada@example.com', 'grace@example.com', 'heidi@example.com']);
    expect(run.stdout).toContain('1 suppressed');

    const bad = await runNotify(fixture, sandbox, ['--suppress', 'nobody']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--suppress number 1: the email is not a valid address. Nothing was suppressed.');
  });

  it('announces the release it is asked for, and explains what it cannot find', async () => {
    const old = await runNotify(fixture, sandbox, ['--release', 'v1.0.0']);
    expect(old.code, old.stderr).toBe(0);
    expect(old.stdout).toContain('Summary for acme/widgets v1.0.0: 0 requests shipped.');
    expect(botComments(fixture)).toEqual([]);
    // Subscribers who want digests get one, even for a release that shipped no request.
    expect(sink.accepted.map((mail) => mail.recipients).flat().sort()).toEqual(['ada@example.com', 'heidi@example.com', 'lin@example.com']);

    const missing = await runNotify(fixture, sandbox, ['--release', 'v9.9.9']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('The snapshot has no published release tagged "v9.9.9".');
    expect(missing.stderr).toContain('Known tags: v1.2.0-beta.1, v1.1.0, v1.0.0.');
  });
});
