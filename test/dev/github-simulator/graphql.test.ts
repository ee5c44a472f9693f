import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../../scripts/dev/github-simulator/server.ts';
import { graphql, rest } from './client.ts';
import { issue, manyIssues, OWNER, REPO, SHAS, smallWorld, TOKEN } from './small-world.ts';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ world: smallWorld(), token: TOKEN });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.world = smallWorld();
  sim.rateLimits.graphql.remaining = sim.rateLimits.graphql.limit;
  sim.faults.clear();
  sim.resetLog();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ISSUE_BY_NUMBER = `query ($number: Int!) { repository(owner: "acme", name: "widgets") { issue(number: $number) { ...Fields } } }`;

async function issueFields(number: number, fields: string): Promise<Json> {
  const reply = await graphql<Json>(sim, `${ISSUE_BY_NUMBER} fragment Fields on Issue { ${fields} }`, { variables: { number } });
  expect(reply.body.errors).toBeUndefined();
  return reply.body.data?.['repository'].issue;
}

describe('repositories and issues', () => {
  test('a repository reads with GitHub-shaped ids, URLs and enums', async () => {
    const reply = await graphql<Json>(
      sim,
      `{ repository(owner: "ACME", name: "Widgets") { id name nameWithOwner url description isPrivate visibility owner { __typename login } } }`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data?.['repository']).toEqual({
      id: expect.stringMatching(/^R_[A-Za-z0-9_-]+$/),
      name: 'widgets',
      nameWithOwner: 'acme/widgets',
      url: 'https://github.com/acme/widgets',
      description: 'Widgets for everyone',
      isPrivate: false,
      visibility: 'PUBLIC',
      owner: { __typename: 'Organization', login: 'acme' },
    });
  });

  test('authors come back typed by account kind; a deleted author is null; bots lose their [bot] suffix', async () => {
    const reply = await graphql<Json>(
      sim,
      `{ repository(owner: "acme", name: "widgets") {
          issues(first: 10) { nodes { number author { __typename login avatarUrl url } } }
          discussion(number: 8) { author { __typename login } }
        } }`,
    );
    const authors = Object.fromEntries(
      (reply.body.data?.['repository'].issues.nodes as Json[]).map((node) => [node['number'], node['author']]),
    );
    expect(authors[1]).toEqual({
      __typename: 'User',
      login: 'alice',
      avatarUrl: 'https://avatars.githubusercontent.com/u/101?v=4',
      url: 'https://github.com/alice',
    });
    expect(authors[3]).toBeNull();
    expect(authors[5]).toMatchObject({ __typename: 'Bot', login: 'dependabot', url: 'https://github.com/apps/dependabot' });
    expect(reply.body.data?.['repository'].discussion.author).toEqual({ __typename: 'Mannequin', login: 'old-svn-user' });
  });

  test('an issue carries its fields with GitHub timestamps, labels and milestone', async () => {
    sim.world.repositories[0]!.issues[0]!.createdAt = '2026-01-01T09:00:00.000Z';
    const fields = await issueFields(
      1,
      `number title body url state closed locked createdAt updatedAt closedAt authorAssociation
       labels(first: 10) { totalCount nodes { name color description } }
       milestone { number title state dueOn url }`,
    );
    expect(fields).toEqual({
      number: 1,
      title: 'Dark mode',
      body: 'Please add a dark mode.',
      url: 'https://github.com/acme/widgets/issues/1',
      state: 'OPEN',
      closed: false,
      locked: false,
      createdAt: '2026-01-01T09:00:00Z',
      updatedAt: '2026-01-12T09:00:00Z',
      closedAt: null,
      authorAssociation: 'CONTRIBUTOR',
      labels: {
        totalCount: 2,
        nodes: [
          { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' },
          { name: 'status: planned', color: '0e8a16', description: null },
        ],
      },
      milestone: { number: 1, title: 'v1.0', state: 'OPEN', dueOn: '2026-06-30T07:00:00Z', url: 'https://github.com/acme/widgets/milestone/1' },
    });
  });

  test('stateReason reports DUPLICATE only to clients that pass enableDuplicate: true', async () => {
    const fields = await issueFields(3, 'state plain: stateReason opted: stateReason(enableDuplicate: true)');
    expect(fields).toEqual({ state: 'CLOSED', plain: 'NOT_PLANNED', opted: 'DUPLICATE' });
    expect(await issueFields(2, 'plain: stateReason opted: stateReason(enableDuplicate: true)')).toEqual({
      plain: 'COMPLETED',
      opted: 'COMPLETED',
    });
  });

  test('reactions can be filtered by content; reaction groups list all eight contents', async () => {
    const fields = await issueFields(
      1,
      `thumbs: reactions(first: 10, content: THUMBS_UP) { totalCount nodes { content createdAt user { login } } }
       all: reactions(first: 10) { totalCount pageInfo { hasNextPage } }
       reactionGroups { content reactors(first: 10) { totalCount } }`,
    );
    expect(fields['thumbs'].totalCount).toBe(3);
    expect(fields['thumbs'].nodes.map((node: Json) => node['user'].login)).toEqual(['alice', 'bob', 'carol']);
    expect(fields['all']).toEqual({ totalCount: 4, pageInfo: { hasNextPage: false } });
    expect(fields['reactionGroups'].map((group: Json) => group['content'])).toEqual([
      'THUMBS_UP',
      'THUMBS_DOWN',
      'LAUGH',
      'HOORAY',
      'CONFUSED',
      'HEART',
      'ROCKET',
      'EYES',
    ]);
    const counts = Object.fromEntries(fields['reactionGroups'].map((group: Json) => [group['content'], group['reactors'].totalCount]));
    expect(counts).toMatchObject({ THUMBS_UP: 3, HEART: 1, EYES: 0 });
  });

  test('comments carry minimisation, authors and reactions', async () => {
    const fields = await issueFields(
      1,
      `comments(first: 10) { totalCount nodes { id body url isMinimized minimizedReason authorAssociation author { login } reactions(first: 5) { totalCount } } }`,
    );
    expect(fields['comments'].totalCount).toBe(2);
    expect(fields['comments'].nodes[1]).toEqual({
      id: expect.stringMatching(/^IC_/),
      body: 'Buy cheap watches',
      url: 'https://github.com/acme/widgets/issues/1#issuecomment-302',
      isMinimized: true,
      minimizedReason: 'spam',
      authorAssociation: 'NONE',
      author: { login: 'carol' },
      reactions: { totalCount: 1 },
    });
  });
});

describe('timelines, duplicates and closing pull requests', () => {
  test('timeline items interleave comments and events by time and filter by type', async () => {
    const fields = await issueFields(
      1,
      `all: timelineItems(first: 10) {
         totalCount
         nodes {
           __typename
           ... on IssueComment { body }
           ... on LabeledEvent { createdAt label { name } actor { login } }
         }
       }
       onlyComments: timelineItems(first: 10, itemTypes: [ISSUE_COMMENT]) { totalCount }
       recent: timelineItems(first: 10, since: "2026-01-05T00:00:00Z") { nodes { __typename } }`,
    );
    expect(fields['all'].nodes).toEqual([
      { __typename: 'LabeledEvent', createdAt: '2026-01-02T12:00:00Z', label: { name: 'enhancement' }, actor: { login: 'alice' } },
      { __typename: 'IssueComment', body: '+1, my eyes hurt' },
      { __typename: 'LabeledEvent', createdAt: '2026-01-05T12:00:00Z', label: { name: 'status: planned' }, actor: { login: 'alice' } },
      { __typename: 'IssueComment', body: 'Buy cheap watches' },
    ]);
    expect(fields['onlyComments'].totalCount).toBe(2);
    expect(fields['recent'].nodes).toEqual([{ __typename: 'LabeledEvent' }, { __typename: 'IssueComment' }]);
  });

  test('a duplicate names its canonical issue through MarkedAsDuplicateEvent', async () => {
    const fields = await issueFields(
      3,
      `timelineItems(first: 10, itemTypes: [MARKED_AS_DUPLICATE_EVENT, CLOSED_EVENT]) {
         nodes {
           __typename
           ... on MarkedAsDuplicateEvent {
             isCrossRepository
             canonical { __typename ... on Issue { number } }
             duplicate { ... on Issue { number } }
           }
           ... on ClosedEvent { stateReason closer { __typename } }
         }
       }`,
    );
    expect(fields['timelineItems'].nodes).toEqual([
      { __typename: 'MarkedAsDuplicateEvent', isCrossRepository: false, canonical: { __typename: 'Issue', number: 1 }, duplicate: { number: 3 } },
      { __typename: 'ClosedEvent', stateReason: 'NOT_PLANNED', closer: null },
    ]);
  });

  test('unmarking a duplicate and reopening show as their own events', async () => {
    const duplicate = sim.world.repositories[0]!.issues[2]!;
    duplicate.events.push(
      { kind: 'unmarked_as_duplicate', id: 406, actor: 'bob', createdAt: '2026-01-09T00:00:00Z', canonical: { repository: 'acme/widgets', number: 1 } },
      { kind: 'reopened', id: 407, actor: 'bob', createdAt: '2026-01-09T00:01:00Z' },
      { kind: 'unlabeled', id: 408, actor: 'bob', createdAt: '2026-01-09T00:02:00Z', label: 'enhancement' },
    );
    const fields = await issueFields(
      3,
      `timelineItems(last: 3) {
         nodes {
           __typename
           ... on UnmarkedAsDuplicateEvent { actor { login } canonical { ... on Issue { number } } }
           ... on ReopenedEvent { createdAt }
           ... on UnlabeledEvent { label { name } }
         }
       }`,
    );
    expect(fields['timelineItems'].nodes).toEqual([
      { __typename: 'UnmarkedAsDuplicateEvent', actor: { login: 'bob' }, canonical: { number: 1 } },
      { __typename: 'ReopenedEvent', createdAt: '2026-01-09T00:01:00Z' },
      { __typename: 'UnlabeledEvent', label: { name: 'enhancement' } },
    ]);
  });

  test('milestone changes show as MilestonedEvent and DemilestonedEvent, with the title the milestone had then', async () => {
    const issue = sim.world.repositories[0]!.issues[1]!;
    issue.events.push(
      { kind: 'milestoned', id: 409, actor: 'bob', createdAt: '2026-01-10T00:00:00Z', milestoneTitle: 'v1.3.0' },
      { kind: 'demilestoned', id: 410, actor: 'bob', createdAt: '2026-01-11T00:00:00Z', milestoneTitle: 'v1.3.0' },
      { kind: 'milestoned', id: 411, actor: null, createdAt: '2026-01-11T00:00:00Z', milestoneTitle: 'v1.4.0' },
    );
    const fields = await issueFields(
      issue.number,
      `timelineItems(first: 10, itemTypes: [MILESTONED_EVENT, DEMILESTONED_EVENT]) {
         nodes {
           __typename
           ... on MilestonedEvent { actor { login } createdAt milestoneTitle subject { ... on Issue { number } } }
           ... on DemilestonedEvent { createdAt milestoneTitle }
         }
       }`,
    );
    expect(fields['timelineItems'].nodes).toEqual([
      { __typename: 'MilestonedEvent', actor: { login: 'bob' }, createdAt: '2026-01-10T00:00:00Z', milestoneTitle: 'v1.3.0', subject: { number: issue.number } },
      { __typename: 'DemilestonedEvent', createdAt: '2026-01-11T00:00:00Z', milestoneTitle: 'v1.3.0' },
      { __typename: 'MilestonedEvent', actor: null, createdAt: '2026-01-11T00:00:00Z', milestoneTitle: 'v1.4.0', subject: { number: issue.number } },
    ]);
  });

  test('an issue closed by a merged pull request names it, in the timeline and in closedByPullRequestsReferences', async () => {
    const fields = await issueFields(
      2,
      `closedByPullRequestsReferences(first: 5) { nodes { number state merged mergedAt mergeCommit { oid } repository { nameWithOwner } } }
       timelineItems(first: 5, itemTypes: [CLOSED_EVENT]) { nodes { ... on ClosedEvent { stateReason closer { ... on PullRequest { number url } } } } }`,
    );
    expect(fields['closedByPullRequestsReferences'].nodes).toEqual([
      {
        number: 10,
        state: 'MERGED',
        merged: true,
        mergedAt: '2026-01-08T00:00:00Z',
        mergeCommit: { oid: SHAS.fixCrash },
        repository: { nameWithOwner: 'acme/widgets' },
      },
    ]);
    expect(fields['timelineItems'].nodes).toEqual([
      { stateReason: 'COMPLETED', closer: { number: 10, url: 'https://github.com/acme/widgets/pull/10' } },
    ]);
  });

  test('pull requests closed without merging show only with includeClosedPrs', async () => {
    const fields = await issueFields(
      1,
      `open: closedByPullRequestsReferences(first: 5) { nodes { number } }
       all: closedByPullRequestsReferences(first: 5, includeClosedPrs: true) { nodes { number } }`,
    );
    expect(fields['open'].nodes).toEqual([{ number: 11 }]);
    expect(fields['all'].nodes).toEqual([{ number: 11 }, { number: 12 }]);
  });

  test('a pull request lists the issues it closes', async () => {
    const reply = await graphql<Json>(
      sim,
      `{ repository(owner: "acme", name: "widgets") { pullRequest(number: 10) { title url author { login } closingIssuesReferences(first: 5) { nodes { number } } } } }`,
    );
    expect(reply.body.data?.['repository'].pullRequest).toEqual({
      title: 'Fix crash on start',
      url: 'https://github.com/acme/widgets/pull/10',
      author: { login: 'bob' },
      closingIssuesReferences: { nodes: [{ number: 2 }] },
    });
  });
});

describe('Discussions, releases and milestones', () => {
  test('Discussions come newest-updated first, filter by category and carry upvotes', async () => {
    const categories = await graphql<Json>(sim, `{ repository(owner: "acme", name: "widgets") { discussionCategories(first: 10) { nodes { id name slug } } } }`);
    const qa = categories.body.data?.['repository'].discussionCategories.nodes.find((node: Json) => node['slug'] === 'q-a');
    const reply = await graphql<Json>(
      sim,
      `query ($category: ID) { repository(owner: "acme", name: "widgets") {
          all: discussions(first: 10) { totalCount nodes { number title upvoteCount closed stateReason category { name slug } url labels(first: 5) { nodes { name } } comments(first: 5) { totalCount nodes { body } } } }
          questions: discussions(first: 10, categoryId: $category) { nodes { number } }
        } }`,
      { variables: { category: qa.id } },
    );
    const repository = reply.body.data?.['repository'];
    expect(repository.all.nodes.map((node: Json) => node['number'])).toEqual([7, 8]);
    expect(repository.all.nodes[0]).toEqual({
      number: 7,
      title: 'Idea: plugins',
      upvoteCount: 12,
      closed: false,
      stateReason: null,
      category: { name: 'Ideas', slug: 'ideas' },
      url: 'https://github.com/acme/widgets/discussions/7',
      labels: { nodes: [{ name: 'enhancement' }] },
      comments: { totalCount: 1, nodes: [{ body: 'Yes please' }] },
    });
    expect(repository.all.nodes[1]).toMatchObject({ number: 8, closed: true, stateReason: 'RESOLVED' });
    expect(repository.questions.nodes).toEqual([{ number: 8 }]);
  });

  test('releases include drafts for a token holder and order by creation', async () => {
    const reply = await graphql<Json>(
      sim,
      `{ repository(owner: "acme", name: "widgets") {
          releases(first: 10, orderBy: {field: CREATED_AT, direction: DESC}) {
            nodes { tagName name isDraft isPrerelease isLatest publishedAt url author { login } tagCommit { oid } }
          }
        } }`,
    );
    const nodes = reply.body.data?.['repository'].releases.nodes as Json[];
    expect(nodes.map((node) => node['tagName'])).toEqual(['v1.2.0', 'v1.1.0-beta.1', 'v1.0.0', 'v0.9.0']);
    expect(nodes[0]).toMatchObject({ isDraft: true, publishedAt: null, author: { login: 'github-actions[bot]' } });
    expect(nodes[2]).toEqual({
      tagName: 'v1.0.0',
      name: 'One point oh',
      isDraft: false,
      isPrerelease: false,
      isLatest: true,
      publishedAt: '2026-01-15T00:00:00Z',
      url: 'https://github.com/acme/widgets/releases/tag/v1.0.0',
      author: { login: 'alice' },
      tagCommit: { oid: SHAS.v100 },
    });
  });

  test('milestones filter by state', async () => {
    const reply = await graphql<Json>(
      sim,
      `{ repository(owner: "acme", name: "widgets") { milestones(first: 10, states: [CLOSED]) { nodes { number title closedAt } } } }`,
    );
    expect(reply.body.data?.['repository'].milestones.nodes).toEqual([{ number: 2, title: 'v0.9', closedAt: '2025-12-20T00:00:00Z' }]);
  });
});

describe('pagination', () => {
  const PAGE = `query ($after: String) {
    repository(owner: "acme", name: "widgets") {
      issues(first: 100, after: $after, states: [OPEN, CLOSED]) { totalCount pageInfo { hasNextPage endCursor } nodes { number } }
    }
  }`;

  test('walking cursors visits every issue exactly once', async () => {
    sim.world.repositories[0]!.issues.push(...manyIssues(250));
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const reply: Awaited<ReturnType<typeof graphql<Json>>> = await graphql<Json>(sim, PAGE, { variables: { after } });
      const connection = reply.body.data?.['repository'].issues;
      seen.push(...connection.nodes.map((node: Json) => node['number']));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(255);
    expect(new Set(seen).size).toBe(255);
  });

  test('a cursor stays on its item when an earlier item appears between two pages', async () => {
    const firstPage = await graphql<Json>(
      sim,
      `{ repository(owner: "acme", name: "widgets") { issues(first: 2) { pageInfo { endCursor } nodes { number } } } }`,
    );
    const endCursor: string = firstPage.body.data?.['repository'].issues.pageInfo.endCursor;
    expect(firstPage.body.data?.['repository'].issues.nodes).toEqual([{ number: 1 }, { number: 2 }]);
    sim.world.repositories[0]!.issues.push(issue({ number: 99, createdAt: '2025-01-01T00:00:00Z' }));
    const secondPage = await graphql<Json>(
      sim,
      `query ($after: String) { repository(owner: "acme", name: "widgets") { issues(first: 2, after: $after) { nodes { number } } } }`,
      { variables: { after: endCursor } },
    );
    expect(secondPage.body.data?.['repository'].issues.nodes).toEqual([{ number: 3 }, { number: 4 }]);
  });

  test('last and before page backwards', async () => {
    const reply = await graphql<Json>(
      sim,
      `{ repository(owner: "acme", name: "widgets") { issues(last: 2) { pageInfo { hasPreviousPage hasNextPage startCursor } nodes { number } } } }`,
    );
    const connection = reply.body.data?.['repository'].issues;
    expect(connection.nodes).toEqual([{ number: 4 }, { number: 5 }]);
    expect(connection.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await graphql<Json>(
      sim,
      `query ($before: String) { repository(owner: "acme", name: "widgets") { issues(last: 2, before: $before) { nodes { number } } } }`,
      { variables: { before: connection.pageInfo.startCursor } },
    );
    expect(before.body.data?.['repository'].issues.nodes).toEqual([{ number: 2 }, { number: 3 }]);
  });

  test('issues filter by update time and labels, and order by update', async () => {
    const reply = await graphql<Json>(
      sim,
      `{ repository(owner: "acme", name: "widgets") {
          recent: issues(first: 10, filterBy: {since: "2026-01-06T00:00:00Z"}, orderBy: {field: UPDATED_AT, direction: DESC}) { nodes { number } }
          anyLabel: issues(first: 10, labels: ["bug", "ENHANCEMENT"]) { nodes { number } }
        } }`,
    );
    expect(reply.body.data?.['repository'].recent.nodes).toEqual([{ number: 1 }, { number: 2 }, { number: 5 }]);
    expect(reply.body.data?.['repository'].anyLabel.nodes).toEqual([{ number: 1 }, { number: 2 }, { number: 3 }]);
  });

  test('a cursor the simulator did not mint is rejected like GitHub', async () => {
    const reply = await graphql<Json>(
      sim,
      `{ repository(owner: "acme", name: "widgets") { issues(first: 2, after: "bm9wZQ==") { nodes { number } } } }`,
    );
    expect(reply.body.errors).toEqual([
      expect.objectContaining({ type: 'INVALID_CURSOR_ARGUMENTS', message: '`bm9wZQ==` does not appear to be a valid cursor.' }),
    ]);
  });
});

describe('global node ids', () => {
  test('ids equal REST node_id and resolve through node and nodes', async () => {
    const restIssue = await rest<Json>(sim, `/repos/${OWNER}/${REPO}/issues/1`);
    const reply = await graphql<Json>(
      sim,
      `{ repository(owner: "acme", name: "widgets") { issue(number: 1) { id comments(first: 1) { nodes { id } } } discussion(number: 7) { id } } }`,
    );
    const repository = reply.body.data?.['repository'];
    expect(repository.issue.id).toBe(restIssue.body['node_id']);
    const ids = [repository.issue.id, repository.discussion.id, repository.issue.comments.nodes[0].id, 'I_bm9wZQ'];
    const resolved = await graphql<Json>(
      sim,
      `query ($ids: [ID!]!, $one: ID!) {
          nodes(ids: $ids) { __typename id ... on Issue { number } ... on Discussion { number } ... on IssueComment { body } }
          node(id: $one) { ... on Discussion { title } }
        }`,
      { variables: { ids, one: repository.discussion.id } },
    );
    expect(resolved.body.data).toEqual({
      nodes: [
        { __typename: 'Issue', id: ids[0], number: 1 },
        { __typename: 'Discussion', id: ids[1], number: 7 },
        { __typename: 'IssueComment', id: ids[2], body: '+1, my eyes hurt' },
        null,
      ],
      node: { title: 'Idea: plugins' },
    });
    expect(resolved.body.errors).toEqual([
      expect.objectContaining({ type: 'NOT_FOUND', path: ['nodes', 3], message: "Could not resolve to a node with the global id of 'I_bm9wZQ'" }),
    ]);
  });
});

describe('errors, like GitHub', () => {
  test('an unknown repository is null with a NOT_FOUND error, and the rest of the query still answers', async () => {
    const reply = await graphql<Json>(
      sim,
      `{ missing: repository(owner: "acme", name: "nope") { id } found: repository(owner: "acme", name: "widgets") { name } }`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({ missing: null, found: { name: 'widgets' } });
    expect(reply.body.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['missing'],
        locations: [{ line: 1, column: 3 }],
        message: "Could not resolve to a Repository with the name 'acme/nope'.",
      },
    ]);
  });

  test('an issue number that is not an issue is NOT_FOUND', async () => {
    const reply = await graphql<Json>(sim, `{ repository(owner: "acme", name: "widgets") { issue(number: 7) { title } } }`);
    expect(reply.body.data).toEqual({ repository: { issue: null } });
    expect(reply.body.errors?.[0]).toMatchObject({
      type: 'NOT_FOUND',
      path: ['repository', 'issue'],
      message: 'Could not resolve to an Issue with the number of 7.',
    });
  });

  test('invalid documents are rejected before running, in graphql-ruby wording', async () => {
    const unknownQuery = `query Q { repository(owner: "acme", name: "widgets") { stars } }`;
    const unknownField = await graphql(sim, unknownQuery);
    expect(unknownField.body).toEqual({
      errors: [
        {
          path: ['query Q', 'repository', 'stars'],
          extensions: { code: 'undefinedField', typeName: 'Repository', fieldName: 'stars' },
          locations: [{ line: 1, column: unknownQuery.indexOf('stars') + 1 }],
          message: "Field 'stars' doesn't exist on type 'Repository'",
        },
      ],
    });
    const missingArgument = await graphql(sim, `{ repository(owner: "acme") { name } }`);
    expect(missingArgument.body.errors?.[0]?.message).toBe("Field 'repository' is missing required arguments: name");
    const unfinished = `{ repository(owner: "acme", name: "widgets") { name }`;
    const syntax = await graphql(sim, unfinished);
    expect(syntax.body).toEqual({
      errors: [{ message: 'Unexpected end of document', locations: [{ line: 1, column: unfinished.length + 1 }] }],
    });
    const badVariable = await graphql(sim, ISSUE_BY_NUMBER.replace('...Fields', 'title'), { variables: { number: 'one' } });
    expect(badVariable.body.errors?.[0]?.message).toBe('Variable $number of type Int! was provided invalid value');
    const undeclared = await graphql(sim, `{ repository(owner: "acme", name: "widgets") { issue(number: $n) { ...Missing } } }`);
    expect(undeclared.body.errors?.map((error) => error.message)).toEqual([
      'Fragment Missing was used, but not defined',
      'Variable $n is used but not declared',
    ]);
    expect(undeclared.body.errors?.[1]?.path).toEqual(['query', 'repository', 'issue', 'number']);
    for (const reply of [unknownField, missingArgument, syntax, badVariable, undeclared]) {
      expect(reply.status).toBe(200);
      expect(reply.body).not.toHaveProperty('data');
    }
  });

  test('a connection selecting nodes without first or last is refused; totalCount alone is fine', async () => {
    const query = `{ repository(owner: "acme", name: "widgets") { issues { totalCount } labels { nodes { name } } } viewer { login } }`;
    const reply = await graphql<Json>(sim, query);
    expect(reply.body.data).toEqual({ repository: null, viewer: { login: 'roadmap-bot[bot]' } });
    expect(reply.body.errors).toEqual([
      {
        type: 'MISSING_PAGINATION_BOUNDARIES',
        path: ['repository', 'labels'],
        locations: [{ line: 1, column: query.indexOf('labels') + 1 }],
        message: 'You must provide a `first` or `last` value to properly paginate the `labels` connection.',
      },
    ]);
  });

  test('page sizes above 100 are refused, also on nested connections', async () => {
    const reply = await graphql<Json>(
      sim,
      `{ repository(owner: "acme", name: "widgets") { issues(first: 10) { nodes { comments(first: 101) { nodes { body } } } } } }`,
    );
    expect(reply.body.data).toEqual({ repository: null });
    expect(reply.body.errors).toEqual([
      expect.objectContaining({
        type: 'EXCESSIVE_PAGINATION',
        path: ['repository', 'issues', 'nodes', 'comments'],
        message: 'Requesting 101 records on the `comments` connection exceeds the `first` limit of 100 records.',
      }),
    ]);
  });

  test('mutations are refused with an explanation', async () => {
    const reply = await graphql(sim, `mutation { addComment(input: {subjectId: "I_x", body: "hi"}) { clientMutationId } }`);
    expect(reply.body.errors?.[0]).toMatchObject({ type: 'UNSUPPORTED' });
  });
});

describe('authentication', () => {
  test('GraphQL without a token is 401, as on GitHub', async () => {
    const reply = await graphql(sim, '{ viewer { login } }', { token: null });
    expect(reply.status).toBe(401);
    expect(reply.body.message).toBe('This endpoint requires you to be authenticated.');
  });

  test('a wrong token is 401 Bad credentials', async () => {
    const reply = await graphql(sim, '{ viewer { login } }', { token: 'wrong' });
    expect(reply.status).toBe(401);
    expect(reply.body.message).toBe('Bad credentials');
  });

  test('a private repository is visible to the right token and hidden from anonymous REST', async () => {
    const reply = await graphql<Json>(sim, `{ repository(owner: "acme", name: "secret") { isPrivate visibility issue(number: 1) { title } } }`);
    expect(reply.body.data?.['repository']).toEqual({ isPrivate: true, visibility: 'PRIVATE', issue: { title: 'Secret plan' } });
    expect((await rest(sim, '/repos/acme/secret/issues', { token: null })).status).toBe(404);
  });
});

describe('rate limit accounting', () => {
  const COSTLY = `query Costly {
    repository(owner: "acme", name: "widgets") {
      issues(first: 100) { nodes { comments(first: 100) { nodes { body } } labels(first: 100) { nodes { name } } } }
    }
    rateLimit { cost limit remaining used resetAt nodeCount }
  }`;

  test('the cost is reported in rateLimit, deducted, sent in headers and logged', async () => {
    const reply = await graphql<Json>(sim, COSTLY);
    // 1 issue page + 100 comment pages + 100 label pages = 201 requests → 2 points.
    expect(reply.body.data?.['rateLimit']).toEqual({
      cost: 2,
      limit: 5000,
      remaining: 4998,
      used: 2,
      resetAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      nodeCount: 100 + 100 * 100 + 100 * 100,
    });
    expect(reply.headers.get('x-ratelimit-remaining')).toBe('4998');
    expect(reply.headers.get('x-ratelimit-used')).toBe('2');
    expect(reply.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(reply.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(Number(reply.headers.get('x-ratelimit-reset'))).toBe(Math.floor(sim.rateLimits.graphql.resetAt.getTime() / 1000));
    expect(sim.log).toEqual([expect.objectContaining({ kind: 'graphql', operationName: 'Costly', cost: 2, status: 200 })]);
  });

  test('a dry run prices the query without charging or reading data', async () => {
    const reply = await graphql<Json>(sim, COSTLY.replace('rateLimit {', 'rateLimit(dryRun: true) {'));
    expect(reply.body.data).toEqual({ repository: null, rateLimit: expect.objectContaining({ cost: 2, remaining: 5000 }) });
    expect(sim.rateLimits.graphql.remaining).toBe(5000);
  });
});
