/**
 * The local workflow runner's reading of GitHub's rules: an `if:` without a status function runs
 * only while every step before succeeded, and $GITHUB_OUTPUT takes both of GitHub's forms.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/expressions#status-check-functions
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-output-parameter
 */
import { describe, expect, it } from 'vitest';
import { condition, interpolate } from '../../scripts/dev/local-runner/expressions.ts';
import { parseOutputFile } from '../../scripts/dev/local-runner/run-workflow.ts';

const contexts = { steps: { sync: { outputs: { paused: 'true' } } }, inputs: { full: true }, github: { run_id: '7' } };

describe('the local runner', () => {
  it.each([
    { written: undefined, failed: false, runs: true },
    { written: undefined, failed: true, runs: false },
    { written: "steps.sync.outputs.paused != 'true'", failed: false, runs: false },
    { written: "${{ steps.sync.outputs.paused == 'true' }}", failed: false, runs: true },
    { written: 'inputs.full == true', failed: true, runs: false },
    { written: 'always() && inputs.full', failed: true, runs: true },
    { written: 'failure()', failed: true, runs: true },
  ])('if: $written after a failure: $failed → runs: $runs', ({ written, failed, runs }) => {
    expect(condition(written, contexts, { failed })).toBe(runs);
  });

  it('puts values into templates as GitHub writes them', () => {
    expect(interpolate('roadmap-${{ github.run_id }}-${{ inputs.full }}-${{ steps.none.outputs.x }}.', contexts)).toBe('roadmap-7-true-.');
  });

  it('reads name=value lines and name<<DELIMITER blocks from $GITHUB_OUTPUT', () => {
    expect(parseOutputFile('paused=true\nnotes<<EOF\nline one\nline=two\nEOF\nurl=a=b\n')).toEqual({ paused: 'true', notes: 'line one\nline=two', url: 'a=b' });
  });
});
