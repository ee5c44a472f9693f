/** Reading this repository's workflows in tests, and running one step's script the way a runner does. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WORKFLOWS_DIR = join(REPO_ROOT, '.github/workflows');
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface Job {
  'runs-on': string;
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  'timeout-minutes'?: number;
  steps: Step[];
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: unknown;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

export function readWorkflow(file: string): { text: string; workflow: Workflow } {
  const text = readFileSync(join(WORKFLOWS_DIR, file), 'utf8');
  return { text, workflow: parse(text) as Workflow };
}

export function jobOf(workflow: Workflow, id: string): Job {
  const job = workflow.jobs[id];
  if (!job) throw new Error(`no job "${id}"; jobs are ${Object.keys(workflow.jobs).join(', ')}`);
  return job;
}

export function stepOf(job: Job, name: string): Step {
  const step = job.steps.find((candidate) => candidate.name === name);
  if (!step) throw new Error(`no step "${name}"; steps are ${job.steps.map((s) => s.name ?? s.uses ?? s.run).join(' | ')}`);
  return step;
}

export function stepIndex(job: Job, name: string): number {
  return job.steps.indexOf(stepOf(job, name));
}

/** 1-based number of the first line of `text` containing `snippet`. */
export function lineContaining(text: string, snippet: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(snippet));
  if (index === -1) throw new Error(`"${snippet}" is not in the text`);
  return index + 1;
}

export interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The arguments each `npm` call received, one array per call. */
  npmCalls: string[][];
}

/**
 * Runs a step's `run:` script as GitHub's Linux runners do (`bash -e {0}`), with `npm` replaced by
 * a stub that records its arguments and exits with `NPM_EXIT` (default 0). The scripts hold no `${{ }}` (the workflow checker forbids
 * untrusted ones, and these steps have none), so the text runs as written; `env` stands for
 * what the step's `env:` expressions evaluate to.
 */
export function runStep(script: string, env: Record<string, string>, cwd: string): StepRun {
  const dir = mkdtempSync(join(tmpdir(), 'step-'));
  const bin = join(dir, 'bin');
  const calls = join(dir, 'npm-calls');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'npm'),
    `#!/bin/sh\n{ for arg in "$@"; do printf '%s\\037' "$arg"; done; printf '\\n'; } >> '${calls}'\nexit "\${NPM_EXIT:-0}"\n`,
  );
  chmodSync(join(bin, 'npm'), 0o755);
  writeFileSync(calls, '');
  const file = join(dir, 'step.sh');
  writeFileSync(file, script);
  const result = spawnSync('bash', ['-e', file], {
    cwd,
    env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, HOME: dir, ...env },
    encoding: 'utf8',
  });
  const npmCalls = readFileSync(calls, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\u001f').slice(0, -1));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, npmCalls };
}
