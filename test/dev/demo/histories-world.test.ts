/**
 * The `histories` preset: the demo world plus the histories real projects accumulate. Each one
 * is checked in the raw data, as GitHub would show it, for several seeds.
 */
import { describe, expect, it } from 'vitest';
import { checkWorld } from '../../../scripts/dev/demo/check-world.ts';
import { RELEASES } from '../../../scripts/dev/demo/demo-project.ts';
import { generateWorld } from '../../../scripts/dev/demo/generate.ts';
import type { HistoryKind } from '../../../scripts/dev/demo/demo-histories.ts';
import { worldJsonChunks } from '../../../scripts/dev/demo/write-world.ts';
import type { SimIssue, SimRepository, SimTimelineEvent, SimWorld } from '../../../scripts/dev/github-simulator/store-types.ts';
import { worldSchema } from '../../../scripts/dev/github-simulator/world-schema.ts';

const SEEDS = [1, 2, 5, 8];
const published = (tag: string): string => new Date(RELEASES.find((release) => release.tag === tag)?.publishedAt ?? 0).toISOString().replace('.000Z', 'Z');

function repositoryOf(world: SimWorld, fullName: string): SimRepository {
  const found = world.repositories.find((repository) => `${repository.owner}/${repository.name}` === fullName);
  if (found === undefined) throw new Error(`no ${fullName}`);
  return found;
}

function historiesOf(seed: number): { world: SimWorld; issue: (kind: HistoryKind) => SimIssue[]; shippedIn: (issue: SimIssue) => string | null } {
  const { world, truth } = generateWorld({ preset: 'histories', seed });
  return {
    world,
    issue: (kind) =>
      truth.histories
        .filter((entry) => entry.kind === kind)
        .map((entry) => repositoryOf(world, entry.ref.repository).issues.find((candidate) => candidate.number === entry.ref.number) as SimIssue),
    shippedIn: (issue) => truth.shipped.find((entry) => entry.ref.number === issue.number && entry.ref.repository === 'lumen-dev/lumen')?.release ?? null,
  };
}

const kinds = (issue: SimIssue): string[] => issue.events.filter((event) => event.kind !== 'labeled').map((event) => event.kind);
type Closed = Extract<SimTimelineEvent, { kind: 'closed' }>;
const closes = (issue: SimIssue): Closed[] => issue.events.filter((event): event is Closed => event.kind === 'closed');

