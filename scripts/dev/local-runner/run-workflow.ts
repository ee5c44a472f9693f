/**
 * Runs a GitHub Actions workflow file on this machine, as GitHub would run it: its jobs in the
 * order `needs:` gives, each step's `if:`, `env:`, `with:` and `working-directory:` evaluated with
 * GitHub's expression evaluator, `run:` scripts in bash with `$GITHUB_OUTPUT`, and the steps of a
 * composite action read from its action.yml. An action from another repository is taken from a
 * local git repository at the ref the workflow pins (`git archive`, as the runner downloads the
 * repository at that ref); GitHub's own actions have stand-ins (stand-ins.ts).
 *
 * Only what a roadmap workflow uses is supported: one workflow event, no matrix, no services, no
 * containers, no JavaScript or Docker actions except the stand-ins.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { condition, interpolate, type Contexts, type JobStatus } from './expressions.ts';
import { standInFor, type StandInScope } from './stand-ins.ts';

interface StepYaml {
  name?: string;
  id?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'working-directory'?: string;
  shell?: string;
}

interface JobYaml {
  needs?: string | string[];
  if?: string | boolean;
  outputs?: Record<string, string>;
  env?: Record<string, unknown>;
  steps?: StepYaml[];
  uses?: string;
}

interface ActionYaml {
  inputs?: Record<string, { default?: unknown }>;
  outputs?: Record<string, { value?: string }>;
  runs?: { using?: string; steps?: StepYaml[] };
}

export interface WorkflowRunOptions {
  /** The workflow file to run. */
  workflow: string;
  /** The folder actions/checkout checks out: the repository that holds the workflow. */
  project: string;
  /** The local git repository standing in for the GitHub repository `owner/name`, if there is one. */
  repositoryFor: (ownerAndName: string) => string | undefined;
  /** The event that starts the run, and its inputs (workflow_dispatch). */
  event: { name: string; inputs?: Record<string, unknown>; payload?: Record<string, unknown> };
  /** Caches and downloaded actions, kept between runs. */
  state: string;
  host: string;
  runId: string;
  /** The runner's environment; GITHUB_TOKEN in it becomes `github.token`. */
  env: NodeJS.ProcessEnv;
  /** A node_modules that a dependency cache miss links instead of installing. */
  dependencies?: string;
  log: (line: string) => void;
}

export interface JobResult {
  result: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  /** The step that failed, and why. */
  failed?: { step: string; detail: string };
}

interface StepsContext {
  [id: string]: { outputs: Record<string, string>; outcome: string; conclusion: string };
}

interface Scope {
  contexts: Contexts;
  steps: StepsContext;
  status: JobStatus;
  standIn: StandInScope;
  options: WorkflowRunOptions;
  /** Set inside a composite action: its folder. */
  actionPath?: string;
  indent: string;
}

class StepFailure extends Error {
  readonly step: string;
  readonly detail: string;
  constructor(step: string, detail: string) {
    super(`${step}: ${detail}`);
    this.step = step;
    this.detail = detail;
  }
}

function contextsWithSteps(scope: Scope): Contexts {
  return { ...scope.contexts, steps: scope.steps };
}

function evaluateMap(values: Record<string, unknown> | undefined, scope: Scope): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values ?? {})) out[name] = interpolate(String(value), contextsWithSteps(scope), scope.status);
  return out;
}

