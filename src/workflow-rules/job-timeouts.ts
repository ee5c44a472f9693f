/**
 * A job without `timeout-minutes` that hangs (a stuck network call, a browser that never exits)
 * holds its runner, and for the deploy and notify workflows also their concurrency group, for the
 * default 360 minutes.
 * https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idtimeout-minutes
 */
import type { Violation } from './violation.ts';
import { jobsOf, pairOf } from './workflow-file.ts';
import type { WorkflowFile } from './workflow-file.ts';

export function checkJobTimeouts(file: WorkflowFile): Violation[] {
  const violations: Violation[] = [];
  for (const { id, pair, job } of jobsOf(file)) {
    // A job that calls a reusable workflow cannot set a timeout; the called jobs do.
    if (pairOf(job, 'uses')) continue;
    if (pairOf(job, 'timeout-minutes')) continue;
    violations.push({
      file: file.path,
      line: file.lineOf(pair),
      rule: 'job-timeout',
      message: `job "${id}" has no timeout-minutes, so a hung step keeps it running for 6 hours`,
      fix: 'add timeout-minutes: with a bound a little above its usual duration, e.g. timeout-minutes: 15',
    });
  }
  return violations;
}
