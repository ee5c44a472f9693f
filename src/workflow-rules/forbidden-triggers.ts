/**
 * `pull_request_target` runs with a write token and secrets in the context of the base repository
 * while being triggered by anyone who opens a pull request from a fork; checking out or building
 * the fork's code there hands them both ("pwn request").
 * https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import type { Violation } from './violation.ts';
import { pairOf } from './workflow-file.ts';
import type { WorkflowFile } from './workflow-file.ts';

const FORBIDDEN: Record<string, string> = {
  pull_request_target:
    'use on: pull_request, which runs fork code with a read-only token and no secrets; do privileged follow-up work in a separate workflow',
};

export function checkForbiddenTriggers(file: WorkflowFile): Violation[] {
  const on = pairOf(file.doc.contents, 'on');
  if (!on) return [];
  const triggers: Node[] = [];
  if (isScalar(on.value)) triggers.push(on.value);
  else if (isSeq(on.value)) triggers.push(...on.value.items.filter((item): item is Node => isScalar(item)));
  else if (isMap(on.value)) triggers.push(...on.value.items.map((pair) => pair.key as Node));
  const violations: Violation[] = [];
  for (const trigger of triggers) {
    const name = isScalar(trigger) ? String(trigger.value) : '';
    const fix = FORBIDDEN[name];
    if (fix === undefined) continue;
    violations.push({
      file: file.path,
      line: file.lineOf(trigger),
      rule: 'forbidden-trigger',
      message: `the workflow runs on ${name}, which gives code from forks a write token and the repository secrets`,
      fix,
    });
  }
  return violations;
}
