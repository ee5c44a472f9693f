/**
 * actions/checkout stores the job's token in the checked-out repository's git config unless told
 * not to; every later step (and anything it installs) can then read it from disk, and
 * upload-artifact steps have leaked it that way. Only a checkout that a later step pushes from
 * should keep it, and it should say why.
 * https://github.com/actions/checkout#usage (persist-credentials)
 */
import { isScalar } from 'yaml';
import type { Violation } from './violation.ts';
import { pairOf, stepPlace, stepsOf, stringOf, valueOf } from './workflow-file.ts';
import type { WorkflowFile } from './workflow-file.ts';

const RULE = 'checkout-credentials';

export function checkCheckoutCredentials(file: WorkflowFile): Violation[] {
  const violations: Violation[] = [];
  for (const step of stepsOf(file)) {
    const uses = stringOf(step.step, 'uses');
    if (uses === undefined || !/^actions\/checkout@/.test(uses.trim())) continue;
    const setting = pairOf(valueOf(step.step, 'with'), 'persist-credentials');
    const where = stepPlace(step);
    if (!setting) {
      violations.push({
        file: file.path,
        line: file.lineOf(pairOf(step.step, 'uses')),
        rule: RULE,
        message: `${where} checks out with the token saved in .git/config, readable by every later step`,
        fix: 'add `with: { persist-credentials: false }`, or `persist-credentials: true # <why>` when a later step pushes',
      });
      continue;
    }
    const value = setting.value;
    const kept = isScalar(value) && String(value.value) !== 'false';
    if (kept && (!isScalar(value) || !value.comment?.trim())) {
      violations.push({
        file: file.path,
        line: file.lineOf(setting),
        rule: RULE,
        message: `${where} keeps the token in .git/config without saying which step needs it`,
        fix: 'set persist-credentials: false, or explain on the same line: persist-credentials: true # pushes the ledger',
      });
    }
  }
  return violations;
}
