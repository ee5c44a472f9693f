/**
 * `--dry-run`: every comment and mail written to the preview folder, nothing sent, no ledger
 * touched, and no subscriber address anywhere in the preview but inside the mails themselves.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botComments, createNotifySandbox, resetWorld, runNotify, startFixture, type NotifyFixture, type NotifySandbox } from './notify-harness.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

const SUBSCRIBERS = JSON.stringify([
  { email: 'ada@example.com', github: 'ada', name: 'Ada Lovelace' },
  { email: 'lin@example.com', name: 'Lin', digest: true },
  { email: 'sam@example.com', github: 'sam', digest: false },
]);
const ADDRESSES = ['ada@example.com', 'lin@example.com', 'sam@example.com'];

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
  sandbox = await createNotifySandbox(fixture, sink, SUBSCRIBERS, { subscribersName: 'subscribers.json' });
});
afterEach(async () => {
  await sink.close();
  await sandbox.cleanup();
});

async function previewFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

describe('npm run notify -- --dry-run', () => {
  it('writes every comment and mail it would send, and sends nothing', async () => {
    const run = await runNotify(fixture, sandbox, ['--dry-run', '--out', sandbox.previewDir]);
    expect(run.code, run.stderr).toBe(0);
    expect(botComments(fixture)).toEqual([]);
    expect(fixture.sim.log.filter((entry) => entry.method === 'POST' && entry.kind === 'rest')).toEqual([]);
    expect(fixture.sim.log.filter((entry) => entry.query?.trimStart().startsWith('mutation'))).toEqual([]);
    expect(sink.attempts).toEqual([]);
    expect(existsSync(sandbox.ledgerDir)).toBe(false);

    const files = await previewFiles(sandbox.previewDir);
    const names = [...files.keys()].sort();
    expect(names.filter((name) => name.startsWith('comments/'))).toEqual([
      'comments/acme-widgets-discussion-20.md',
      'comments/acme-widgets-discussion-21.md',
      'comments/acme-widgets-issue-1.md',
      'comments/acme-widgets-issue-2.md',
      'comments/acme-widgets-issue-3.md',
      'comments/acme-widgets-issue-4.md',
    ]);
    expect(files.get('comments/acme-widgets-issue-1.md')).toContain('<!-- open-roadmap:shipped:acme/widgets@v1.1.0 -->');
    const mails = names.filter((name) => name.startsWith('mails/'));
    expect(mails.map((name) => name.replace(/-[0-9a-f]{12}\./, '.'))).toEqual([
      'mails/001-personal.eml',
      'mails/001-personal.html',
      'mails/001-personal.txt',
      'mails/002-digest.eml',
      'mails/002-digest.html',
      'mails/002-digest.txt',
    ]);
    const personal = await PostalMime.parse(files.get(mails[0] ?? '') ?? '');
    expect(personal.to).toEqual([{ name: 'Ada Lovelace', address: 'ada@example.com' }]);
    expect(personal.subject).toBe('Your request shipped in v1.1.0: Dark mode');
    expect(files.get('index.md')).toContain('Emails: 2 would be sent (1 personal, 1 digest); 1 skipped (1 no digest wanted)');
    expect(run.stdout).toContain('GitHub comments: 6 would be posted; 1 skipped (1 locked); 0 failed.');
  });

  it('leaves addresses only inside the mails, never in names, the index or the output', async () => {
    const run = await runNotify(fixture, sandbox, ['--dry-run', '--out', sandbox.previewDir]);
    expect(run.code, run.stderr).toBe(0);
    const files = await previewFiles(sandbox.previewDir);
    for (const [name, content] of files) {
      for (const address of ADDRESSES) {
        expect(name).not.toContain(address);
        if (!name.endsWith('.eml')) expect(content.toLowerCase(), name).not.toContain(address);
      }
    }
    for (const address of ADDRESSES) expect(`${run.stdout}${run.stderr}`.toLowerCase()).not.toContain(address);
  });

  it('reads the ledger without writing to it, and previews only what a real run would send', async () => {
    expect((await runNotify(fixture, sandbox)).code).toBe(0);
    const ledgerBefore = await previewFiles(sandbox.ledgerDir);
    const run = await runNotify(fixture, sandbox, ['--dry-run', '--out', sandbox.previewDir]);
    expect(run.code, run.stderr).toBe(0);
    expect(await previewFiles(sandbox.ledgerDir)).toEqual(ledgerBefore);
    const files = await previewFiles(sandbox.previewDir);
    expect([...files.keys()].filter((name) => name !== 'index.md')).toEqual([]);
    expect(run.stdout).toContain('GitHub comments: 0 would be posted; 7 skipped (6 already commented, 1 locked)');
    expect(run.stdout).toContain('Emails: 0 would be sent');
  });

  it('removes only its own earlier output from the preview folder', async () => {
    await mkdir(sandbox.previewDir, { recursive: true });
    await writeFile(join(sandbox.previewDir, 'notes.txt'), 'mine');
    await mkdir(join(sandbox.previewDir, 'mails'), { recursive: true });
    await writeFile(join(sandbox.previewDir, 'mails', '999-old.eml'), 'old');
    expect((await runNotify(fixture, sandbox, ['--dry-run', '--out', sandbox.previewDir])).code).toBe(0);
    const files = await previewFiles(sandbox.previewDir);
    expect(files.get('notes.txt')).toBe('mine');
    expect(files.has('mails/999-old.eml')).toBe(false);
  });
});
