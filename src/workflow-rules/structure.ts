/**
 * The shape every other rule relies on: valid YAML, the top-level keys GitHub knows, jobs that say
 * where they run, steps that do something, and `needs:` that name real jobs. actionlint checks far
 * more; this keeps the report meaningful when a file is too broken for it.
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Violation } from './violation.ts';
import { checkActionStructure } from './action-structure.ts';
import { isActionFile, jobsOf, pairOf, stepPlace, stepsOf, valueOf } from './workflow-file.ts';
import type { WorkflowFile } from './workflow-file.ts';

const RULE = 'structure';
const TOP_LEVEL_KEYS = ['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs'];

export function checkStructure(file: WorkflowFile): Violation[] {
  const violations: Violation[] = [];
  const report = (line: number, message: string, fix: string) => violations.push({ file: file.path, line, rule: RULE, message, fix });

  for (const error of file.doc.errors) {
    report(file.lineAt(error.pos[0]), `the file is not valid YAML: ${error.message.split('\n')[0] ?? error.code}`, 'fix the YAML syntax at this line');
  }
  if (file.doc.errors.length > 0) return violations;

  const root = file.doc.contents;
  if (!isMap(root)) {
    report(1, 'the file is not a mapping of workflow keys', 'start it with name:, on:, permissions: and jobs:');
    return violations;
  }
  if (isActionFile(file)) return [...violations, ...checkActionStructure(file), ...checkStepShapes(file)];
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TOP_LEVEL_KEYS.includes(key)) {
      report(file.lineOf(pair), `"${key}" is not a workflow key`, `use one of ${TOP_LEVEL_KEYS.join(', ')}`);
    }
  }
  if (!pairOf(root, 'on')) report(1, 'the workflow has no on: triggers, so it never runs', 'add on: with the events that should run it');
  const jobs = pairOf(root, 'jobs');
  if (!jobs || !isMap(jobs.value) || jobs.value.items.length === 0) {
    report(file.lineOf(jobs ?? null), 'the workflow has no jobs', 'add jobs: with at least one job');
    return violations;
  }

  const ids = new Set(jobsOf(file).map(({ id }) => id));
  for (const pair of jobs.value.items) {
    if (!isMap(pair.value)) {
      report(file.lineOf(pair), `job "${String(isScalar(pair.key) ? pair.key.value : '')}" is not a mapping`, 'give it runs-on: and steps:');
    }
  }
  for (const { id, pair, job } of jobsOf(file)) {
    const calls = pairOf(job, 'uses');
    if (!calls && !pairOf(job, 'runs-on')) report(file.lineOf(pair), `job "${id}" has no runs-on:`, 'add runs-on: ubuntu-24.04 (or the label of your runner)');
    if (!calls && !isSeq(valueOf(job, 'steps'))) report(file.lineOf(pair), `job "${id}" has no steps:`, 'add steps: with at least one step');
    const needs = pairOf(job, 'needs');
    const needed = isScalar(needs?.value) ? [needs.value] : isSeq(needs?.value) ? needs.value.items : [];
    for (const need of needed) {
      const name = isScalar(need) ? String(need.value) : '';
      if (!ids.has(name)) report(file.lineOf(isScalar(need) ? need : needs), `job "${id}" needs "${name}", which is not a job in this file`, `use one of: ${[...ids].join(', ')}`);
    }
  }
  return [...violations, ...checkStepShapes(file)];
}

/** Each step, of a job or of a composite action, either uses an action or runs a script. */
function checkStepShapes(file: WorkflowFile): Violation[] {
  const violations: Violation[] = [];
  for (const step of stepsOf(file)) {
    const uses = pairOf(step.step, 'uses');
    const run = pairOf(step.step, 'run');
    if (Boolean(uses) === Boolean(run)) {
      violations.push({
        file: file.path,
        line: file.lineOf(step.step),
        rule: RULE,
        message: `${stepPlace(step)} ${uses ? 'has both uses: and run:' : 'has neither uses: nor run:'}`,
        fix: 'give each step exactly one of uses: (an action) or run: (a script)',
      });
    }
  }
  return violations;
}
