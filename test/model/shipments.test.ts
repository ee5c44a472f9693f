/**
 * Which release shipped a request, from its history. Each case is an issue's timeline written as
 * GitHub would record it, and the release each request shipped in is worked out by hand from that
 * history (comments say how), never by asking the code.
 */
import { describe, expect, it } from 'vitest';
import { itemKey } from '../../src/model/item-key.ts';
import { releaseId, shipReleases, shipRequests, type ShipmentContext, type ShipmentGroup } from '../../src/model/shipments.ts';
import type { Item, ItemEvent, PullRequestRef, Release } from '../../src/snapshot/schema.ts';
import { discussion, DOCS, issue, MAIN, release } from '../helpers/snapshot-builders.ts';

const MILESTONES: Record<number, string> = { 1: 'v1.2.0', 2: 'v1.3.0' };

const v120 = release({ tagName: 'v1.2.0', publishedAt: '2025-02-15T00:00:00Z' });
const v130 = release({ tagName: 'v1.3.0', publishedAt: '2025-03-15T00:00:00Z' });
const beta1 = release({ tagName: 'v2.0.0-beta.1', publishedAt: '2025-04-10T00:00:00Z', isPrerelease: true });
const beta2 = release({ tagName: 'v2.0.0-beta.2', publishedAt: '2025-04-20T00:00:00Z', isPrerelease: true });
const v200 = release({ tagName: 'v2.0.0', publishedAt: '2025-05-01T00:00:00Z' });
const v210 = release({ tagName: 'v2.1.0', publishedAt: '2025-08-01T00:00:00Z' });
const STABLE = [v120, v130, v200];

function mergedPr(number: number, mergedAt: string, repository = MAIN): PullRequestRef {
  return { repository, number, title: `PR ${number}`, url: `https://github.com/${repository}/pull/${number}`, merged: true, mergedAt, mergeCommit: null };
}

type Step =
  | { closed: string; reason?: 'COMPLETED' | 'NOT_PLANNED' | 'DUPLICATE'; by?: PullRequestRef }
  | { reopened: string }
  | { milestoned: string; title: string }
  | { demilestoned: string; title: string };

/**
 * An issue whose timeline is `steps`, with the fields GitHub derives from it: open or closed as the
 * last close or reopen left it, the milestone it is in at the end, the pull requests that closed it.
 */
function history(number: number, steps: readonly Step[], fields: Partial<Omit<Item & { type: 'issue' }, 'type'>> = {}): Item {
  const events: ItemEvent[] = steps.map((step): ItemEvent => {
    if ('closed' in step) return { kind: 'closed', createdAt: step.closed, actor: 'maintainer', stateReason: step.reason ?? 'COMPLETED', closer: step.by ?? null };
    if ('reopened' in step) return { kind: 'reopened', createdAt: step.reopened, actor: 'maintainer' };
    if ('milestoned' in step) return { kind: 'milestoned', createdAt: step.milestoned, actor: 'maintainer', milestoneTitle: step.title };
    return { kind: 'demilestoned', createdAt: step.demilestoned, actor: 'maintainer', milestoneTitle: step.title };
  });
  const lastState = steps.filter((step) => 'closed' in step || 'reopened' in step).at(-1);
  const lastMilestone = steps.filter((step) => 'milestoned' in step || 'demilestoned' in step).at(-1);
  const milestoneNumber =
    lastMilestone && 'milestoned' in lastMilestone
      ? Number(Object.entries(MILESTONES).find(([, title]) => title === lastMilestone.title)?.[0])
      : null;
  const closedBy = steps.flatMap((step) => ('closed' in step && step.by ? [step.by] : []));
  return issue({
    number,
    events,
    state: lastState && 'closed' in lastState ? 'CLOSED' : 'OPEN',
    stateReason: lastState === undefined ? null : 'closed' in lastState ? (lastState.reason ?? 'COMPLETED') : 'REOPENED',
    closedAt: lastState && 'closed' in lastState ? lastState.closed : null,
    milestone: milestoneNumber,
    closingPullRequests: closedBy,
    ...fields,
  });
}

