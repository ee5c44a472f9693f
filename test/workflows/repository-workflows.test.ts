/** Every workflow shipped with the template, and the action it publishes, passes the hardening rules (workflows: and actionlint). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkflow } from '../../src/workflow-rules/check-workflow.ts';
import { formatViolation } from '../../src/workflow-rules/violation.ts';
import { REPO_ROOT, WORKFLOWS_DIR } from './support/workflows.ts';

const files = readdirSync(WORKFLOWS_DIR).filter((name) => /\.ya?ml$/.test(name)).sort();
const ACTION = '.github/actions/roadmap/action.yml';

describe('the repository workflows', () => {
  it('are the three the docs describe', () => {
    expect(files).toEqual(['ci.yml', 'deploy.yml', 'notify.yml']);
  });

  it.each(files)('%s passes the workflow checker and actionlint', async (name) => {
    const text = readFileSync(join(WORKFLOWS_DIR, name), 'utf8');
    const violations = await checkWorkflow(`.github/workflows/${name}`, text);
    expect(violations.map(formatViolation)).toEqual([]);
  });

  it('publish the roadmap action, which passes the workflow checker', async () => {
    const violations = await checkWorkflow(ACTION, readFileSync(join(REPO_ROOT, ACTION), 'utf8'));
    expect(violations.map(formatViolation)).toEqual([]);
  });

  it('pin each action to one commit everywhere, so an update cannot leave two versions in use', () => {
    const pins = new Map<string, Set<string>>();
    for (const file of [...files.map((name) => join(WORKFLOWS_DIR, name)), join(REPO_ROOT, ACTION)]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/uses:\s*([\w.-]+\/[\w.-]+)(?:\/[\w./-]+)?@(\S+)/g)) {
        const [, action = '', ref = ''] = match;
        pins.set(action, (pins.get(action) ?? new Set()).add(ref));
      }
    }
    const mixed = [...pins].filter(([, refs]) => refs.size > 1).map(([action, refs]) => `${action}: ${[...refs].join(', ')}`);
    expect(mixed).toEqual([]);
    expect([...pins.keys()].sort()).toEqual(
      ['actions/cache', 'actions/checkout', 'actions/configure-pages', 'actions/deploy-pages', 'actions/setup-node', 'actions/upload-pages-artifact'].sort(),
    );
  });
});
