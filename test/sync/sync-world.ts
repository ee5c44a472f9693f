/**
 * A small GitHub world that exercises every field the sync keeps: votes (an issue and a Discussion
 * with more than a page of them), bots, a deleted account, minimized comments, duplicate markings, a close by a
 * merged pull request, Discussions in two categories, releases (one a draft), a private repository.
 */
import type { SimRepository, SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { createWorldBuilder, IDEAS_CATEGORY, ref } from '../../scripts/dev/demo/world-builder.ts';

const world = createWorldBuilder({ start: '2026-01-01T00:00:00Z', lastId: 1000 });
const { comment, event } = world;
export const { at, issue, votes } = world;
/** The builder of this world, for tests that add to it. */
export const builder = world;

export function discussion(...[number, fields]: Parameters<typeof world.discussion>): ReturnType<typeof world.discussion> {
  return world.discussion(number, { updatedAt: at(number + 2), upvoteCount: 4, ...fields });
}

export const manyVoters = Array.from({ length: 150 }, (_, index) => `voter${index}`);

export function syncWorld(): SimWorld {
  const users = world.users(['alice', 'bob', 'carol', 'maintainer', ...manyVoters]);
  world.users(['dependabot[bot]'], 'Bot', users);

  const widgets: SimRepository = world.repository('acme/widgets', {
    id: 1,
    description: 'Widgets for everyone',
    labels: [
      { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' },
      { name: 'bug', color: 'd73a4a', description: null },
      { name: 'duplicate', color: 'cfd3d7', description: null },
      { name: 'status: planned', color: '0e8a16', description: null },
    ],
    milestones: [world.milestone(1, 'v1.1.0', { dueOn: at(2000) })],
    discussionCategories: [IDEAS_CATEGORY, { id: 2, name: 'Q&A', slug: 'q-a', emoji: ':pray:', description: 'Questions' }],
    issues: [
      issue(1, { reactions: votes(manyVoters, 10), title: 'Dark mode' }),
      issue(2, {
        title: 'Export to PDF',
        labels: ['enhancement', 'status: planned'],
        milestone: 1,
        reactions: [...votes(['alice', 'carol'], 20), ...votes(['bob'], 21, 'HEART'), ...votes([null], 22), ...votes(['dependabot[bot]'], 23)],
        comments: [
          comment('bob', 'Buy cheap watches', 24, { isMinimized: true, minimizedReason: 'spam' }),
          comment('carol', 'Yes please, I need this for invoices.', 25),
          comment(null, 'A comment from a deleted account.', 26),
        ],
        events: [event.labeled(27, 'status: planned')],
        updatedAt: at(27),
      }),
      issue(3, {
        title: 'Dark theme please',
        labels: ['enhancement', 'duplicate'],
        state: 'CLOSED',
        stateReason: 'DUPLICATE',
        closedAt: at(31),
        comments: [world.memberComment('maintainer', 'Duplicate of #1', 30)],
        events: [event.markedAsDuplicate(30, ref('acme/widgets', 1)), event.closed(31, { reason: 'DUPLICATE' })],
        updatedAt: at(31),
      }),
      issue(4, { title: 'Keyboard shortcuts', ...world.closedIssue(40, { closer: ref('acme/widgets', 50) }), author: null }),
      issue(5, { title: 'Crash on start', labels: ['bug'] }),
      issue(6, { title: 'Locked request', locked: true, author: 'dependabot[bot]' }),
      ...Array.from({ length: 6 }, (_, index) => issue(7 + index)),
    ],
    discussions: [
      discussion(20, {
        title: 'Plugin system',
        reactions: [...votes(['alice', 'bob'], 50), ...votes(manyVoters, 60)],
        comments: [world.memberComment('carol', 'Duplicate of https://github.com/acme/widgets/issues/1', 51, 'COLLABORATOR')],
        updatedAt: at(52),
      }),
      discussion(21, { title: 'How do I install?', category: 'q-a' }),
      discussion(22, { title: 'Closed as duplicate', closed: true, closedAt: at(60), stateReason: 'DUPLICATE', updatedAt: at(60), labels: ['enhancement'] }),
    ],
    pullRequests: [world.mergedPullRequest(50, 40, [ref('acme/widgets', 4)], { title: 'Add keyboard shortcuts', mergeCommit: 'c'.repeat(40) })],
    releases: [
      world.release('v1.0.0', 41, { name: 'Widgets 1.0', body: 'Closes #4. Thanks @carol!', tagCommit: 'd'.repeat(40) }),
      world.release('v1.1.0-beta.1', 45, { body: 'Beta', isPrerelease: true, tagCommit: 'e'.repeat(40) }),
      world.release('v2.0.0', 46, { name: 'Secret draft', body: 'Not yet', isDraft: true, publishedAt: null, tagCommit: 'f'.repeat(40) }),
    ],
  });

  const secret: SimRepository = {
    ...widgets,
    name: 'secret',
    id: 2,
    isPrivate: true,
    description: 'Internal',
    issues: [issue(1, { title: 'Internal: rotate signing keys' })],
    discussions: [],
    pullRequests: [],
    releases: [],
  };

  return { users, repositories: [widgets, secret] };
}
