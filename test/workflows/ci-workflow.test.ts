/** ci.yml checks every change the way a contributor expects, without giving forks any privilege. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobOf, readWorkflow, runStep, stepOf } from './support/workflows.ts';

const { workflow } = readWorkflow('ci.yml');
const commands = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run).filter((run) => run !== undefined));

describe('ci.yml', () => {
  it('runs on pushes to main and on pull requests, never with pull_request_target', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(workflow.on['push']).toEqual({ branches: ['main'] });
  });

  it('runs lint, types, the workflow checker, the tests and the browser tests', () => {
    expect(commands).toEqual(
      expect.arrayContaining(['npm run lint', 'npm run typecheck', 'node scripts/check-workflows.ts', 'npm test', 'npm run test:browser']),
    );
  });

  it('only reads the repository', () => {
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toEqual({ contents: 'read' });
  });

  it('points the browser tests at the Chrome the runner image ships', () => {
    const step = stepOf(jobOf(workflow, 'browser'), 'Find Chromium');
    const bin = mkdtempSync(join(tmpdir(), 'bin-'));
    writeFileSync(join(bin, 'google-chrome'), '#!/bin/sh\necho "Google Chrome 140.0"\n');
    chmodSync(join(bin, 'google-chrome'), 0o755);
    const githubEnv = join(bin, 'github-env');
    const result = runStep(`PATH="${bin}:/usr/bin:/bin"\n${step.run ?? ''}`, { GITHUB_ENV: githubEnv }, bin);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Google Chrome 140.0');
    expect(runStep(`cat "${githubEnv}"`, {}, bin).stdout).toBe(`CHROMIUM_PATH=${join(bin, 'google-chrome')}\n`);
  });
});
