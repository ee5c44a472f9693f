/**
 * A small, hand-made world covering the cases the sync cares about: votes, duplicates, issues
 * closed by pull requests, a deleted author, a bot, a locked issue, Discussions, drafts and
 * pre-releases, and a private repository. `smallWorld()` returns a fresh copy every call, so a test
 * may mutate it freely. Other test suites may reuse it.
 */
import { createWorldBuilder, ref } from '../../../scripts/dev/demo/world-builder.ts';
import type { SimActor, SimComment, SimIssue, SimPullRequest, SimRelease, SimRepository, SimWorld } from '../../../scripts/dev/github-simulator/store-types.ts';

export const TOKEN = 'test-token';
export const OWNER = 'acme';
export const REPO = 'widgets';
export const PRIVATE_REPO = 'secret';

export const SHAS = {
  fixCrash: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  addThemes: 'b2c3d4e5f60718293a4b5c6d7e8f901234567890',
  v090: 'c3d4e5f60718293a4b5c6d7e8f90123456789012',
  v100: 'd4e5f60718293a4b5c6d7e8f9012345678901234',
  v110beta: 'e5f60718293a4b5c6d7e8f901234567890123456',
  v120draft: 'f60718293a4b5c6d7e8f90123456789012345678',
} as const;

function actor(login: string, type: SimActor['type'], id: number): [string, SimActor] {
  return [login, { login, type, id }];
}

/** Every object here names its own id and times: tests look them up. */
const world = createWorldBuilder({ start: '2026-01-01T00:00:00Z' });
const WIDGETS = `${OWNER}/${REPO}`;

export function comment(fields: Partial<SimComment> & Pick<SimComment, 'id'>): SimComment {
  return world.comment('alice', `Comment ${String(fields.id)}`, '2026-01-10T10:00:00Z', { authorAssociation: 'MEMBER', ...fields });
}

export function issue(fields: Partial<SimIssue> & Pick<SimIssue, 'number'>): SimIssue {
  return world.issue(fields.number, {
    id: 100_000 + fields.number,
    title: `Issue ${String(fields.number)}`,
    body: '',
    authorAssociation: 'CONTRIBUTOR',
    labels: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  });
}

function pullRequest(fields: Partial<SimPullRequest> & Pick<SimPullRequest, 'number'>): SimPullRequest {
  return world.pullRequest(fields.number, { id: 200_000 + fields.number, author: 'bob', createdAt: '2026-01-05T00:00:00Z', ...fields });
}

function release(fields: Partial<SimRelease> & Pick<SimRelease, 'id' | 'tagName' | 'tagCommit'>): SimRelease {
  return world.release(fields.tagName, '2026-01-01T00:00:00Z', { name: fields.tagName, body: `Notes for ${fields.tagName}`, author: 'alice', ...fields });
}

