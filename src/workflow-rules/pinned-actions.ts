/**
 * Every action and reusable workflow is pinned to a full commit SHA, with the version it stands for
 * in a trailing comment. A tag or branch can be moved to other code after review (as happened to
 * tj-actions/changed-files in 2025); a full SHA cannot. The comment keeps the pin readable and lets
 * Dependabot update SHA and comment together.
 * https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions
 */
import { isScalar } from 'yaml';
import type { Node } from 'yaml';
import type { Violation } from './violation.ts';
import { jobsOf, pairOf, stepPlace, stepsOf } from './workflow-file.ts';
import type { WorkflowFile } from './workflow-file.ts';

const RULE = 'pinned-actions';
const FULL_SHA = /^[0-9a-f]{40}$/;
const DOCKER_DIGEST = /@sha256:[0-9a-f]{64}$/;
/** `# v5.0.0`, `#v4`, `# 1.2.3`, `# v2.1.0-beta.1`. */
const VERSION_COMMENT = /^\s*v?\d+(?:\.\d+)*(?:[-+][\w.]+)?\b/;

function checkReference(file: WorkflowFile, node: Node | null, where: string): Violation[] {
  if (!isScalar(node)) return [];
  const reference = String(node.value).trim();
  const line = file.lineOf(node);
  const at = (message: string, fix: string): Violation[] => [{ file: file.path, line, rule: RULE, message, fix }];
  // Actions from this repository are reviewed with the workflow itself.
  if (reference.startsWith('./')) return [];
  if (reference.startsWith('docker://')) {
    return DOCKER_DIGEST.test(reference)
      ? []
      : at(`${where} uses the image ${reference} by tag, which can be replaced`, 'pin it by digest: docker://image@sha256:<64 hex digits>');
  }
  const separator = reference.lastIndexOf('@');
  const name = separator === -1 ? reference : reference.slice(0, separator);
  const ref = separator === -1 ? '' : reference.slice(separator + 1);
  if (!FULL_SHA.test(ref)) {
    const shown = ref === '' ? 'no version' : `"${ref}", a ${/^[0-9a-f]{7,39}$/.test(ref) ? 'short SHA' : 'tag or branch'} that can be moved to other code`;
    return at(
      `${where} uses ${name} at ${shown}`,
      `pin it to the full 40-character commit SHA of a release with the version as a comment: uses: ${name}@<sha> # v1.2.3`,
    );
  }
  if (!VERSION_COMMENT.test(node.comment ?? '')) {
    return at(
      `${where} pins ${name} to a SHA without saying which version it is`,
      `add the release it points to as a trailing comment: uses: ${name}@${ref} # v1.2.3`,
    );
  }
  return [];
}

export function checkPinnedActions(file: WorkflowFile): Violation[] {
  const violations: Violation[] = [];
  for (const { id, job } of jobsOf(file)) {
    const uses = pairOf(job, 'uses');
    if (uses) violations.push(...checkReference(file, uses.value, `job "${id}"`));
  }
  for (const step of stepsOf(file)) {
    const uses = pairOf(step.step, 'uses');
    if (uses) violations.push(...checkReference(file, uses.value, stepPlace(step)));
  }
  return violations;
}
