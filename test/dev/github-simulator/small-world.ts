/**
 * A small, hand-made world covering the cases the sync cares about: votes, duplicates, issues
 * closed by pull requests, a deleted author, a bot, a locked issue, Discussions, drafts and
 * pre-releases, and a private repository. `smallWorld()` returns a fresh copy every call, so a test
 * may mutate it freely. Other test suites may reuse it.
 */
import type {
  SimActor,
  SimComment,
  SimIssue,
  SimPullRequest,
  SimRelease,
  SimRepository,
  SimWorld,
} from '../../../scripts/dev/github-simulator/store-types.ts';

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

export function comment(overrides: Partial<SimComment> & Pick<SimComment, 'id'>): SimComment {
  return {
    author: 'alice',
    authorAssociation: 'MEMBER',
    body: `Comment ${String(overrides.id)}`,
    createdAt: '2026-01-10T10:00:00Z',
    updatedAt: '2026-01-10T10:00:00Z',
    isMinimized: false,
    minimizedReason: null,
    reactions: [],
    ...overrides,
  };
}

export function issue(overrides: Partial<SimIssue> & Pick<SimIssue, 'number'>): SimIssue {
  return {
    id: 100_000 + overrides.number,
    title: `Issue ${String(overrides.number)}`,
    body: '',
    author: 'alice',
    authorAssociation: 'CONTRIBUTOR',
    labels: [],
    milestone: null,
    state: 'OPEN',
    stateReason: null,
    locked: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    closedAt: null,
    reactions: [],
    comments: [],
    events: [],
    ...overrides,
  };
}

function pullRequest(overrides: Partial<SimPullRequest> & Pick<SimPullRequest, 'number'>): SimPullRequest {
  return {
    id: 200_000 + overrides.number,
    title: `Pull request ${String(overrides.number)}`,
    author: 'bob',
    state: 'OPEN',
    createdAt: '2026-01-05T00:00:00Z',
    mergedAt: null,
    mergeCommit: null,
    closes: [],
    ...overrides,
  };
}