function widgets(): SimRepository {
  // A builder of its own for each world, so that its timeline events are numbered 401, 402, … every time.
  const { event, closedIssue } = createWorldBuilder({ start: '2026-01-01T00:00:00Z', lastId: 400 });
  const { reaction } = world;
  return world.repository(WIDGETS, {
    id: 500,
    description: 'Widgets for everyone',
    labels: [
      { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
      { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' },
      { name: 'status: planned', color: '0e8a16', description: null },
      { name: 'good first issue', color: '7057ff', description: 'Good for newcomers' },
    ],
    milestones: [
      world.milestone(1, 'v1.0', {
        id: 9001,
        description: 'First stable release',
        dueOn: '2026-06-30T07:00:00Z',
        createdAt: '2025-12-01T00:00:00Z',
        updatedAt: '2026-01-02T00:00:00Z',
      }),
      world.milestone(2, 'v0.9', { id: 9002, state: 'CLOSED', createdAt: '2025-11-01T00:00:00Z', updatedAt: '2025-12-20T00:00:00Z', closedAt: '2025-12-20T00:00:00Z' }),
    ],
    discussionCategories: [
      { id: 1, name: 'Ideas', slug: 'ideas', emoji: ':bulb:', description: 'Share ideas' },
      { id: 2, name: 'Q&A', slug: 'q-a', emoji: ':pray:', description: 'Ask the community' },
    ],
    issues: [
      issue({
        number: 1,
        title: 'Dark mode',
        body: 'Please add a dark mode.',
        labels: ['enhancement', 'status: planned'],
        milestone: 1,
        createdAt: '2026-01-01T09:00:00Z',
        updatedAt: '2026-01-12T09:00:00Z',
        reactions: [
          reaction('alice', '2026-01-02T00:00:00Z'),
          reaction('bob', '2026-01-03T00:00:00Z'),
          reaction('carol', '2026-01-04T00:00:00Z'),
          reaction(null, '2026-01-05T00:00:00Z', 'HEART'),
        ],
        comments: [
          comment({ id: 301, body: '+1, my eyes hurt', author: 'bob', createdAt: '2026-01-03T12:00:00Z', updatedAt: '2026-01-03T12:00:00Z' }),
          comment({
            id: 302,
            body: 'Buy cheap watches',
            author: 'carol',
            authorAssociation: 'NONE',
            createdAt: '2026-01-06T12:00:00Z',
            updatedAt: '2026-01-06T12:00:00Z',
            isMinimized: true,
            minimizedReason: 'spam',
            reactions: [reaction('alice', '2026-01-07T00:00:00Z', 'THUMBS_DOWN')],
          }),
        ],
        events: [event.labeled('2026-01-02T12:00:00Z', 'enhancement', 'alice'), event.labeled('2026-01-05T12:00:00Z', 'status: planned', 'alice')],
      }),
      issue({
        number: 2,
        title: 'Crash on start',
        labels: ['bug'],
        milestone: 2,
        createdAt: '2026-01-02T00:00:00Z',
        ...closedIssue('2026-01-08T00:00:00Z', { actor: 'bob', closer: ref(WIDGETS, 10) }),
      }),
      issue({
        number: 3,
        title: 'Dark theme please',
        author: null,
        authorAssociation: 'NONE',
        labels: ['enhancement'],
        state: 'CLOSED',
        stateReason: 'DUPLICATE',
        createdAt: '2026-01-03T00:00:00Z',
        updatedAt: '2026-01-04T00:00:00Z',
        closedAt: '2026-01-04T00:00:00Z',
        reactions: [reaction('dave', '2026-01-03T05:00:00Z')],
        events: [event.markedAsDuplicate('2026-01-04T00:00:00Z', ref(WIDGETS, 1), 'alice'), event.closed('2026-01-04T00:00:00Z', { actor: 'alice', reason: 'DUPLICATE' })],
      }),
      issue({ number: 4, title: 'Heated thread', locked: true, createdAt: '2026-01-04T00:00:00Z', updatedAt: '2026-01-04T00:00:00Z' }),
      issue({
        number: 5,
        title: 'Bump dependency',
        author: 'dependabot[bot]',
        authorAssociation: 'NONE',
        state: 'CLOSED',
        stateReason: 'NOT_PLANNED',
        createdAt: '2026-01-05T00:00:00Z',
        updatedAt: '2026-01-06T00:00:00Z',
        closedAt: '2026-01-06T00:00:00Z',
      }),
    ],
    discussions: [
      world.discussion(7, {
        id: 700,
        title: 'Idea: plugins',
        body: 'What about plugins?',
        author: 'carol',
        labels: ['enhancement'],
        createdAt: '2026-01-06T00:00:00Z',
        updatedAt: '2026-01-09T00:00:00Z',
        upvoteCount: 12,
        reactions: [reaction('bob', '2026-01-07T00:00:00Z', 'ROCKET')],
        comments: [comment({ id: 303, body: 'Yes please', author: 'bob', createdAt: '2026-01-07T00:00:00Z' })],
      }),
      world.discussion(8, {
        id: 800,
        title: 'How do I install?',
        body: 'Help',
        author: 'old-svn-user',
        authorAssociation: 'MANNEQUIN',
        category: 'q-a',
        closed: true,
        closedAt: '2026-01-08T00:00:00Z',
        stateReason: 'RESOLVED',
        createdAt: '2026-01-07T00:00:00Z',
        updatedAt: '2026-01-08T00:00:00Z',
        upvoteCount: 1,
      }),
    ],
    pullRequests: [
      pullRequest({
        number: 10,
        title: 'Fix crash on start',
        state: 'MERGED',
        createdAt: '2026-01-06T00:00:00Z',
        mergedAt: '2026-01-08T00:00:00Z',
        mergeCommit: SHAS.fixCrash,
        closes: [ref(WIDGETS, 2)],
      }),
      pullRequest({ number: 11, title: 'Dark mode, first cut', state: 'OPEN', closes: [ref(WIDGETS, 1)] }),
      pullRequest({ number: 12, title: 'Abandoned attempt', state: 'CLOSED', closes: [ref(WIDGETS, 1)] }),
      pullRequest({
        number: 13,
        title: 'Add themes',
        state: 'MERGED',
        createdAt: '2026-02-01T00:00:00Z',
        mergedAt: '2026-02-10T00:00:00Z',
        mergeCommit: SHAS.addThemes,
      }),
    ],
    releases: [
      release({ id: 1, tagName: 'v0.9.0', tagCommit: SHAS.v090, createdAt: '2026-01-01T00:00:00Z', publishedAt: '2026-01-01T00:00:00Z' }),
      release({ id: 2, tagName: 'v1.0.0', name: 'One point oh', tagCommit: SHAS.v100, createdAt: '2026-01-15T00:00:00Z', publishedAt: '2026-01-15T00:00:00Z' }),
      release({
        id: 3,
        tagName: 'v1.1.0-beta.1',
        tagCommit: SHAS.v110beta,
        isPrerelease: true,
        createdAt: '2026-02-15T00:00:00Z',
        publishedAt: '2026-02-15T00:00:00Z',
      }),
      release({
        id: 4,
        tagName: 'v1.2.0',
        tagCommit: SHAS.v120draft,
        isDraft: true,
        author: 'github-actions[bot]',
        createdAt: '2026-03-01T00:00:00Z',
        publishedAt: null,
      }),
    ],
  });
}

function secret(): SimRepository {
  return world.repository(`${OWNER}/${PRIVATE_REPO}`, {
    id: 501,
    description: 'Private plans',
    isPrivate: true,
    labels: [],
    discussionCategories: [],
    issues: [issue({ number: 1, id: 150_001, title: 'Secret plan' })],
  });
}

export function smallWorld(): SimWorld {
  return {
    users: Object.fromEntries([
      actor('acme', 'Organization', 9000),
      actor('alice', 'User', 101),
      actor('bob', 'User', 102),
      actor('carol', 'User', 103),
      actor('dave', 'User', 104),
      actor('old-svn-user', 'Mannequin', 105),
      actor('dependabot[bot]', 'Bot', 49699333),
      actor('github-actions[bot]', 'Bot', 41898282),
    ]),
    repositories: [widgets(), secret()],
  };
}

/** `count` plain issues numbered from `firstNumber`, one hour apart, for pagination tests. */
export function manyIssues(count: number, firstNumber = 1000): SimIssue[] {
  const start = Date.parse('2025-06-01T00:00:00Z');
  return Array.from({ length: count }, (_, offset) => {
    const time = new Date(start + offset * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return issue({
      number: firstNumber + offset,
      title: `Generated issue ${String(offset)}`,
      labels: offset % 2 === 0 ? ['bug'] : ['enhancement'],
      state: offset % 3 === 0 ? 'CLOSED' : 'OPEN',
      stateReason: offset % 3 === 0 ? 'COMPLETED' : null,
      closedAt: offset % 3 === 0 ? time : null,
      createdAt: time,
      updatedAt: time,
    });
  });
}
