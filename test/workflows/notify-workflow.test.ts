/**
 * notify.yml: runs one at a time, waits for the site without write access, keeps the ledger on
 * its own branch (creating it the first time), keeps the subscriber list out of the workspace,
 * and hands the notifier the release's tag.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobOf, readWorkflow, runStep, stepIndex, stepOf } from './support/workflows.ts';

const { workflow } = readWorkflow('notify.yml');
const wait = jobOf(workflow, 'wait-for-site');
const notify = jobOf(workflow, 'notify');

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** A bare "GitHub" repository at file://<server>/acme/app.git whose main branch has one commit. */
function fakeServer(): { server: string; bare: string } {
  const server = mkdtempSync(join(tmpdir(), 'server-'));
  const bare = join(server, 'acme', 'app.git');
  mkdirSync(bare, { recursive: true });
  git(bare, 'init', '-q', '--bare', '-b', 'main');
  const clone = mkdtempSync(join(tmpdir(), 'clone-'));
  git(clone, 'init', '-q', '-b', 'main');
  git(clone, 'commit', '-q', '--allow-empty', '-m', 'code');
  git(clone, 'push', '-q', bare, 'main');
  return { server, bare };
}

describe('notify.yml triggers and queue', () => {
  it('runs when a release is published, or by hand for a given tag', () => {
    expect(workflow.on['release']).toEqual({ types: ['published'] });
    const inputs = (workflow.on['workflow_dispatch'] as { inputs: Record<string, { type: string }> }).inputs;
    expect(inputs['tag']?.type).toBe('string');
  });

  it('runs one notification run at a time without cancelling one under way', () => {
    expect(workflow.concurrency).toEqual({ group: 'notify', 'cancel-in-progress': false });
  });
});

describe('waiting for the site', () => {
  it('waits before anything is sent, holding no write access', () => {
    expect(notify.needs).toBe('wait-for-site');
    expect(Object.values(wait.permissions ?? {})).not.toContain('write');
    expect(wait.permissions).toMatchObject({ actions: 'read' });
  });

  it('takes the tag from the release event or the input, and the notifier gets the tag the wait resolved', () => {
    const step = stepOf(wait, 'Wait until the site shows the release');
    expect(step.run).toBe('node .github/scripts/wait-for-deploy.ts');
    expect(step.env?.['RELEASE_TAG']).toBe('${{ github.event.release.tag_name || inputs.tag }}');
    expect(step.env?.['DEPLOY_WORKFLOW']).toBe('deploy.yml');
    expect(wait.outputs?.['tag']).toBe(`\${{ steps.${step.id ?? ''}.outputs.tag }}`);
    expect(stepOf(notify, 'Notify').env?.['RELEASE_TAG']).toBe('${{ needs.wait-for-site.outputs.tag }}');
  });

  it('leaves pre-releases to be announced by hand', () => {
    expect(wait.if).toContain('github.event.release.prerelease');
  });
});

describe('the ledger branch', () => {
  const create = stepOf(notify, 'Create the ledger branch if missing');
  const runCreate = (server: string, runnerTemp: string) =>
    runStep(
      create.run ?? '',
      {
        GITHUB_TOKEN: 't0ken',
        GITHUB_SERVER_URL: `file://${server}`,
        GITHUB_REPOSITORY: 'acme/app',
        RUNNER_TEMP: runnerTemp,
        LEDGER_BRANCH: notify.env?.['LEDGER_BRANCH'] ?? '',
      },
      mkdtempSync(join(tmpdir(), 'ws-')),
    );

  it('is created the first time, as an orphan branch sharing no history with the code', () => {
    const { server, bare } = fakeServer();
    const result = runCreate(server, mkdtempSync(join(tmpdir(), 'runner-temp-')));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created the roadmap-ledger branch.');
    expect(git(bare, 'rev-list', '--count', 'roadmap-ledger')).toBe('1');
    // merge-base exits 1 when two branches have no commit in common.
    expect(spawnSync('git', ['merge-base', 'main', 'roadmap-ledger'], { cwd: bare }).status).toBe(1);
    expect(git(bare, 'show', 'roadmap-ledger:README.md')).toContain('Notification ledger');
  });

  it('is left as it is when it exists', () => {
    const { server, bare } = fakeServer();
    runCreate(server, mkdtempSync(join(tmpdir(), 'runner-temp-')));
    const before = git(bare, 'rev-parse', 'roadmap-ledger');
    const again = runCreate(server, mkdtempSync(join(tmpdir(), 'runner-temp-')));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('The roadmap-ledger branch exists.');
    expect(git(bare, 'rev-parse', 'roadmap-ledger')).toBe(before);
  });

  it('fails the run, creating nothing, when the repository cannot be read', () => {
    const server = mkdtempSync(join(tmpdir(), 'empty-server-'));
    const result = runCreate(server, mkdtempSync(join(tmpdir(), 'runner-temp-')));
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('::error::Could not read the branches of acme/app');
  });

  it('is checked out into .ledger with push access, and the notifier is pointed at it', () => {
    const checkout = stepOf(notify, 'Check out the ledger');
    expect(checkout.with).toMatchObject({ ref: '${{ env.LEDGER_BRANCH }}', path: '.ledger', 'persist-credentials': true });
    expect(notify.env?.['LEDGER_BRANCH']).toBe('roadmap-ledger');
    expect(stepIndex(notify, 'Create the ledger branch if missing')).toBeLessThan(stepIndex(notify, 'Check out the ledger'));
    const env = stepOf(notify, 'Notify').env ?? {};
    expect(env['ROADMAP_LEDGER_DIR']).toBe('${{ github.workspace }}/.ledger');
    expect(env['ROADMAP_LEDGER_PUSH']).toBe('${{ inputs.dry-run != true }}');
    expect(notify.permissions).toMatchObject({ contents: 'write', issues: 'write', discussions: 'write' });
  });
});

