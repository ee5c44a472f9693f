/** Small, valid snapshot items for tests of the snapshot writer and reader. */
import { SNAPSHOT_SCHEMA_VERSION, type DiscussionItem, type IssueItem, type RepositorySnapshot } from '../../src/snapshot/schema.ts';

export function issueItem(number: number, overrides: Partial<IssueItem> = {}): IssueItem {
  return {
    type: 'issue',
    repository: 'acme/widgets',
    number,
    id: `I_${number}`,
    url: `https://github.com/acme/widgets/issues/${number}`,
    title: `Request ${number}`,
    body: 'Please add this.',
    author: { login: 'octocat', type: 'User', avatarUrl: 'https://avatars.githubusercontent.com/u/1?v=4' },
    authorAssociation: 'NONE',
    labels: ['enhancement'],
    locked: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-02T00:00:00Z',
    closedAt: null,
    votes: [],
    commentCount: 0,
    comments: [],
    formerAddresses: [],
    state: 'OPEN',
    stateReason: null,
    milestone: null,
    events: [],
    closingPullRequests: [],
    ...overrides,
  };
}

export function discussionItem(number: number, overrides: Partial<DiscussionItem> = {}): DiscussionItem {
  return {
    type: 'discussion',
    repository: 'acme/widgets',
    number,
    id: `D_${number}`,
    url: `https://github.com/acme/widgets/discussions/${number}`,
    title: `Idea ${number}`,
    body: 'An idea.',
    author: null,
    authorAssociation: 'NONE',
    labels: [],
    locked: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-02T00:00:00Z',
    closedAt: null,
    votes: [],
    commentCount: 0,
    comments: [],
    formerAddresses: [],
    state: 'OPEN',
    stateReason: null,
    category: { name: 'Ideas', slug: 'ideas' },
    upvoteCount: 3,
    ...overrides,
  };
}

/** The repository file of `acme/widgets`, with one label and the given releases. */
export function repositorySnapshot(releases: RepositorySnapshot['releases'] = []): RepositorySnapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    repository: 'acme/widgets',
    url: 'https://github.com/acme/widgets',
    description: null,
    isPrivate: false,
    labels: [{ name: 'enhancement', color: 'a2eeef', description: null }],
    milestones: [],
    releases,
  };
}