function contextFor(groups: readonly ShipmentGroup[]): ShipmentContext {
  const canonical = new Map(groups.flatMap((group) => group.items.map((item) => [itemKey(item), group.key] as const)));
  return {
    milestoneTitle: (repository, number) => (repository === MAIN ? (MILESTONES[number] ?? null) : null),
    canonicalKeyOf: (ref) => canonical.get(itemKey(ref)) ?? null,
  };
}

/** One request: the canonical item first, then its duplicates. */
function shippedIn(releases: readonly Release[], ...items: Item[]): { first: string | null; stable: string | null } {
  const groups = [{ key: itemKey(items[0] as Item), items }];
  const shipment = shipRequests(releases, groups, contextFor(groups)).get(groups[0]!.key);
  return { first: shipment?.first.tagName ?? null, stable: shipment?.firstStable?.tagName ?? null };
}

interface Case {
  history: string;
  releases: readonly Release[];
  items: Item[];
  first: string | null;
  stable: string | null;
}

const CASES: Case[] = [
  {
    // Open at v1.2.0 and v1.3.0 (reopened an hour after the first merge); closed for good on
    // March 20 by #101, so the first release after that is the one.
    history: 'closed by a pull request, reopened an hour later, closed by another pull request after v1.3.0',
    releases: STABLE,
    items: [
      history(1, [
        { closed: '2025-02-01T10:00:00Z', by: mergedPr(100, '2025-02-01T10:00:00Z') },
        { reopened: '2025-02-01T11:00:00Z' },
        { closed: '2025-03-20T09:00:00Z', by: mergedPr(101, '2025-03-20T09:00:00Z') },
      ]),
    ],
    first: 'v2.0.0',
    stable: 'v2.0.0',
  },
  {
    // Declined before v1.2.0, so v1.2.0 cannot have it; completed by #102 on March 10, before v1.3.0.
    history: 'closed as not planned, reopened, then completed by a pull request',
    releases: STABLE,
    items: [
      history(2, [
        { closed: '2025-01-20T00:00:00Z', reason: 'NOT_PLANNED' },
        { reopened: '2025-03-01T00:00:00Z' },
        { closed: '2025-03-10T00:00:00Z', by: mergedPr(102, '2025-03-10T00:00:00Z') },
      ]),
    ],
    first: 'v1.3.0',
    stable: 'v1.3.0',
  },
  {
    history: 'closed as not planned in the milestone of a release',
    releases: STABLE,
    items: [history(3, [{ milestoned: '2025-01-05T00:00:00Z', title: 'v1.2.0' }, { closed: '2025-02-01T00:00:00Z', reason: 'NOT_PLANNED' }])],
    first: null,
    stable: null,
  },
  {
    // Still open when v1.2.0 came out; moved to v1.3.0 and closed (by hand) before v1.3.0 was published.
    history: 'milestone moved to a later release, then closed',
    releases: STABLE,
    items: [
      history(4, [
        { milestoned: '2025-01-05T00:00:00Z', title: 'v1.2.0' },
        { demilestoned: '2025-02-20T00:00:00Z', title: 'v1.2.0' },
        { milestoned: '2025-02-20T00:00:00Z', title: 'v1.3.0' },
        { closed: '2025-03-10T00:00:00Z' },
      ]),
    ],
    first: 'v1.3.0',
    stable: 'v1.3.0',
  },
  {
    // Closed in v1.2.0's milestone on February 10, but moved to v1.3.0 on the 12th, before v1.2.0
    // was published: at v1.2.0 it was in v1.3.0's milestone; at v1.3.0, closed and in it.
    history: 'closed in a milestone, moved to the next one before the release',
    releases: STABLE,
    items: [
      history(5, [
        { milestoned: '2025-01-05T00:00:00Z', title: 'v1.2.0' },
        { closed: '2025-02-10T00:00:00Z' },
        { demilestoned: '2025-02-12T00:00:00Z', title: 'v1.2.0' },
        { milestoned: '2025-02-12T00:00:00Z', title: 'v1.3.0' },
      ]),
    ],
    first: 'v1.3.0',
    stable: 'v1.3.0',
  },
  {
    // v1.3.0 was published on March 15; the issue was closed in its milestone four months later.
    history: 'closed by hand in the milestone "v1.3.0" four months after v1.3.0',
    releases: [...STABLE, v210],
    items: [history(6, [{ milestoned: '2025-01-05T00:00:00Z', title: 'v1.3.0' }, { closed: '2025-07-15T00:00:00Z' }])],
    first: null,
    stable: null,
  },
  {
    // Same, but closed by a merged pull request: the first release after the merge has it.
    history: 'closed by a pull request in the milestone "v1.3.0" four months after v1.3.0',
    releases: [...STABLE, v210],
    items: [
      history(7, [
        { milestoned: '2025-01-05T00:00:00Z', title: 'v1.3.0' },
        { closed: '2025-07-15T00:00:00Z', by: mergedPr(103, '2025-07-15T00:00:00Z') },
      ]),
    ],
    first: 'v2.1.0',
    stable: 'v2.1.0',
  },
  {
    // Merged April 1: beta.1 (April 10) is the first release after it, v2.0.0 the first stable one.
    history: 'closed by a pull request before a prerelease, then a stable release',
    releases: [v130, beta1, beta2, v200],
    items: [history(8, [{ closed: '2025-04-01T00:00:00Z', by: mergedPr(104, '2025-04-01T00:00:00Z') }])],
    first: 'v2.0.0-beta.1',
    stable: 'v2.0.0',
  },
  {
    history: 'closed by a pull request before a prerelease, no stable release yet',
    releases: [v130, beta1],
    items: [history(9, [{ closed: '2025-04-01T00:00:00Z', by: mergedPr(105, '2025-04-01T00:00:00Z') }])],
    first: 'v2.0.0-beta.1',
    stable: null,
  },
  {
    // It was in v1.2.0, but reopened on March 1 and never closed again: not shipped any more.
    history: 'shipped, then reopened and never closed again',
    releases: STABLE,
    items: [history(10, [{ closed: '2025-02-01T00:00:00Z', by: mergedPr(106, '2025-02-01T00:00:00Z') }, { reopened: '2025-03-01T00:00:00Z' }])],
    first: null,
    stable: null,
  },
  {
    // v1.2.0's notes name it while it is open; v1.3.0's name it again after it was closed on March 1.
    history: 'named by two releases’ notes, closed by hand between them',
    releases: [release({ ...v120, body: 'Closes #11' }), release({ ...v130, body: '- Ships #11' }), v200],
    items: [history(11, [{ closed: '2025-03-01T00:00:00Z' }])],
    first: 'v1.3.0',
    stable: 'v1.3.0',
  },
  {
    history: 'named by release notes but open',
    releases: [release({ ...v120, body: 'Closes #12' })],
    items: [history(12, [])],
    first: null,
    stable: null,
  },
  {
    // The duplicate's pull request was in v1.2.0, but the request people voted on (#13) was still
    // open then; it was closed on March 1, so v1.3.0 is the first release published while it was.
    history: 'a duplicate closed by a pull request, the canonical closed by hand later',
    releases: STABLE,
    items: [
      history(13, [{ closed: '2025-03-01T00:00:00Z' }]),
      history(14, [{ closed: '2025-02-01T00:00:00Z', by: mergedPr(107, '2025-02-01T00:00:00Z') }]),
    ],
    first: 'v1.3.0',
    stable: 'v1.3.0',
  },
  {
    history: 'a duplicate closed by a pull request, the canonical still open',
    releases: STABLE,
    items: [history(15, []), history(16, [{ closed: '2025-02-01T00:00:00Z', by: mergedPr(108, '2025-02-01T00:00:00Z') }])],
    first: null,
    stable: null,
  },
  {
    // v1.2.0 names the duplicate, but the canonical was open then; its own pull request (March 20)
    // puts it in v2.0.0.
    history: 'a duplicate named by early notes, the canonical closed by a pull request later',
    releases: [release({ ...v120, body: 'Ships #18' }), v130, v200],
    items: [
      history(17, [{ closed: '2025-03-20T00:00:00Z', by: mergedPr(109, '2025-03-20T00:00:00Z') }]),
      history(18, [{ closed: '2025-01-10T00:00:00Z', reason: 'DUPLICATE' }]),
    ],
    first: 'v2.0.0',
    stable: 'v2.0.0',
  },
  {
    // The Discussion people voted on was resolved on February 10; its duplicate issue's pull
    // request merged on February 1: both before v1.2.0.
    history: 'a resolved Discussion whose duplicate issue was closed by a pull request',
    releases: STABLE,
    items: [
      discussion({ number: 19, state: 'CLOSED', stateReason: 'RESOLVED', closedAt: '2025-02-10T00:00:00Z' }),
      history(20, [{ closed: '2025-02-01T00:00:00Z', by: mergedPr(110, '2025-02-01T00:00:00Z') }]),
    ],
    first: 'v1.2.0',
    stable: 'v1.2.0',
  },
  {
    // Written without a timeline (as a hand-made snapshot can be): the closing pull request still counts.
    history: 'closed, with its closing pull request but no timeline',
    releases: STABLE,
    items: [issue({ number: 21, state: 'CLOSED', stateReason: 'COMPLETED', closedAt: '2025-03-01T00:00:00Z', closingPullRequests: [mergedPr(111, '2025-03-01T00:00:00Z')] })],
    first: 'v1.3.0',
    stable: 'v1.3.0',
  },
  {
    // Only acme/docs has a v1.2.0 here: the pull request of acme/docs ships in acme/docs's release.
    history: 'closed by a pull request of another repository',
    releases: [release({ repository: DOCS, tagName: 'v1.2.0', publishedAt: '2025-02-15T00:00:00Z' }), v130],
    items: [history(22, [{ closed: '2025-02-01T00:00:00Z', by: mergedPr(5, '2025-02-01T00:00:00Z', DOCS) }])],
    first: 'v1.2.0',
    stable: 'v1.2.0',
  },
];

describe('the release that shipped a request', () => {
  it.each(CASES)('$history: $first, stable $stable', ({ releases, items, first, stable }) => {
    expect(shippedIn(releases, ...items)).toEqual({ first, stable });
  });

});

describe('what each release lists', () => {
  it('lists a request in the release that shipped it and no other, and again in the first stable release after a prerelease', () => {
    const reopened = CASES[0]!.items;
    const viaBeta = CASES[7]!.items;
    const groups = [reopened, viaBeta].map((items) => ({ key: itemKey(items[0]!), items }));
    const releases = [v120, v130, beta1, beta2, v200, v210];
    const listed = shipReleases(releases, groups, contextFor(groups));
    // #1 closed for good on March 20: beta.1 is the first release after; #8 merged April 1: beta.1 too.
    expect(Object.fromEntries(releases.map((candidate) => [candidate.tagName, listed.get(releaseId(candidate))]))).toEqual({
      'v1.2.0': [],
      'v1.3.0': [],
      'v2.0.0-beta.1': [`${MAIN}#1`, `${MAIN}#8`],
      'v2.0.0-beta.2': [],
      'v2.0.0': [`${MAIN}#1`, `${MAIN}#8`],
      'v2.1.0': [],
    });
  });
});
