/**
 * Least privilege for the `GITHUB_TOKEN`: nothing at the top of the file, and each job asks for
 * what it needs. Without a top-level `permissions:`, every job gets the repository's default token
 * permissions, which on older repositories and many organisations is write access to everything.
 * https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token
 */
import { isMap, isScalar } from 'yaml';
import type { Node } from 'yaml';
import type { Violation } from './violation.ts';
import { jobsOf, pairOf } from './workflow-file.ts';
import type { WorkflowFile } from './workflow-file.ts';

const RULE = 'permissions';

function shorthand(file: WorkflowFile, value: Node | null, where: string): Violation | undefined {
  if (!isScalar(value)) return undefined;
  const text = String(value.value);
  if (text !== 'write-all' && text !== 'read-all') return undefined;
  return {
    file: file.path,
    line: file.lineOf(value),
    rule: RULE,
    message: `${where} has permissions: ${text}, which grants the token ${text === 'write-all' ? 'write' : 'read'} access to every scope`,
    fix: 'list only the scopes the job uses, e.g. permissions: { contents: read }',
  };
}

export function checkPermissions(file: WorkflowFile): Violation[] {
  const violations: Violation[] = [];
  const top = pairOf(file.doc.contents, 'permissions');
  if (!top) {
    violations.push({
      file: file.path,
      line: 1,
      rule: RULE,
      message: 'no top-level permissions, so every job gets the repository default token permissions (often write to everything)',
      fix: 'add `permissions: {}` at the top level and grant each job what it needs in its own permissions:',
    });
  } else {
    const problem = shorthand(file, top.value, 'the workflow');
    if (problem) violations.push(problem);
    else if (!isMap(top.value) || top.value.items.length > 0) {
      violations.push({
        file: file.path,
        line: file.lineOf(top),
        rule: RULE,
        message: 'top-level permissions grant scopes to every job, including jobs that do not need them',
        fix: 'set `permissions: {}` at the top level and move each grant into the permissions: of the job that uses it',
      });
    }
  }
  for (const { id, job } of jobsOf(file)) {
    const pair = pairOf(job, 'permissions');
    const problem = pair ? shorthand(file, pair.value, `job "${id}"`) : undefined;
    if (problem) violations.push(problem);
  }
  return violations;
}
