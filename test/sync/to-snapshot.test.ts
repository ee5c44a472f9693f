import { describe, expect, it } from 'vitest';
import type { GqlComment, RestIssue } from '../../src/sync/api-schemas.ts';
import {
  actorFromRest,
  eventsFromTimeline,
  formerAddressesFromTimeline,
  issueItemFromRest,
  releaseFromGraphql,
  restVoteCount,
  selectComments,
  votesFromReactions,
} from '../../src/sync/to-snapshot.ts';

const restIssue = (overrides: Partial<RestIssue> = {}): RestIssue => ({
  id: 1,
  node_id: 'I_1',
  number: 12,
  title: 'Dark mode',
  body: null,
  user: { login: 'octocat', id: 1, type: 'User', avatar_url: 'https://avatars.githubusercontent.com/u/1?v=4' },
  labels: [{ name: 'enhancement' }, 'area: themes'],
  milestone: null,
  state: 'open',
  state_reason: null,
  locked: false,
  comments: 0,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-02T00:00:00Z',
  closed_at: null,
  author_association: 'NONE',
  html_url: 'https://github.com/acme/widgets/issues/12',
  reactions: { total_count: 5, '+1': 3, '-1': 1, laugh: 0, hooray: 0, confused: 0, heart: 1, rocket: 0, eyes: 0 },
  ...overrides,
});

const comment = (id: string, overrides: Partial<GqlComment> = {}): GqlComment => ({
  id,
  author: { __typename: 'User', login: `user-${id}`, avatarUrl: 'https://avatars.githubusercontent.com/u/2?v=4' },
  authorAssociation: 'NONE',
  body: `comment ${id}`,
  createdAt: '2026-01-03T00:00:00Z',
  url: `https://github.com/acme/widgets/issues/12#issuecomment-${id}`,
  isMinimized: false,
  ...overrides,
});

