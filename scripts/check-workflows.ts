/**
 * Checks GitHub Actions workflows, and the actions this repository publishes, against this
 * project's hardening rules and actionlint (workflows only).
 *
 *   node scripts/check-workflows.ts                 every workflow, and each action.yml under .github/actions/
 *   node scripts/check-workflows.ts a.yml b.yml     just those files
 *   node scripts/check-workflows.ts --no-actionlint only the hardening rules
 *
 * Prints one line per problem, `file:line: what is wrong — how to fix [rule]`, and exits 1 when
 * there is any, 2 when a file cannot be read.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkflow } from '../src/workflow-rules/check-workflow.ts';
import { formatViolation } from '../src/workflow-rules/violation.ts';
import type { Violation } from '../src/workflow-rules/violation.ts';

const WORKFLOWS_DIR = fileURLToPath(new URL('../.github/workflows/', import.meta.url));
const ACTIONS_DIR = fileURLToPath(new URL('../.github/actions/', import.meta.url));

async function defaultFiles(): Promise<string[]> {
  const names = await readdir(WORKFLOWS_DIR);
  const workflows = names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(WORKFLOWS_DIR, name));
  const actions = (await readdir(ACTIONS_DIR, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(ACTIONS_DIR, entry.name, 'action.yml'))
    .filter((file) => existsSync(file))
    .sort();
  return [...workflows, ...actions];
}

async function main(argv: string[]): Promise<number> {
  const actionlint = !argv.includes('--no-actionlint');
  const named = argv.filter((arg) => !arg.startsWith('--'));
  const files = named.length > 0 ? named.map((file) => resolve(file)) : await defaultFiles();
  if (files.length === 0) {
    console.error(`check-workflows: no workflow files in ${relative(process.cwd(), WORKFLOWS_DIR) || '.'}`);
    return 2;
  }
  const violations: Violation[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      console.error(`check-workflows: cannot read ${shown}: ${(error as Error).message}`);
      return 2;
    }
    violations.push(...(await checkWorkflow(shown, text, { actionlint })));
  }
  for (const violation of violations) console.log(formatViolation(violation));
  const summary = `${files.length} workflow file${files.length === 1 ? '' : 's'} checked${actionlint ? ' (rules + actionlint)' : ''}`;
  if (violations.length > 0) {
    console.log(`\n${violations.length} problem${violations.length === 1 ? '' : 's'} in ${summary}`);
    return 1;
  }
  console.log(`No problems in ${summary}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
