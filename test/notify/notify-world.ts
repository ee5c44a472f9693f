/**
 * A small GitHub world whose newest release, v1.1.0, ships requests in every way the notifier
 * must recognise:
 *
 *   #1  Dark mode            closed by pull request #50, merged between v1.0.0 and v1.1.0
 *   #2  Dark theme please    a duplicate of #1 (opened by grace), closed as duplicate
 *   D20 Theme editor idea    a Discussion a maintainer marked "Duplicate of #1"
 *   #3  Export to PDF        closed in the milestone "v1.1.0"
 *   #4  Keyboard shortcuts   closed, and named by the notes ("Ships #4"); its title tries to inject a header
 *   #5  Plugin API           closed, and named by the notes ("Closes #5"), but locked
 *   D21 Offline mode         a Discussion closed as resolved, named by the notes by its full URL
 *   #6  Sync across devices  not shipped
 *
 * The notes also carry a script, an event handler, a `javascript:` link and relative links.
 */
import type { SimComment, SimDiscussion, SimIssue, SimReaction, SimRepository, SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';

const T0 = Date.parse('2026-02-01T00:00:00Z');
export const at = (hours: number): string => new Date(T0 + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const INJECTED_TITLE = 'Keyboard shortcuts\r\nBcc: mallory@attacker.test';

export const RELEASE_NOTES = [
  '## Highlights',
  '',
  '- Dark mode, at last (#1)',
  '- Ships #4 and #5. Closes https://github.com/acme/widgets/discussions/21',
  '',
  '<script>alert("pwned")</script>',
  '<img src="https://example.com/x.png" onerror="alert(1)" alt="screenshot">',
  '',
  '[Read the guide](docs/guide.md) · [Do not click](javascript:alert(1)) · [Install](#install)',
].join('\n');

export const CONFIG = {
  site: { title: 'Widgets roadmap', url: 'https://acme.github.io', base: '/widgets' },
  sources: [{ repo: 'acme/widgets', issues: { labels: ['enhancement'] }, discussions: { categories: ['ideas'] } }],
  sync: { comments: 5 },
};

let nextId = 5000;
const id = (): number => ++nextId;

function votes(logins: readonly string[], hour: number): SimReaction[] {
  return logins.map((login, index) => ({ content: 'THUMBS_UP', user: login, createdAt: at(hour + index / 60) }));
}

function comment(author: string, body: string, hour: number, association: SimComment['authorAssociation'] = 'NONE'): SimComment {
  return { id: id(), author, authorAssociation: association, body, createdAt: at(hour), updatedAt: at(hour), isMinimized: false, minimizedReason: null, reactions: [] };
}

function issue(number: number, title: string, overrides: Partial<SimIssue> = {}): SimIssue {
  return {
    number,
    id: id(),
    title,
    body: `Please add: ${title.split('\r')[0] ?? title}.`,
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

function closed(hour: number, closer: number | null = null): Partial<SimIssue> {
  return {
    state: 'CLOSED',
    stateReason: 'COMPLETED',
    closedAt: at(hour),
    updatedAt: at(hour),
    events: [{ kind: 'closed', id: id(), actor: 'maintainer', createdAt: at(hour), stateReason: 'COMPLETED', closer: closer === null ? null : { repository: 'acme/widgets', number: closer } }],
  };
}

function discussion(number: number, title: string, overrides: Partial<SimDiscussion> = {}): SimDiscussion {
  return {
    number,
    id: id(),
    title,
    body: `An idea: ${title}.`,
    author: 'bob',
    authorAssociation: 'NONE',
    category: 'ideas',
    labels: [],
    closed: false,
    closedAt: null,
    stateReason: null,
    locked: false,
    createdAt: at(number),
    updatedAt: at(number + 1),
    upvoteCount: 0,
    reactions: [],
    comments: [],
    ...overrides,
  };
}

export function notifyWorld(): SimWorld {
  const users: SimWorld['users'] = {};
  for (const login of ['alice', 'ada', 'bob', 'carol', 'dave', 'grace', 'heidi', 'ivan', 'maintainer']) {
    users[login] = { login, type: 'User', id: Object.keys(users).length + 1 };
  }
  const widgets: SimRepository = {
    owner: 'acme',
    name: 'widgets',
    id: 1,
    description: 'Widgets for everyone',
    isPrivate: false,
    defaultBranch: 'main',
    labels: [
      { name: 'enhancement', color: 'a2eeef', description: null },
      { name: 'duplicate', color: 'cfd3d7', description: null },
      { name: 'bug', color: 'd73a4a', description: null },
    ],
    milestones: [{ number: 1, id: id(), title: 'v1.1.0', description: null, state: 'CLOSED', dueOn: null, createdAt: at(1), updatedAt: at(99), closedAt: at(99) }],
    discussionCategories: [{ id: 1, name: 'Ideas', slug: 'ideas', emoji: ':bulb:', description: 'Ideas' }],
    issues: [
      issue(1, 'Dark mode', { reactions: votes(['ada', 'bob', 'carol'], 10), ...closed(60, 50) }),
      issue(2, 'Dark theme please', {
        author: 'grace',
        labels: ['enhancement', 'duplicate'],
        state: 'CLOSED',
        stateReason: 'DUPLICATE',
        closedAt: at(31),
        updatedAt: at(31),
        reactions: votes(['ivan'], 12),
        comments: [comment('maintainer', 'Duplicate of #1', 30, 'MEMBER')],
        events: [
          { kind: 'marked_as_duplicate', id: id(), actor: 'maintainer', createdAt: at(30), canonical: { repository: 'acme/widgets', number: 1 } },
          { kind: 'closed', id: id(), actor: 'maintainer', createdAt: at(31), stateReason: 'DUPLICATE', closer: null },
        ],
      }),
      issue(3, 'Export to PDF', { milestone: 1, reactions: votes(['dave'], 14), ...closed(70) }),
      issue(4, INJECTED_TITLE, { reactions: votes(['heidi'], 16), ...closed(80) }),
      issue(5, 'Plugin API', { locked: true, reactions: votes(['bob'], 18), ...closed(85) }),
      issue(6, 'Sync across devices', { reactions: votes(['ada'], 20) }),
      issue(7, 'Crash on start', { labels: ['bug'] }),
    ],
    discussions: [
      discussion(20, 'Theme editor', { comments: [comment('maintainer', 'Duplicate of #1', 40, 'MEMBER')], updatedAt: at(41) }),
      discussion(21, 'Offline mode', { author: 'carol', upvoteCount: 2, reactions: votes(['dave'], 22), closed: true, closedAt: at(90), stateReason: 'RESOLVED', updatedAt: at(90) }),
    ],
    pullRequests: [
      { number: 50, id: id(), title: 'Dark mode', author: 'carol', state: 'MERGED', createdAt: at(55), mergedAt: at(60), mergeCommit: 'a'.repeat(40), closes: [{ repository: 'acme/widgets', number: 1 }] },
    ],
    releases: [
      { id: id(), tagName: 'v1.0.0', name: 'Widgets 1.0', body: 'The first release.', author: 'maintainer', isDraft: false, isPrerelease: false, createdAt: at(41), publishedAt: at(41), tagCommit: 'b'.repeat(40) },
      { id: id(), tagName: 'v1.1.0', name: 'Widgets 1.1', body: RELEASE_NOTES, author: 'maintainer', isDraft: false, isPrerelease: false, createdAt: at(100), publishedAt: at(100), tagCommit: 'c'.repeat(40) },
      { id: id(), tagName: 'v1.2.0-beta.1', name: null, body: 'Beta of 1.2.', author: 'maintainer', isDraft: false, isPrerelease: true, createdAt: at(110), publishedAt: at(110), tagCommit: 'd'.repeat(40) },
    ],
  };
  return { users, repositories: [widgets] };
}
