/** Every rule, run over one workflow or action metadata file; actionlint's findings are merged into a workflow's. */
import { runActionlint } from './actionlint.ts';
import { checkCheckoutCredentials } from './checkout-credentials.ts';
import { checkForbiddenTriggers } from './forbidden-triggers.ts';
import { checkJobTimeouts } from './job-timeouts.ts';
import { checkPermissions } from './permissions.ts';
import { checkPinnedActions } from './pinned-actions.ts';
import { checkStructure } from './structure.ts';
import { checkUntrustedExpressions } from './untrusted-expressions.ts';
import { byPosition } from './violation.ts';
import type { Violation } from './violation.ts';
import { isActionFile, parseWorkflow } from './workflow-file.ts';
import type { WorkflowFile } from './workflow-file.ts';

/** The rules that apply to an action's metadata too: it has steps but no jobs, triggers or token of its own. */
const ACTION_RULES: ReadonlyArray<(file: WorkflowFile) => Violation[]> = [checkPinnedActions, checkCheckoutCredentials, checkUntrustedExpressions];

/** The hardening rules; `checkStructure` runs first and on its own, see below. */
export const RULES: ReadonlyArray<(file: WorkflowFile) => Violation[]> = [
  checkPermissions,
  checkForbiddenTriggers,
  checkJobTimeouts,
  checkPinnedActions,
  checkCheckoutCredentials,
  checkUntrustedExpressions,
];

export interface CheckOptions {
  /** Also run actionlint (default true). */
  actionlint?: boolean;
}

export async function checkWorkflow(path: string, text: string, options: CheckOptions = {}): Promise<Violation[]> {
  const file = parseWorkflow(path, text);
  const structure = checkStructure(file);
  // The other rules assume the basic shape; on a broken file their findings would only be noise.
  const action = isActionFile(file);
  const own = structure.some((violation) => violation.message.startsWith('the file is not'))
    ? structure
    : [...structure, ...(action ? ACTION_RULES : RULES).flatMap((rule) => rule(file))];
  // actionlint checks workflows; an action's metadata is checked where a workflow uses it.
  const linted = options.actionlint === false || action ? [] : await runActionlint(path, text);
  // Both flag untrusted input in scripts; keep ours, which says how to fix it.
  const injectionLines = new Set(own.filter((violation) => violation.rule === 'untrusted-expression').map((violation) => violation.line));
  const extra = linted.filter((violation) => !(violation.message.includes('potentially untrusted') && injectionLines.has(violation.line)));
  return [...own, ...extra].sort(byPosition);
}
