/**
 * A small GitHub world that exercises every field the sync keeps: votes (an issue and a Discussion
 * with more than a page of them), bots, a deleted account, minimized comments, duplicate markings, a close by a
 * merged pull request, Discussions in two categories, releases (one a draft), a private repository.
 */
import type {
  SimComment,
  SimDiscussion,
  SimIssue,
  SimReaction,
  SimRepository,
  SimWorld,
} from '../../scripts/dev/github-simulator/store-types.ts';

const T0 = Date.parse('2026-01-01T00:00:00Z');
export const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

let nextId = 1000;
const id = () => ++nextId;

function votes(logins: string[], startHour: number): SimReaction[] {
  return logins.map((login, index) => ({ content: 'THUMBS_UP', user: login, createdAt: at(startHour + index / 60) }));
}

function comment(author: string | null, body: string, hour: number, extra: Partial<SimComment> = {}): SimComment {
  return {
    id: id(),
    author,
    authorAssociation: 'NONE',
    body,
    createdAt: at(hour),
    updatedAt: at(hour),
    isMinimized: false,
    minimizedReason: null,
    reactions: [],
    ...extra,
  };
}

export function issue(number: number, overrides: Partial<SimIssue> = {}): SimIssue {
  return {
    number,
    id: id(),
    title: `Request number ${number}`,
    body: `Body of request ${number}.`,
    author: 'alice',
    authorAssociation: 'NONE',
    labels: ['enhancement'],
    milestone: null,
    state: 'OPEN',
    stateReason: null,
    locked: false,
    createdAt: at(number),
    updatedAt: at(number + 1),
    closedAt: null,
    reactions: [],
    comments: [],
    events: [],
    ...overrides,
  };
}

export function discussion(number: number, overrides: Partial<SimDiscussion> = {}): SimDiscussion {
  return {
    number,
    id: id(),
    title: `Idea number ${number}`,
    body: `An idea, ${number}.`,
    author: 'bob',
    authorAssociation: 'NONE',
    category: 'ideas',
    labels: [],
    closed: false,
    closedAt: null,
    stateReason: null,
    locked: false,
    createdAt: at(number),
    updatedAt: at(number + 2),
    upvoteCount: 4,
    reactions: [],
    comments: [],
    ...overrides,
  };
}

export const manyVoters = Array.from({ length: 150 }, (_, index) => `voter${index}`);