/** `name=value` lines and `name<<DELIMITER` blocks, as GitHub reads $GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const rows = text.split('\n');
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] ?? '';
    const block = /^([^=<]+)<<(.+)$/.exec(row);
    if (block) {
      const body: string[] = [];
      for (index += 1; index < rows.length && rows[index] !== block[2]; index += 1) body.push(rows[index] ?? '');
      outputs[block[1]!] = body.join('\n');
    } else if (row.includes('=')) {
      outputs[row.slice(0, row.indexOf('='))] = row.slice(row.indexOf('=') + 1);
    }
  }
  return outputs;
}

async function runScript(step: StepYaml, name: string, scope: Scope): Promise<Record<string, string>> {
  if (step.shell !== undefined && step.shell !== 'bash') throw new StepFailure(name, `shell: ${step.shell} is not supported here, only bash`);
  const script = interpolate(step.run ?? '', contextsWithSteps(scope), scope.status);
  const stepDir = join(scope.standIn.runDir, 'steps', String(Math.random()).slice(2));
  await mkdir(stepDir, { recursive: true });
  const scriptFile = join(stepDir, 'script.sh');
  const outputFile = join(stepDir, 'output');
  await writeFile(scriptFile, script);
  await writeFile(outputFile, '');
  const env = {
    ...scope.options.env,
    ...evaluateMap(scope.contexts['env'] as Record<string, unknown>, scope),
    ...evaluateMap(step.env, scope),
    GITHUB_OUTPUT: outputFile,
    GITHUB_WORKSPACE: scope.standIn.workspace,
    GITHUB_RUN_ID: scope.options.runId,
    RUNNER_TEMP: stepDir,
    ...(scope.actionPath === undefined ? {} : { GITHUB_ACTION_PATH: scope.actionPath }),
  };
  const cwd = resolve(scope.standIn.workspace, interpolate(step['working-directory'] ?? '.', contextsWithSteps(scope), scope.status));
  // GitHub's bash: https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idstepsshell
  const code = await new Promise<number>((done) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .forEach((line) => scope.options.log(`${scope.indent}    ${line}`));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', () => done(127));
    child.on('close', (exit) => done(exit ?? 1));
  });
  if (code !== 0) throw new StepFailure(name, `exit code ${code}`);
  return parseOutputFile(await readFile(outputFile, 'utf8'));
}

/** The repository at `ref`, unpacked where the runner keeps downloaded actions. */
async function downloadAction(ownerAndName: string, ref: string, scope: Scope, name: string): Promise<string> {
  const repository = scope.options.repositoryFor(ownerAndName);
  if (repository === undefined) throw new StepFailure(name, `${ownerAndName} has no local repository standing in for it`);
  const target = join(resolve(scope.options.state), 'actions', ownerAndName, ref);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  const unpacked = spawnSync('sh', ['-c', 'git -C "$1" archive --format=tar "$2" | tar -x -C "$3"', 'sh', repository, ref, target], { encoding: 'utf8' });
  if (unpacked.status !== 0) {
    throw new StepFailure(name, `the workflow pins ${ownerAndName}@${ref}, which ${repository} does not have (${unpacked.stderr.trim()})`);
  }
  scope.options.log(`${scope.indent}    ${ownerAndName}@${ref} from ${repository}`);
  return target;
}

async function runComposite(actionDir: string, inputs: Record<string, string>, scope: Scope, name: string): Promise<Record<string, string>> {
  const action = parse(await readFile(join(actionDir, 'action.yml'), 'utf8')) as ActionYaml;
  if (action.runs?.using !== 'composite') throw new StepFailure(name, `${actionDir}/action.yml is not a composite action, which is all this runner runs`);
  const github = { ...(scope.contexts['github'] as Record<string, unknown>), action_path: actionDir };
  const given: Record<string, string> = {};
  for (const [input, spec] of Object.entries(action.inputs ?? {})) {
    given[input] = inputs[input] ?? (spec.default === undefined ? '' : interpolate(String(spec.default), { github }, scope.status));
  }
  // A composite action sees github, inputs, its own steps, runner and env; never the caller's steps or secrets.
  const inner: Scope = {
    ...scope,
    contexts: { github, inputs: given, runner: scope.contexts['runner'], env: scope.contexts['env'] },
    steps: {},
    actionPath: actionDir,
    indent: `${scope.indent}  `,
  };
  await runSteps(action.runs.steps ?? [], inner);
  const outputs: Record<string, string> = {};
  for (const [output, spec] of Object.entries(action.outputs ?? {})) outputs[output] = interpolate(spec.value ?? '', contextsWithSteps(inner), inner.status);
  return outputs;
}

async function runUses(step: StepYaml, name: string, scope: Scope): Promise<Record<string, string>> {
  const uses = (step.uses ?? '').trim();
  const at = uses.lastIndexOf('@');
  const path = at === -1 ? uses : uses.slice(0, at);
  const ref = at === -1 ? '' : uses.slice(at + 1);
  const inputs = evaluateMap(step.with, scope);
  const standIn = standInFor(path);
  if (standIn) {
    try {
      return await standIn(inputs, scope.standIn);
    } catch (error) {
      throw new StepFailure(name, (error as Error).message);
    }
  }
  const [owner, repo, ...rest] = path.split('/');
  if (!owner || !repo || owner === '.') throw new StepFailure(name, `${uses} is not an action this runner can run`);
  const root = await downloadAction(`${owner}/${repo}`, ref, scope, name);
  return runComposite(join(root, ...rest), inputs, scope, name);
}