function release(overrides: Partial<SimRelease> & Pick<SimRelease, 'id' | 'tagName' | 'tagCommit'>): SimRelease {
  return {
    name: overrides.tagName,
    body: `Notes for ${overrides.tagName}`,
    author: 'alice',
    isDraft: false,
    isPrerelease: false,
    createdAt: '2026-01-01T00:00:00Z',
    publishedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

function widgets(): SimRepository {
  return {
    owner: OWNER,
    name: REPO,
    id: 500,
    description: 'Widgets for everyone',
    isPrivate: false,
    defaultBranch: 'main',
    labels: [
      { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
      { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' },
      { name: 'status: planned', color: '0e8a16', description: null },
      { name: 'good first issue', color: '7057ff', description: 'Good for newcomers' },
    ],
    milestones: [
      {
        number: 1,
        id: 9001,
        title: 'v1.0',
        description: 'First stable release',
        state: 'OPEN',
        dueOn: '2026-06-30T07:00:00Z',
        createdAt: '2025-12-01T00:00:00Z',
        updatedAt: '2026-01-02T00:00:00Z',
        closedAt: null,
      },
      {
        number: 2,
        id: 9002,
        title: 'v0.9',
        description: null,
        state: 'CLOSED',
        dueOn: null,
        createdAt: '2025-11-01T00:00:00Z',
        updatedAt: '2025-12-20T00:00:00Z',
        closedAt: '2025-12-20T00:00:00Z',
      },
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
          { content: 'THUMBS_UP', user: 'alice', createdAt: '2026-01-02T00:00:00Z' },
          { content: 'THUMBS_UP', user: 'bob', createdAt: '2026-01-03T00:00:00Z' },
          { content: 'THUMBS_UP', user: 'carol', createdAt: '2026-01-04T00:00:00Z' },
          { content: 'HEART', user: null, createdAt: '2026-01-05T00:00:00Z' },
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
            reactions: [{ content: 'THUMBS_DOWN', user: 'alice', createdAt: '2026-01-07T00:00:00Z' }],
          }),
        ],
        events: [
          { kind: 'labeled', id: 401, actor: 'alice', createdAt: '2026-01-02T12:00:00Z', label: 'enhancement' },
          { kind: 'labeled', id: 402, actor: 'alice', createdAt: '2026-01-05T12:00:00Z', label: 'status: planned' },
        ],
      }),
      issue({
        number: 2,
        title: 'Crash on start',
        labels: ['bug'],
        milestone: 2,
        state: 'CLOSED',
        stateReason: 'COMPLETED',
        createdAt: '2026-01-02T00:00:00Z',
        updatedAt: '2026-01-08T00:00:00Z',
        closedAt: '2026-01-08T00:00:00Z',
        events: [
          {
            kind: 'closed',
            id: 403,
            actor: 'bob',
            createdAt: '2026-01-08T00:00:00Z',
            stateReason: 'COMPLETED',
            closer: { repository: `${OWNER}/${REPO}`, number: 10 },
          },
        ],
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
        reactions: [{ content: 'THUMBS_UP', user: 'dave', createdAt: '2026-01-03T05:00:00Z' }],
        events: [
          {
            kind: 'marked_as_duplicate',
            id: 404,
            actor: 'alice',
            createdAt: '2026-01-04T00:00:00Z',
            canonical: { repository: `${OWNER}/${REPO}`, number: 1 },
          },
          {
            kind: 'closed',
            id: 405,
            actor: 'alice',
            createdAt: '2026-01-04T00:00:00Z',
            stateReason: 'DUPLICATE',
            closer: null,
          },
        ],
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
      {
        number: 7,
        id: 700,
        title: 'Idea: plugins',
        body: 'What about plugins?',
        author: 'carol',
        authorAssociation: 'NONE',
        category: 'ideas',
        labels: ['enhancement'],
        closed: false,
        closedAt: null,
        stateReason: null,
        locked: false,
        createdAt: '2026-01-06T00:00:00Z',
        updatedAt: '2026-01-09T00:00:00Z',
        upvoteCount: 12,
        reactions: [{ content: 'ROCKET', user: 'bob', createdAt: '2026-01-07T00:00:00Z' }],
        comments: [comment({ id: 303, body: 'Yes please', author: 'bob', createdAt: '2026-01-07T00:00:00Z' })],
      },
      {
        number: 8,
        id: 800,
        title: 'How do I install?',
        body: 'Help',
        author: 'old-svn-user',
        authorAssociation: 'MANNEQUIN',
        category: 'q-a',
        labels: [],
        closed: true,
        closedAt: '2026-01-08T00:00:00Z',
        stateReason: 'RESOLVED',
        locked: false,
        createdAt: '2026-01-07T00:00:00Z',
        updatedAt: '2026-01-08T00:00:00Z',
        upvoteCount: 1,
        reactions: [],
        comments: [],
      },
    ],
    pullRequests: [
      pullRequest({
        number: 10,
        title: 'Fix crash on start',
        state: 'MERGED',
        createdAt: '2026-01-06T00:00:00Z',
        mergedAt: '2026-01-08T00:00:00Z',
        mergeCommit: SHAS.fixCrash,
        closes: [{ repository: `${OWNER}/${REPO}`, number: 2 }],
      }),
      pullRequest({ number: 11, title: 'Dark mode, first cut', state: 'OPEN', closes: [{ repository: `${OWNER}/${REPO}`, number: 1 }] }),
      pullRequest({ number: 12, title: 'Abandoned attempt', state: 'CLOSED', closes: [{ repository: `${OWNER}/${REPO}`, number: 1 }] }),
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
  };
}

function secret(): SimRepository {
  return {
    owner: OWNER,
    name: PRIVATE_REPO,
    id: 501,
    description: 'Private plans',
    isPrivate: true,
    defaultBranch: 'main',
    labels: [],
    milestones: [],
    discussionCategories: [],
    issues: [issue({ number: 1, id: 150_001, title: 'Secret plan' })],
    discussions: [],
    pullRequests: [],
    releases: [],
  };
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