export function syncWorld(): SimWorld {
  const users: SimWorld['users'] = {};
  const addUser = (login: string, type: 'User' | 'Bot' | 'Organization' | 'Mannequin' = 'User') => {
    users[login] = { login, type, id: Object.keys(users).length + 1 };
  };
  for (const login of ['alice', 'bob', 'carol', 'maintainer', ...manyVoters]) addUser(login);
  addUser('dependabot[bot]', 'Bot');

  const widgets: SimRepository = {
    owner: 'acme',
    name: 'widgets',
    id: 1,
    description: 'Widgets for everyone',
    isPrivate: false,
    defaultBranch: 'main',
    labels: [
      { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' },
      { name: 'bug', color: 'd73a4a', description: null },
      { name: 'duplicate', color: 'cfd3d7', description: null },
      { name: 'status: planned', color: '0e8a16', description: null },
    ],
    milestones: [
      { number: 1, id: id(), title: 'v1.1.0', description: null, state: 'OPEN', dueOn: at(2000), createdAt: at(1), updatedAt: at(1), closedAt: null },
    ],
    discussionCategories: [
      { id: 1, name: 'Ideas', slug: 'ideas', emoji: ':bulb:', description: 'Ideas' },
      { id: 2, name: 'Q&A', slug: 'q-a', emoji: ':pray:', description: 'Questions' },
    ],
    issues: [
      issue(1, { reactions: votes(manyVoters, 10), title: 'Dark mode' }),
      issue(2, {
        title: 'Export to PDF',
        labels: ['enhancement', 'status: planned'],
        milestone: 1,
        reactions: [...votes(['alice', 'carol'], 20), { content: 'HEART', user: 'bob', createdAt: at(21) }, { content: 'THUMBS_UP', user: null, createdAt: at(22) }, { content: 'THUMBS_UP', user: 'dependabot[bot]', createdAt: at(23) }],
        comments: [
          comment('bob', 'Buy cheap watches', 24, { isMinimized: true, minimizedReason: 'spam' }),
          comment('carol', 'Yes please, I need this for invoices.', 25),
          comment(null, 'A comment from a deleted account.', 26),
        ],
        events: [{ kind: 'labeled', id: id(), actor: 'maintainer', createdAt: at(27), label: 'status: planned' }],
        updatedAt: at(27),
      }),
      issue(3, {
        title: 'Dark theme please',
        labels: ['enhancement', 'duplicate'],
        state: 'CLOSED',
        stateReason: 'DUPLICATE',
        closedAt: at(31),
        comments: [comment('maintainer', 'Duplicate of #1', 30, { authorAssociation: 'MEMBER' })],
        events: [
          { kind: 'marked_as_duplicate', id: id(), actor: 'maintainer', createdAt: at(30), canonical: { repository: 'acme/widgets', number: 1 } },
          { kind: 'closed', id: id(), actor: 'maintainer', createdAt: at(31), stateReason: 'DUPLICATE', closer: null },
        ],
        updatedAt: at(31),
      }),
      issue(4, {
        title: 'Keyboard shortcuts',
        state: 'CLOSED',
        stateReason: 'COMPLETED',
        closedAt: at(40),
        events: [{ kind: 'closed', id: id(), actor: 'maintainer', createdAt: at(40), stateReason: 'COMPLETED', closer: { repository: 'acme/widgets', number: 50 } }],
        updatedAt: at(40),
        author: null,
      }),
      issue(5, { title: 'Crash on start', labels: ['bug'] }),
      issue(6, { title: 'Locked request', locked: true, author: 'dependabot[bot]' }),
      ...Array.from({ length: 6 }, (_, index) => issue(7 + index)),
    ],
    discussions: [
      discussion(20, { title: 'Plugin system', reactions: [...votes(['alice', 'bob'], 50), ...votes(manyVoters, 60)], comments: [comment('carol', 'Duplicate of https://github.com/acme/widgets/issues/1', 51, { authorAssociation: 'COLLABORATOR' })], updatedAt: at(52) }),
      discussion(21, { title: 'How do I install?', category: 'q-a' }),
      discussion(22, { title: 'Closed as duplicate', closed: true, closedAt: at(60), stateReason: 'DUPLICATE', updatedAt: at(60), labels: ['enhancement'] }),
    ],
    pullRequests: [
      { number: 50, id: id(), title: 'Add keyboard shortcuts', author: 'carol', state: 'MERGED', createdAt: at(35), mergedAt: at(40), mergeCommit: 'c'.repeat(40), closes: [{ repository: 'acme/widgets', number: 4 }] },
    ],
    releases: [
      { id: id(), tagName: 'v1.0.0', name: 'Widgets 1.0', body: 'Closes #4. Thanks @carol!', author: 'maintainer', isDraft: false, isPrerelease: false, createdAt: at(41), publishedAt: at(41), tagCommit: 'd'.repeat(40) },
      { id: id(), tagName: 'v1.1.0-beta.1', name: null, body: 'Beta', author: 'maintainer', isDraft: false, isPrerelease: true, createdAt: at(45), publishedAt: at(45), tagCommit: 'e'.repeat(40) },
      { id: id(), tagName: 'v2.0.0', name: 'Secret draft', body: 'Not yet', author: 'maintainer', isDraft: true, isPrerelease: false, createdAt: at(46), publishedAt: null, tagCommit: 'f'.repeat(40) },
    ],
  };

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