describe.each(SEEDS)('the histories world of seed %i', (seed) => {
  const { world, issue, shippedIn } = historiesOf(seed);

  it('is a sound world, and the demo world of the same seed with items added', () => {
    expect(worldSchema.safeParse(world).success).toBe(true);
    expect(checkWorld(world)).toEqual([]);
    const demo = generateWorld({ preset: 'demo', seed }).world;
    for (const [index, repository] of demo.repositories.entries()) {
      const numbers = new Set(repository.issues.map((candidate) => candidate.number));
      expect(world.repositories[index]?.issues.filter((candidate) => numbers.has(candidate.number))).toEqual(repository.issues);
    }
  });

  it('has a request shipped, reopened, and shipped again by another pull request after a later release', () => {
    const [request] = issue('reshipped-after-reopen') as [SimIssue];
    expect(kinds(request)).toEqual(['closed', 'reopened', 'closed']);
    const [first, last] = closes(request) as [Closed, Closed];
    expect(first.closer).not.toBeNull();
    expect(last.closer).not.toBeNull();
    expect(last.closer?.number).not.toBe(first.closer?.number);
    const release = shippedIn(request) as string;
    const between = RELEASES.filter((entry) => published(entry.tag) > first.createdAt && published(entry.tag) < last.createdAt);
    expect(between.length).toBeGreaterThanOrEqual(1);
    expect(last.createdAt < published(release)).toBe(true);
    expect(request.state).toBe('CLOSED');
  });

  it('has a request closed as not planned, reopened, then completed by a pull request', () => {
    const [request] = issue('not-planned-then-completed') as [SimIssue];
    expect(kinds(request)).toEqual(['closed', 'reopened', 'closed']);
    expect(closes(request).map((close) => [close.stateReason, close.closer !== null])).toEqual([
      ['NOT_PLANNED', false],
      ['COMPLETED', true],
    ]);
  });

  it('has a request reopened after it shipped, and left open', () => {
    const [request] = issue('reopened-after-shipping') as [SimIssue];
    expect(kinds(request)).toEqual(['closed', 'reopened']);
    const reopened = request.events.find((event) => event.kind === 'reopened')?.createdAt ?? '';
    expect(RELEASES.some((entry) => published(entry.tag) > (closes(request)[0]?.createdAt ?? '') && published(entry.tag) < reopened)).toBe(true);
    expect([request.state, request.stateReason, shippedIn(request)]).toEqual(['OPEN', 'REOPENED', null]);
  });

  it('has a request closed in a milestone more than a release after that milestone’s release', () => {
    const [request] = issue('closed-in-milestone-after-release') as [SimIssue];
    const main = repositoryOf(world, 'lumen-dev/lumen');
    const milestone = main.milestones.find((candidate) => candidate.number === request.milestone)?.title ?? '';
    const later = RELEASES.filter((entry) => !entry.prerelease && published(entry.tag) > published(milestone));
    expect(later.length).toBeGreaterThanOrEqual(1);
    expect((request.closedAt ?? '') > published(later[0]?.tag ?? '')).toBe(true);
    expect(shippedIn(request)).toBeNull();
  });

  it('has requests moved from one milestone to a later one while open', () => {
    for (const kind of ['milestone-moved', 'milestone-moved-still-open'] as const) {
      const [request] = issue(kind) as [SimIssue];
      const moves = request.events.filter((event) => event.kind === 'milestoned' || event.kind === 'demilestoned');
      expect(moves.map((event) => event.kind), kind).toEqual(['milestoned', 'demilestoned', 'milestoned']);
      const main = repositoryOf(world, 'lumen-dev/lumen');
      expect(main.milestones.find((candidate) => candidate.number === request.milestone)?.title, kind).toBe((moves[2] as { milestoneTitle: string }).milestoneTitle);
    }
    expect(issue('milestone-moved-still-open')[0]?.state).toBe('OPEN');
  });

  it('has status labels left on closed requests, one added after the close, and several status labels on open ones', () => {
    const [shippedLeftOn, declinedLeftOn] = issue('status-label-left-on-closed') as [SimIssue, SimIssue];
    expect([shippedLeftOn.state, shippedLeftOn.stateReason, shippedLeftOn.labels.includes('status: in progress')]).toEqual(['CLOSED', 'COMPLETED', true]);
    expect([declinedLeftOn.state, declinedLeftOn.stateReason, declinedLeftOn.labels.includes('status: planned')]).toEqual(['CLOSED', 'NOT_PLANNED', true]);
    const [relabelled] = issue('status-label-added-after-close') as [SimIssue];
    const close = relabelled.events.findLast((event) => event.kind === 'closed');
    const declined = relabelled.events.findLast((event) => event.kind === 'labeled' && event.label === 'status: declined');
    expect([relabelled.state, relabelled.stateReason]).toEqual(['CLOSED', 'COMPLETED']);
    expect((declined?.createdAt ?? '') >= (close?.createdAt ?? '~')).toBe(true);
    const piled = issue('several-status-labels');
    expect(piled).toHaveLength(2);
    for (const request of piled) expect(request.labels.filter((label) => label.startsWith('status: ')).length).toBeGreaterThanOrEqual(2);
  });

  it('has a renamed request whose title is the last rename’s', () => {
    const [request] = issue('renamed') as [SimIssue];
    const renames = request.events.filter((event) => event.kind === 'renamed');
    expect(renames.length).toBeGreaterThanOrEqual(1);
    expect(request.title).toBe(renames.at(-1)?.currentTitle);
  });

  it('has a request transferred from the docs repository, whose old number there is free', () => {
    const [request] = issue('transferred') as [SimIssue];
    const transfer = request.events.find((event) => event.kind === 'transferred');
    expect(transfer?.from.repository).toBe('lumen-dev/lumen-docs');
    const docs = repositoryOf(world, 'lumen-dev/lumen-docs');
    expect([...docs.issues, ...docs.discussions, ...docs.pullRequests].some((item) => item.number === transfer?.from.number)).toBe(false);
  });

  it('has a request closed as a duplicate and reopened, label and comment left behind', () => {
    const [request] = issue('duplicate-reopened') as [SimIssue];
    expect(kinds(request)).toEqual(['marked_as_duplicate', 'closed', 'reopened']);
    expect(request.labels).toContain('duplicate');
    expect(request.comments.some((comment) => comment.body.startsWith('Duplicate of #'))).toBe(true);
  });
});

it('gives byte-identical histories worlds for the same seed, and other ones for other seeds', () => {
  const serialise = (seed: number): string => [...worldJsonChunks(generateWorld({ preset: 'histories', seed }).world)].join('');
  expect(serialise(4)).toBe(serialise(4));
  expect(serialise(4)).not.toBe(serialise(5));
});
