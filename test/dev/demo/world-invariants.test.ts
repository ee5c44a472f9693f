import { describe, expect, it } from 'vitest';
import { checkWorld } from '../../../scripts/dev/demo/check-world.ts';
import { generateWorld } from '../../../scripts/dev/demo/generate.ts';
import type { SimIssue, SimWorld } from '../../../scripts/dev/github-simulator/store-types.ts';
import { worldSchema } from '../../../scripts/dev/github-simulator/world-schema.ts';

const demo = generateWorld({ preset: 'demo', seed: 1 }).world;
const bench = generateWorld({ preset: 'bench', items: 2000, seed: 1 }).world;

function copyOfDemo(): SimWorld {
  return structuredClone(demo);
}

function closedIssue(world: SimWorld): SimIssue {
  const issue = world.repositories[0]?.issues.find((candidate) => candidate.state === 'CLOSED' && candidate.comments.length > 0);
  if (issue === undefined) throw new Error('the demo has no closed issue with comments');
  return issue;
}

describe('generated worlds keep every invariant', () => {
  it.each([
    ['demo', demo],
    ['bench (2,000 items)', bench],
  ])('the %s world matches the simulator schema and breaks no invariant', (_name, world) => {
    expect(worldSchema.safeParse(world).success).toBe(true);
    expect(checkWorld(world)).toEqual([]);
  });

  it('also holds for other seeds', () => {
    for (const seed of [2, 3, 99]) expect(checkWorld(generateWorld({ preset: 'demo', seed }).world)).toEqual([]);
  });
});

describe('the invariant checker notices broken worlds', () => {
  it('an account missing from users', () => {
    const world = copyOfDemo();
    closedIssue(world).author = 'nobody-knows-me';
    expect(checkWorld(world).join('\n')).toContain('unknown account "nobody-knows-me"');
  });

  it('a closed issue without closedAt, and one whose state disagrees with its timeline', () => {
    const world = copyOfDemo();
    const issue = closedIssue(world);
    issue.closedAt = null;
    expect(checkWorld(world).join('\n')).toContain(`#${issue.number}: closedAt null`);
    issue.state = 'OPEN';
    expect(checkWorld(world).join('\n')).toContain(`#${issue.number}: state OPEN but the timeline ends CLOSED`);
  });

  it('updatedAt older than a comment', () => {
    const world = copyOfDemo();
    const issue = closedIssue(world);
    issue.updatedAt = issue.createdAt;
    expect(checkWorld(world).join('\n')).toContain('updatedAt is older than a comment');
  });

  it('a comment id used twice', () => {
    const world = copyOfDemo();
    const issues = world.repositories[0]?.issues.filter((issue) => issue.comments.length > 0) ?? [];
    const [first, second] = issues;
    if (first?.comments[0] === undefined || second?.comments[0] === undefined) throw new Error('need two issues with comments');
    second.comments[0].id = first.comments[0].id;
    expect(checkWorld(world).join('\n')).toMatch(/comment id \d+ is used twice/);
  });

  it('a label or milestone that does not exist', () => {
    const world = copyOfDemo();
    const issue = closedIssue(world);
    issue.labels.push('status: imaginary');
    issue.milestone = 999;
    const report = checkWorld(world).join('\n');
    expect(report).toContain('label "status: imaginary" does not exist');
    expect(report).toContain('milestone 999 does not exist');
  });

  it('a time after the world\'s "now" or without second precision', () => {
    const world = copyOfDemo();
    const issue = closedIssue(world);
    const comment = issue.comments[0];
    if (comment === undefined) throw new Error('no comment');
    comment.createdAt = '2030-01-01T00:00:00Z';
    issue.createdAt = issue.createdAt.replace('Z', '.123Z');
    const report = checkWorld(world).join('\n');
    expect(report).toContain("is after the world's \"now\"");
    expect(report).toContain('is not a GitHub timestamp');
  });

  it('the same account reacting twice with the same emoji', () => {
    const world = copyOfDemo();
    const issue = world.repositories[0]?.issues.find((candidate) => candidate.reactions.some((reaction) => reaction.user !== null));
    const reaction = issue?.reactions.find((candidate) => candidate.user !== null);
    if (issue === undefined || reaction === undefined) throw new Error('no reaction');
    issue.reactions.push({ ...reaction });
    expect(checkWorld(world).join('\n')).toContain(`reacted ${reaction.content} twice`);
  });
});
