/**
 * The workflow checker: each hardening rule fails on a file that breaks it, at the line a reader
 * must fix, and leaves a file that follows every rule alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkflow } from '../../src/workflow-rules/check-workflow.ts';
import { formatViolation } from '../../src/workflow-rules/violation.ts';
import { FIXTURES_DIR, REPO_ROOT, lineContaining } from './support/workflows.ts';

async function check(fixture: string, options: { actionlint?: boolean } = { actionlint: false }) {
  const text = readFileSync(join(FIXTURES_DIR, fixture), 'utf8');
  const violations = await checkWorkflow(fixture, text, options);
  return { text, violations, found: violations.map(({ rule, line }) => ({ rule, line })) };
}

describe('the workflow checker', () => {
  it('passes a workflow that follows every rule, actionlint included', async () => {
    const { violations } = await check('clean.yml', { actionlint: true });
    expect(violations.map(formatViolation)).toEqual([]);
  });

  it.each([
    ['unpinned-tag.yml', 'actions/setup-node@v4'],
    ['unpinned-branch.yml', 'actions/setup-node@main'],
  ])('fails %s, an action used by a movable tag or branch, at its uses: line', async (fixture, snippet) => {
    const { text, found, violations } = await check(fixture);
    expect(found).toEqual([{ rule: 'pinned-actions', line: lineContaining(text, snippet) }]);
    expect(violations[0]?.fix).toContain('full 40-character commit SHA');
  });

  it('fails a SHA pin that does not say which version it is', async () => {
    const { text, found } = await check('sha-without-version.yml');
    expect(found).toEqual([{ rule: 'pinned-actions', line: lineContaining(text, 'actions/setup-node@') }]);
  });

  it('fails an issue title pasted into a script, at the line of the expression', async () => {
    const { text, found, violations } = await check('issue-title-in-run.yml');
    expect(found).toEqual([{ rule: 'untrusted-expression', line: lineContaining(text, 'github.event.issue.title') }]);
    expect(violations[0]?.message).toContain('github.event.issue.title');
    expect(violations[0]?.fix).toContain('env:');
  });

  it('fails a dispatch input pasted into an actions/github-script script', async () => {
    const { text, found } = await check('input-in-github-script.yml');
    expect(found).toEqual([{ rule: 'untrusted-expression', line: lineContaining(text, '${{ inputs.tag }}') }]);
  });

  it('fails a secret pasted into a script', async () => {
    const { text, found, violations } = await check('secret-in-run.yml');
    expect(found).toEqual([{ rule: 'untrusted-expression', line: lineContaining(text, 'secrets.DEPLOY_TOKEN') }]);
    expect(violations[0]?.fix).toContain('"$DEPLOY_TOKEN"');
  });

  it('fails a workflow without top-level permissions', async () => {
    const { found, violations } = await check('missing-permissions.yml');
    expect(found).toEqual([{ rule: 'permissions', line: 1 }]);
    expect(violations[0]?.fix).toContain('permissions: {}');
  });

  it('fails top-level permissions that grant something to every job', async () => {
    const { text, found } = await check('top-level-grants.yml');
    expect(found).toEqual([{ rule: 'permissions', line: lineContaining(text, 'permissions:') }]);
  });

  it('fails permissions: write-all on a job', async () => {
    const { text, found } = await check('write-all.yml');
    expect(found).toEqual([{ rule: 'permissions', line: lineContaining(text, 'write-all') }]);
  });

  it('fails a job without timeout-minutes, at the job, and only that job', async () => {
    const { text, found, violations } = await check('missing-timeout.yml');
    expect(found).toEqual([{ rule: 'job-timeout', line: lineContaining(text, '  test:') }]);
    expect(violations[0]?.message).toContain('"test"');
  });

  it('fails the pull_request_target trigger', async () => {
    const { text, found } = await check('pull-request-target.yml');
    expect(found).toEqual([{ rule: 'forbidden-trigger', line: lineContaining(text, 'pull_request_target') }]);
  });

  it('fails a checkout that keeps the token, and one that keeps it without saying why', async () => {
    const { text, found } = await check('checkout-keeps-token.yml');
    expect(found).toEqual([
      { rule: 'checkout-credentials', line: lineContaining(text, '- uses: actions/checkout') },
      { rule: 'checkout-credentials', line: lineContaining(text, 'persist-credentials: true') },
    ]);
  });

  it('fails needs: naming a job that does not exist', async () => {
    const { text, found } = await check('broken-needs.yml');
    expect(found).toEqual([{ rule: 'structure', line: lineContaining(text, 'needs: biuld') }]);
  });

  it('runs actionlint, which knows the activity types GitHub sends', async () => {
    const { text, violations } = await check('bad-event-type.yml', { actionlint: true });
    expect(violations.map(({ rule, line }) => ({ rule, line }))).toEqual([
      { rule: 'actionlint events', line: lineContaining(text, 'shipped') },
    ]);
    expect(violations[0]?.message).toContain('"shipped"');
  });

  it("checks an action's metadata with the rules that apply to it: pins, scripts and a shell on each run: step", async () => {
    const { text, found } = await check('action-problems.yml', { actionlint: true });
    expect(found).toEqual([
      { rule: 'pinned-actions', line: lineContaining(text, 'actions/setup-node@v4') },
      { rule: 'untrusted-expression', line: lineContaining(text, '${{ inputs.who }}') },
      { rule: 'structure', line: lineContaining(text, '- name: No shell') },
    ]);
  });

  it('reports YAML that does not parse instead of crashing', async () => {
    const violations = await checkWorkflow('broken.yml', 'on: push\njobs:\n  a: [\n', { actionlint: false });
    expect(violations.map(({ rule }) => rule)).toEqual(['structure']);
    expect(violations[0]?.message).toContain('not valid YAML');
  });
});

describe('node scripts/check-workflows.ts', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/check-workflows.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

  it('exits 1 and prints file:line: what — how to fix for each problem', () => {
    const fixture = relative(REPO_ROOT, join(FIXTURES_DIR, 'issue-title-in-run.yml'));
    const result = run(fixture);
    const line = lineContaining(readFileSync(join(REPO_ROOT, fixture), 'utf8'), 'github.event.issue.title');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${fixture.replace(/[.]/g, '\\.')}:${line}: .+ — .*env:.*\\[untrusted-expression\\]$`, 'm'));
  });

  it('exits 0 on the repository workflows', () => {
    const result = run();
    expect(result.stdout).toContain('No problems in 4 workflow files checked (rules + actionlint)');
    expect(result.status).toBe(0);
  });

  it('exits 2 when a named file does not exist', () => {
    const result = run('no-such-workflow.yml');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot read no-such-workflow.yml');
  });
});

describe('which expressions may appear in a script', () => {
  const workflowRunning = (expression: string) =>
    [
      'on: push',
      'permissions: {}',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-24.04',
      '    timeout-minutes: 5',
      '    steps:',
      `      - run: echo "${expression}"`,
      '',
    ].join('\n');
  const flagged = async (expression: string) =>
    (await checkWorkflow('inline.yml', workflowRunning(expression), { actionlint: false })).map(({ message }) => message);

  it.each([
    '${{ github.event.pull_request.title }}',
    '${{ github.head_ref }}',
    '${{ github.ref_name }}',
    '${{ inputs.tag }}',
    '${{ github.event.inputs.tag }}',
    '${{ steps.release.outputs.tag }}',
    '${{ needs.build.outputs.url }}',
    '${{ env.TITLE }}',
    '${{ github.token }}',
    "${{ github['event'] }}",
    "${{ format('{0}!', github.event.comment.body) }}",
    '${{ toJSON(github.event) }}',
  ])('flags %s', async (expression) => {
    const messages = await flagged(expression);
    expect(messages).toHaveLength(1);
  });

  it.each([
    '${{ github.workspace }}',
    '${{ runner.temp }}',
    '${{ github.run_id }}-${{ github.run_attempt }}',
    '${{ matrix.node }}',
    '${{ vars.SITE_URL }}',
    "${{ 'github.event.issue.title' }}",
    "${{ github.event_name == 'push' && 'yes' || 'no' }}",
  ])('allows %s', async (expression) => {
    expect(await flagged(expression)).toEqual([]);
  });

  it('flags an expression that is never closed', async () => {
    expect(await flagged('${{ github.sha')).toEqual([expect.stringContaining('never closed')]);
  });
});