describe('turning GitHub answers into snapshot items', () => {
  it.each([
    ['a user', { login: 'octocat', id: 1, type: 'User', avatar_url: 'https://a/1' }, { login: 'octocat', type: 'User', avatarUrl: 'https://a/1' }],
    ['a bot', { login: 'dependabot[bot]', id: 2, type: 'Bot', avatar_url: 'https://a/2' }, { login: 'dependabot[bot]', type: 'Bot', avatarUrl: 'https://a/2' }],
    ['a deleted account (REST ghost)', { login: 'ghost', id: 10137, type: 'User', avatar_url: 'https://a/3' }, null],
    ['no user at all', null, null],
  ] as const)('maps %s', (_case, user, expected) => {
    expect(actorFromRest(user)).toEqual(expected);
  });

  it('counts REST reactions of the configured vote contents only', () => {
    expect(restVoteCount(restIssue(), ['THUMBS_UP'])).toBe(3);
    expect(restVoteCount(restIssue(), ['THUMBS_UP', 'HEART'])).toBe(4);
    expect(restVoteCount(restIssue({ reactions: undefined }), ['THUMBS_UP'])).toBe(0);
  });

  it('keeps vote reactions with their logins and times, oldest first, deleted voters as null', () => {
    const votes = votesFromReactions(
      [
        { content: 'THUMBS_UP', createdAt: '2026-03-02T00:00:00Z', user: { __typename: 'User', login: 'b' } },
        { content: 'HEART', createdAt: '2026-03-01T00:00:00Z', user: { __typename: 'User', login: 'c' } },
        { content: 'THUMBS_UP', createdAt: '2026-03-01T00:00:00Z', user: null },
      ],
      ['THUMBS_UP'],
    );
    expect(votes).toEqual([
      { login: null, type: null, content: 'THUMBS_UP', createdAt: '2026-03-01T00:00:00Z' },
      { login: 'b', type: 'User', content: 'THUMBS_UP', createdAt: '2026-03-02T00:00:00Z' },
    ]);
  });

  it('keeps the first visible comments and later maintainer comments that name a duplicate', () => {
    const comments = [
      comment('1', { isMinimized: true, body: 'spam' }),
      comment('2'),
      comment('3'),
      comment('4'),
      comment('5', { authorAssociation: 'MEMBER', body: 'Duplicate of #3' }),
      comment('6', { body: 'Duplicate of #9' }),
    ];
    expect(selectComments(comments, 2).map((kept) => kept.id)).toEqual(['2', '3', '5']);
  });

  it('reads duplicate markings, closes with their pull request, reopens and label changes from a timeline', () => {
    const pr = {
      __typename: 'PullRequest' as const,
      number: 40,
      title: 'Add dark mode',
      url: 'https://github.com/acme/widgets/pull/40',
      merged: true,
      mergedAt: '2026-02-01T00:00:00Z',
      mergeCommit: { oid: 'a'.repeat(40) },
      repository: { nameWithOwner: 'acme/widgets' },
    };
    const { events, closingPullRequests } = eventsFromTimeline([
      { __typename: 'LabeledEvent', createdAt: '2026-01-05T00:00:00Z', actor: { login: 'm' }, label: { name: 'status: planned' } },
      { __typename: 'MarkedAsDuplicateEvent', createdAt: '2026-01-06T00:00:00Z', actor: null, canonical: { number: 7, repository: { nameWithOwner: 'acme/other' } } },
      { __typename: 'MarkedAsDuplicateEvent', createdAt: '2026-01-06T00:00:00Z', actor: null, canonical: null },
      { __typename: 'ClosedEvent', createdAt: '2026-02-01T00:00:00Z', actor: { login: 'm' }, stateReason: 'COMPLETED', closer: pr },
      { __typename: 'ReopenedEvent', createdAt: '2026-02-02T00:00:00Z', actor: { login: 'm' } },
    ]);
    expect(events.map((event) => event.kind)).toEqual(['labeled', 'marked_as_duplicate', 'closed', 'reopened']);
    expect(events[1]).toMatchObject({ canonical: { repository: 'acme/other', number: 7 } });
    expect(closingPullRequests).toEqual([
      { repository: 'acme/widgets', number: 40, title: 'Add dark mode', url: pr.url, merged: true, mergedAt: pr.mergedAt, mergeCommit: 'a'.repeat(40) },
    ]);
  });

  it('prefers the GraphQL close reason, which tells DUPLICATE from NOT_PLANNED', () => {
    const closed = restIssue({ state: 'closed', state_reason: 'not_planned', closed_at: '2026-01-03T00:00:00Z' });
    const options = { voteContents: ['THUMBS_UP'] as const, keepComments: 5 };
    expect(issueItemFromRest('acme/widgets', closed, null, { ...options, voteContents: ['THUMBS_UP'] }).stateReason).toBe('NOT_PLANNED');
    const details = { stateReason: 'DUPLICATE', reactions: [], timeline: [] };
    const item = issueItemFromRest('acme/widgets', closed, details, { ...options, voteContents: ['THUMBS_UP'] });
    expect(item).toMatchObject({ stateReason: 'DUPLICATE', state: 'CLOSED', body: '', labels: ['area: themes', 'enhancement'] });
  });

  it('never keeps draft releases', () => {
    const release = {
      tagName: 'v2.0.0',
      name: 'v2',
      description: 'notes',
      url: 'https://github.com/acme/widgets/releases/tag/v2.0.0',
      isPrerelease: false,
      createdAt: '2026-01-01T00:00:00Z',
      author: null,
      tagCommit: null,
    };
    expect(releaseFromGraphql('acme/widgets', { ...release, isDraft: true, publishedAt: null })).toBeNull();
    expect(releaseFromGraphql('acme/widgets', { ...release, isDraft: false, publishedAt: '2026-01-02T00:00:00Z' })).toMatchObject({
      tagName: 'v2.0.0',
      body: 'notes',
    });
  });
});

describe('former addresses from a timeline', () => {
  const renamed = (previousTitle: string, currentTitle: string, createdAt: string) =>
    ({ __typename: 'RenamedTitleEvent', createdAt, previousTitle, currentTitle }) as const;

  it('keeps the titles held at the present number only: renames before a transfer happened under another number', () => {
    const timeline = [
      renamed('First title', 'Second title', '2026-01-02T00:00:00Z'),
      { __typename: 'TransferredEvent', createdAt: '2026-01-03T00:00:00Z', fromRepository: { nameWithOwner: 'acme/old' } } as const,
      renamed('Second title', 'Third title', '2026-01-04T00:00:00Z'),
      renamed('Third title', 'Dark mode', '2026-01-05T00:00:00Z'),
      renamed('Dark mode', 'Second title', '2026-01-06T00:00:00Z'),
      renamed('Second title', 'Dark mode', '2026-01-07T00:00:00Z'),
    ];
    expect(formerAddressesFromTimeline({ repository: 'acme/widgets', number: 12, title: 'Dark mode' }, timeline)).toEqual([
      { repository: 'acme/widgets', number: 12, title: 'Second title' },
      { repository: 'acme/widgets', number: 12, title: 'Third title' },
    ]);
  });
});