describe('the subscriber list', () => {
  const step = stepOf(notify, 'Write the subscriber list');

  it('is written from the secret to a private file under RUNNER_TEMP, never into the workspace', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-'));
    const runnerTemp = mkdtempSync(join(tmpdir(), 'runner-temp-'));
    const githubEnv = join(runnerTemp, 'github-env');
    const result = runStep(step.run ?? '', { ROADMAP_SUBSCRIBERS: 'ada@example.com\nlin@example.com', RUNNER_TEMP: runnerTemp, GITHUB_ENV: githubEnv }, workspace);
    expect(result.status).toBe(0);
    const file = join(runnerTemp, 'roadmap-subscribers');
    expect(readFileSync(file, 'utf8')).toBe('ada@example.com\nlin@example.com\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(githubEnv, 'utf8')).toBe(`ROADMAP_SUBSCRIBERS_FILE=${file}\n`);
    expect(readdirSync(workspace)).toEqual([]);
    expect(step.env).toEqual({ ROADMAP_SUBSCRIBERS: '${{ secrets.ROADMAP_SUBSCRIBERS }}' });
  });

  it('is skipped, with a note, when the secret is not set', () => {
    const runnerTemp = mkdtempSync(join(tmpdir(), 'runner-temp-'));
    const githubEnv = join(runnerTemp, 'github-env');
    const result = runStep(step.run ?? '', { ROADMAP_SUBSCRIBERS: '', RUNNER_TEMP: runnerTemp, GITHUB_ENV: githubEnv }, mkdtempSync(join(tmpdir(), 'ws-')));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no emails will be sent');
    expect(existsSync(join(runnerTemp, 'roadmap-subscribers'))).toBe(false);
    expect(existsSync(githubEnv)).toBe(false);
  });
});

describe('the notify step', () => {
  const step = stepOf(notify, 'Notify');
  const runNotify = (env: Record<string, string>) => runStep(step.run ?? '', env, mkdtempSync(join(tmpdir(), 'ws-')));

  it('announces exactly the tag it was given', () => {
    expect(runNotify({ RELEASE_TAG: 'v1.2.0', DRY_RUN: 'false' }).npmCalls).toEqual([['run', 'notify', '--', '--release', 'v1.2.0']]);
  });

  it('only prints what it would send on a dry run', () => {
    expect(runNotify({ RELEASE_TAG: 'v1.2.0', DRY_RUN: 'true' }).npmCalls).toEqual([['run', 'notify', '--', '--release', 'v1.2.0', '--dry-run']]);
  });

  it('gets the mail settings from secrets, through env', () => {
    expect(step.env).toMatchObject({
      GITHUB_TOKEN: '${{ secrets.ROADMAP_TOKEN || secrets.GITHUB_TOKEN }}',
      SMTP_URL: '${{ secrets.SMTP_URL }}',
      MAIL_FROM: '${{ secrets.MAIL_FROM }}',
      ROADMAP_UNSUBSCRIBE_URL: '${{ secrets.ROADMAP_UNSUBSCRIBE_URL }}',
    });
  });
});