async function runSteps(steps: StepYaml[], scope: Scope): Promise<void> {
  for (const step of steps) {
    const name = interpolate(step.name ?? step.uses ?? (step.run ?? '').split('\n')[0] ?? 'step', contextsWithSteps(scope), scope.status);
    const record = (outcome: string, outputs: Record<string, string> = {}) => {
      if (step.id) scope.steps[step.id] = { outputs, outcome, conclusion: outcome };
    };
    if (!condition(step.if, contextsWithSteps(scope), scope.status)) {
      scope.options.log(`${scope.indent}▹ ${name} (skipped)`);
      record('skipped');
      continue;
    }
    scope.options.log(`${scope.indent}▸ ${name}`);
    try {
      const outputs = step.run !== undefined ? await runScript(step, name, scope) : await runUses(step, name, scope);
      record('success', outputs);
    } catch (error) {
      record('failure');
      scope.status.failed = true;
      throw error instanceof StepFailure ? error : new StepFailure(name, (error as Error).message);
    }
  }
}

/** Jobs in an order that runs each after the jobs it needs. */
function jobOrder(jobs: Record<string, JobYaml>): string[] {
  const order: string[] = [];
  const visit = (id: string, path: string[]) => {
    if (order.includes(id)) return;
    if (path.includes(id)) throw new Error(`jobs ${[...path, id].join(' → ')} need one another in a loop`);
    const needs = jobs[id]?.needs;
    for (const need of typeof needs === 'string' ? [needs] : (needs ?? [])) visit(need, [...path, id]);
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id, []);
  return order;
}

/** Runs every job of the workflow; the result of each, by id. */
export async function runWorkflow(options: WorkflowRunOptions): Promise<Record<string, JobResult>> {
  const workflow = parse(await readFile(options.workflow, 'utf8')) as { env?: Record<string, unknown>; jobs?: Record<string, JobYaml> };
  const jobs = workflow.jobs ?? {};
  const state = resolve(options.state);
  const runDir = join(state, 'runs', options.runId);
  await rm(runDir, { recursive: true, force: true });
  const results: Record<string, JobResult> = {};
  const token = options.env['GITHUB_TOKEN'] ?? '';
  for (const id of jobOrder(jobs)) {
    const job = jobs[id]!;
    const needs = typeof job.needs === 'string' ? [job.needs] : (job.needs ?? []);
    const workspace = join(runDir, 'work', id);
    await mkdir(workspace, { recursive: true });
    const github = {
      workspace,
      run_id: options.runId,
      run_attempt: '1',
      token,
      event_name: options.event.name,
      event: { ...options.event.payload, inputs: options.event.inputs ?? {} },
      repository: 'local/project',
      api_url: options.env['GITHUB_API_URL'] ?? '',
      graphql_url: options.env['GITHUB_GRAPHQL_URL'] ?? '',
      server_url: 'https://github.com',
    };
    const status: JobStatus = { failed: needs.some((need) => results[need]?.result !== 'success') };
    const contexts: Contexts = {
      github,
      inputs: options.event.inputs ?? {},
      needs: Object.fromEntries(needs.map((need) => [need, { result: results[need]?.result, outputs: results[need]?.outputs ?? {} }])),
      secrets: { GITHUB_TOKEN: token },
      runner: { os: 'Linux', arch: 'X64', temp: join(runDir, 'temp') },
      vars: {},
      env: { ...workflow.env, ...job.env },
    };
    if (!condition(job.if, contexts, status)) {
      options.log(`● ${id} (skipped)`);
      results[id] = { result: 'skipped', outputs: {} };
      continue;
    }
    options.log(`● ${id}`);
    const scope: Scope = {
      contexts,
      steps: {},
      status: { failed: false },
      standIn: { workspace, state, runDir, project: options.project, host: options.host, dependencies: options.dependencies, log: options.log },
      options,
      indent: '',
    };
    try {
      if (job.uses !== undefined) throw new StepFailure(id, 'reusable workflows are not supported here');
      await runSteps(job.steps ?? [], scope);
      results[id] = { result: 'success', outputs: evaluateMap(job.outputs, scope) };
    } catch (error) {
      const failure = error instanceof StepFailure ? error : new StepFailure(id, (error as Error).message);
      options.log(`${failure.step} failed: ${failure.detail}`);
      results[id] = { result: 'failure', outputs: {}, failed: { step: failure.step, detail: failure.detail } };
    }
  }
  return results;
}
