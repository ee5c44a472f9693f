/**
 * The shape of an action's metadata file (`action.yml`): the keys GitHub reads, a name and a
 * description (both required), what it runs, and for a composite action a `shell:` on every
 * `run:` step, which composite actions must name.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/metadata-syntax
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Violation } from './violation.ts';
import { pairOf, stepPlace, stepsOf, stringOf, valueOf } from './workflow-file.ts';
import type { WorkflowFile } from './workflow-file.ts';

const RULE = 'structure';
const ACTION_KEYS = ['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding'];
const RUNNERS = ['composite', 'node20', 'node24', 'docker'];

export function checkActionStructure(file: WorkflowFile): Violation[] {
  const violations: Violation[] = [];
  const report = (line: number, message: string, fix: string) => violations.push({ file: file.path, line, rule: RULE, message, fix });
  const root = file.doc.contents;
  if (!isMap(root)) return violations;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!ACTION_KEYS.includes(key)) report(file.lineOf(pair), `"${key}" is not an action metadata key`, `use one of ${ACTION_KEYS.join(', ')}`);
  }
  for (const key of ['name', 'description']) {
    if (stringOf(root, key) === undefined) report(1, `the action has no ${key}:`, `add ${key}: at the top; GitHub requires it`);
  }
  const runs = pairOf(root, 'runs');
  const using = stringOf(runs?.value, 'using');
  if (using === undefined || !RUNNERS.includes(using)) {
    report(file.lineOf(runs ?? null), `runs.using is ${using === undefined ? 'missing' : `"${using}"`}`, `set it to one of ${RUNNERS.join(', ')}`);
    return violations;
  }
  if (using !== 'composite') return violations;
  if (!isSeq(valueOf(runs?.value, 'steps'))) report(file.lineOf(runs ?? null), 'the composite action has no steps:', 'add runs.steps with at least one step');
  for (const step of stepsOf(file)) {
    if (pairOf(step.step, 'run') && !pairOf(step.step, 'shell')) {
      report(file.lineOf(step.step), `${stepPlace(step)} runs a script without shell:`, 'add shell: bash; a composite action must name the shell of each run: step');
    }
  }
  return violations;
}
