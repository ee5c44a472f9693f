/**
 * Exactly once across crashes and concurrency: a run killed half-way leaves the rest to the next
 * run and what was in flight `unknown`; two runs at once cannot both send; a ledger kept on a
 * branch is pushed as it goes, is the record for a fresh checkout, and a run whose push is
 * rejected (someone else moved the branch) stops.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botComments, createNotifySandbox, resetWorld, runNotify, spawnNotify, startFixture, type NotifyFixture, type NotifySandbox } from './notify-harness.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const DIGEST_READERS = Array.from({ length: 8 }, (_, index) => `reader${index + 1}@example.org`);
const SUBSCRIBERS = ['email', ...DIGEST_READERS].join('\n');

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
  delete sandbox.env.GITHUB_TOKEN;
});
afterEach(async () => {
  await sink.close();
  await sandbox.cleanup();
});

const deliveredTo = (): string[] => sink.accepted.flatMap((mail) => mail.recipients);

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 20) {
    if (condition()) return;
    await sleep(20);
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('a run that dies half-way', () => {
  it('leaves the rest to the next run, and what was in flight unknown', async () => {
    let kill = (): void => {};
    // The fourth message arrives whole, and the notifier is killed before the server answers.
    sink.faults.push({ at: 'data', fromMessage: 4, action: { run: () => kill() } });
    const first = spawnNotify(fixture, sandbox);
    kill = () => first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(deliveredTo()).toEqual(DIGEST_READERS.slice(0, 3));

    // Everything else goes out, and the run fails while the unknown mail is not settled.
    const second = await runNotify(fixture, sandbox);
    expect(second.code, second.stderr).toBe(1);
    expect(second.stderr).toMatch(/Took over a stale lock: process \d+ on .*, which is no longer running/);
    expect(second.stderr).toContain('1 mail is now unknown');
    expect(deliveredTo()).toEqual([...DIGEST_READERS.slice(0, 3), ...DIGEST_READERS.slice(4)]);
    expect(second.stdout).toContain('Emails: 4 sent (0 personal, 4 digests); 4 skipped (3 already mailed, 1 unknown from an earlier run)');
    const unknown = /Unknown from an earlier run[^\n]*\n {4}- r\*\*\*@example\.org: ledger id ([0-9a-f]{32}); Message-ID (<[^>\s]+>)/.exec(second.stdout);
    expect(unknown, second.stdout).not.toBeNull();
    const [, ledgerId = '', messageId = ''] = unknown ?? [];
    expect(second.stdout).not.toContain(DIGEST_READERS[3]);

    // Still unsettled: the next run says so again and fails.
    const third = await runNotify(fixture, sandbox);
    expect(third.code).toBe(1);
    expect(third.stdout).toContain(`ledger id ${ledgerId}; Message-ID ${messageId}`);

    // Resending by id sends that one mail, with the Message-ID the summary named.
    const resent = await runNotify(fixture, sandbox, ['--resend-unknown', ledgerId]);
    expect(resent.code, resent.stderr).toBe(0);
    expect([...deliveredTo()].sort()).toEqual([...DIGEST_READERS].sort());
    const mail = sink.accepted.find((accepted) => accepted.recipients.includes(DIGEST_READERS[3] ?? ''));
    expect(mail?.parsed.messageId).toBe(messageId);
    expect((await runNotify(fixture, sandbox)).code).toBe(0);
  });

  it('records an unknown mail found in the server\'s log as delivered, without sending it again', async () => {
    let kill = (): void => {};
    sink.faults.push({ at: 'data', fromMessage: 2, action: { run: () => kill() } });
    const first = spawnNotify(fixture, sandbox);
    kill = () => first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');

    const second = await runNotify(fixture, sandbox);
    expect(second.code).toBe(1);
    const ledgerId = /ledger id ([0-9a-f]{32}); Message-ID/.exec(second.stdout)?.[1] ?? '';
    expect(ledgerId).not.toBe('');

    const wrong = await runNotify(fixture, sandbox, ['--settle-unknown', 'f'.repeat(32)]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('which is not an unknown mail of this release in the ledger, so nothing was done.');
    const wrongResend = await runNotify(fixture, sandbox, ['--resend-unknown', 'e'.repeat(32)]);
    expect(wrongResend.code).toBe(1);
    expect(wrongResend.stderr).toContain(`--resend-unknown names ${'e'.repeat(32)}, which is not an unknown mail`);
    const address = await runNotify(fixture, sandbox, ['--resend-unknown', DIGEST_READERS[1] ?? '']);
    expect(address.code).toBe(2);
    expect(address.stderr).toContain('--resend-unknown takes ledger ids (32 hex digits, from the summary), not "an address".');
    expect(address.stderr).not.toContain(DIGEST_READERS[1]);

    const settled = await runNotify(fixture, sandbox, ['--settle-unknown', ledgerId]);
    expect(settled.code, settled.stderr).toBe(0);
    expect(settled.stdout).toContain('8 already mailed');
    // The mail the server had whole was never handed over again.
    expect(sink.dataReceived.filter((recipients) => recipients === DIGEST_READERS[1])).toHaveLength(1);
    expect((await runNotify(fixture, sandbox)).code).toBe(0);
  });
});

describe('a run that is asked to stop', () => {
  it('finishes the mail in flight, records it, releases the lock and leaves the rest', async () => {
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    sink.faults.push({ at: 'data', fromMessage: 2, action: { hold: held } });
    const first = spawnNotify(fixture, sandbox);
    await waitFor(() => sink.dataReceived.length === 2, 'the second mail to be handed over');
    first.child.kill('SIGTERM');
    await sleep(200);
    release();
    const stopped = await first.done;
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('Received SIGTERM: finishing what is in flight');
    expect(stopped.stdout).toContain('Emails: 2 sent (0 personal, 2 digests); 0 skipped; 0 failed; 0 unknown; 0 bounced; 6 not sent (run stopped).');
    expect(stopped.stdout).toContain('Stopped: The run was interrupted (SIGTERM).');
    expect(deliveredTo()).toEqual(DIGEST_READERS.slice(0, 2));

    const next = await runNotify(fixture, sandbox);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('stale lock');
    expect(deliveredTo()).toEqual(DIGEST_READERS);
  });
});

describe('two runs at once', () => {
  it('lets one send while the other finds the lock and sends nothing', async () => {
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    sink.faults.push({ at: 'data', action: { hold: held } });
    const first = spawnNotify(fixture, sandbox);
    await waitFor(() => sink.dataReceived.length === 1, 'the first run to hand over a mail');

    const second = await runNotify(fixture, sandbox);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`Another notifier run holds the ledger lock \\(process ${first.child.pid ?? 0} on `));
    expect(second.stderr).toContain('so this run sent nothing');
    expect(sink.attempts).toHaveLength(1);

    release();
    const done = await first.done;
    expect(done.code, done.stderr).toBe(0);
    expect([...deliveredTo()].sort()).toEqual([...DIGEST_READERS].sort());
  });

  it('never takes over a lock held from another machine', async () => {
    await mkdir(sandbox.ledgerDir, { recursive: true });
    const lock = join(sandbox.ledgerDir, 'notify.lock');
    await writeFile(lock, JSON.stringify({ pid: 1, host: `not-${hostname()}`, startedAt: '2026-02-01T00:00:00Z', release: 'acme/widgets@v1.1.0' }));
    const refused = await runNotify(fixture, sandbox);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Another notifier run holds the ledger lock (process 1 on not-${hostname()}`);
    expect(refused.stderr).toContain(`delete ${lock} and run again`);
    expect(sink.attempts).toEqual([]);

    await rm(lock);
    expect((await runNotify(fixture, sandbox)).code).toBe(0);
    expect(deliveredTo()).toHaveLength(8);
  });
});

describe('a ledger kept on a branch', () => {
  let server: string;
  let remote: string;

  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

  const checkout = async (into: string): Promise<string> => {
    git(server, 'clone', '--quiet', '--branch', 'roadmap-ledger', remote, into);
    git(into, 'config', 'user.name', 'github-actions[bot]');
    git(into, 'config', 'user.email', 'actions@example.invalid');
    return into;
  };

  beforeEach(async () => {
    server = await mkdtemp(join(tmpdir(), 'ledger-remote-'));
    remote = join(server, 'app.git');
    git(server, 'init', '--quiet', '--bare', '-b', 'roadmap-ledger', remote);
    const seed = join(server, 'seed');
    git(server, 'init', '--quiet', '-b', 'roadmap-ledger', seed);
    await writeFile(join(seed, 'README.md'), '# Notification ledger\n');
    git(seed, 'add', 'README.md');
    git(seed, 'commit', '--quiet', '-m', 'Start the notification ledger');
    git(seed, 'push', '--quiet', remote, 'roadmap-ledger');
    await checkout(sandbox.ledgerDir);
    sandbox.env.ROADMAP_LEDGER_PUSH = 'true';
    sandbox.env.GITHUB_TOKEN = fixture.sync.env.GITHUB_TOKEN ?? '';
  });
  afterEach(async () => {
    await rm(server, { recursive: true, force: true });
  });

  it('is pushed as the run goes, without the lock, and is the record for a fresh checkout', async () => {
    const run = await runNotify(fixture, sandbox);
    expect(run.code, run.stderr).toBe(0);
    const log = git(remote, 'log', '--format=%s', 'roadmap-ledger').split('\n');
    expect(log).toEqual([
      'Record 8 mails for acme/widgets v1.1.0',
      'Claim 8 mails for acme/widgets v1.1.0',
      'Record comments for acme/widgets v1.1.0',
      // Six to comment and the locked #5, whose claim is given back.
      'Claim 7 comments for acme/widgets v1.1.0',
      'Start the notification ledger',
    ]);
    const files = git(remote, 'ls-tree', '-r', '--name-only', 'roadmap-ledger').split('\n').sort();
    expect(files).toEqual(['.gitignore', 'README.md', 'ledger.json', 'releases/acme/widgets/v1.1.0.jsonl']);
    const journal = git(remote, 'show', 'roadmap-ledger:releases/acme/widgets/v1.1.0.jsonl');
    expect(journal.split('\n').filter((line) => line.includes('"state":"sent"') && line.includes('"kind":"mail"'))).toHaveLength(8);
    for (const reader of DIGEST_READERS) expect(journal).not.toContain(reader);

    // A new runner starts from the branch alone.
    const fresh = await checkout(join(sandbox.dir, 'fresh-ledger'));
    const again = await runNotify(fixture, sandbox, [], { ROADMAP_LEDGER_DIR: fresh });
    expect(again.code, again.stderr).toBe(0);
    expect(deliveredTo()).toHaveLength(8);
    expect(botComments(fixture)).toHaveLength(6);
    expect(again.stdout).toContain('8 already mailed');
  });

  it('sends nothing twice when a runner vanishes mid-batch with its checkout', async () => {
    let kill = (): void => {};
    sink.faults.push({ at: 'data', fromMessage: 4, action: { run: () => kill() } });
    const first = spawnNotify(fixture, sandbox);
    kill = () => first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');
    expect(deliveredTo()).toHaveLength(3);

    // The next run starts on a new machine, from what the branch holds: the batch was claimed.
    const fresh = await checkout(join(sandbox.dir, 'fresh-ledger'));
    const next = await runNotify(fixture, sandbox, [], { ROADMAP_LEDGER_DIR: fresh });
    expect(next.code, next.stderr).toBe(1);
    expect(deliveredTo()).toHaveLength(3);
    expect(next.stderr).toContain('8 mails are now unknown');
    expect(next.stdout).toContain('8 unknown from an earlier run');
  });

  it('stops sending when another run moves the branch during this one', async () => {
    const other = await checkout(join(sandbox.dir, 'other-run'));
    let moved = false;
    fixture.sim.faults.add({
      match: {
        when: (request) => {
          // While this run comments, another run pushes to the ledger branch.
          if (!moved && request.kind === 'rest' && request.path.endsWith('/comments')) {
            moved = true;
            git(other, 'pull', '--quiet', '--ff-only');
            git(other, 'commit', '--quiet', '--allow-empty', '-m', 'Another run');
            git(other, 'push', '--quiet', 'origin', 'roadmap-ledger');
          }
          return false;
        },
      },
      fault: { type: 'bad-gateway' },
    });
    const run = await runNotify(fixture, sandbox);
    expect(moved).toBe(true);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Stopped: The ledger branch roadmap-ledger was moved by another run while this one was sending');
    expect(sink.attempts).toEqual([]);
    expect(git(remote, 'log', '-1', '--format=%s', 'roadmap-ledger')).toBe('Another run');
  });

  it('comments once per item when two runs announce at once from two checkouts', async () => {
    const other = await checkout(join(sandbox.dir, 'other-run'));
    const runs = await Promise.all([spawnNotify(fixture, sandbox).done, spawnNotify(fixture, sandbox, [], { ROADMAP_LEDGER_DIR: other }).done]);
    const perItem = new Map<string, number>();
    for (const comment of botComments(fixture)) perItem.set(comment.item, (perItem.get(comment.item) ?? 0) + 1);
    // Every shipped item that is not locked, once: what a single run comments on.
    expect([...perItem.keys()].sort(), runs.map((run) => run.stderr).join('\n')).toEqual(['#1', '#2', '#3', '#4', 'D20', 'D21']);
    expect([...perItem.values()].every((count) => count === 1), JSON.stringify([...perItem])).toBe(true);
    const mailed = deliveredTo();
    expect(new Set(mailed).size).toBe(mailed.length);
  });

  it('refuses to send from a checkout that diverged from the branch', async () => {
    const other = await checkout(join(sandbox.dir, 'other-run'));
    git(other, 'commit', '--quiet', '--allow-empty', '-m', 'Another run');
    git(other, 'push', '--quiet', 'origin', 'roadmap-ledger');
    git(sandbox.ledgerDir, 'commit', '--quiet', '--allow-empty', '-m', 'Local only');
    const run = await runNotify(fixture, sandbox);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('have diverged, so this run cannot tell who was already told. Nothing was sent.');
    expect(sink.attempts).toEqual([]);
    expect(botComments(fixture)).toEqual([]);
    const readme = await readFile(join(sandbox.ledgerDir, 'README.md'), 'utf8');
    expect(readme).toContain('Notification ledger');
  });
});

describe('a lost ledger', () => {
  it('mails nobody when GitHub shows the release was announced with another ledger, until told to', async () => {
    sandbox.env.GITHUB_TOKEN = fixture.sync.env.GITHUB_TOKEN ?? '';
    const first = await runNotify(fixture, sandbox);
    expect(first.code, first.stderr).toBe(0);
    expect(deliveredTo()).toHaveLength(8);

    // The ledger is emptied (a lost branch, a new runner without the checkout).
    await rm(sandbox.ledgerDir, { recursive: true, force: true });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const lost = await runNotify(fixture, sandbox);
      expect(lost.code).toBe(1);
      expect(lost.stdout).toContain(
        `Stopped: The ledger in ${sandbox.ledgerDir} has no record of acme/widgets v1.1.0, but GitHub already carries 6 of its "shipped" comments`,
      );
      expect(lost.stdout).toContain('no mail was sent');
      expect(lost.stdout).toContain('--trust-empty-ledger');
      expect(deliveredTo()).toHaveLength(8);
      expect(botComments(fixture)).toHaveLength(6);
    }

    const forced = await runNotify(fixture, sandbox, ['--trust-empty-ledger']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(deliveredTo()).toHaveLength(16);
  });

  it('mails nobody for a new release when the ledger is lost and GitHub shows an earlier one was announced', async () => {
    sandbox.env.GITHUB_TOKEN = fixture.sync.env.GITHUB_TOKEN ?? '';
    expect((await runNotify(fixture, sandbox)).code).toBe(0);
    expect(deliveredTo()).toHaveLength(8);
    await rm(sandbox.ledgerDir, { recursive: true, force: true });

    // The next release's first run: the suppression list went with the lost ledger.
    const next = await runNotify(fixture, sandbox, ['--release', 'v1.2.0-beta.1']);
    expect(next.code).toBe(1);
    expect(next.stdout).toContain(`Stopped: The ledger in ${sandbox.ledgerDir} knows no earlier release, but GitHub shows the notifier announced acme/widgets v1.1.0`);
    expect(next.stdout).toContain('no mail was sent');
    expect(deliveredTo()).toHaveLength(8);

    const forced = await runNotify(fixture, sandbox, ['--release', 'v1.2.0-beta.1', '--trust-empty-ledger']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(deliveredTo()).toHaveLength(16);
  });
});
