import { describe, expect, test } from 'vitest';
import { calculateQueryCost } from '../../../scripts/dev/github-simulator/query-cost.ts';
import { issueDetailsDocument, TIMELINE_ITEM_TYPES } from '../../../src/sync/graphql-documents.ts';

// Worked examples from GitHub's "Rate limits and node limits for the GraphQL API".
describe("GitHub's documented examples", () => {
  test('the rate-limit score example: 5,101 requests cost 51 points', () => {
    const query = `
      query {
        viewer {
          login
          repositories(first: 100) {
            edges {
              node {
                id
                issues(first: 50) {
                  edges {
                    node {
                      id
                      labels(first: 60) {
                        edges { node { id name } }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }`;
    expect(calculateQueryCost(query)).toMatchObject({ requestCount: 1 + 100 + 5000, cost: 51 });
  });

  test('the simple node-limit example: 550 nodes, 51 requests, 1 point', () => {
    const query = `
      query {
        viewer {
          repositories(first: 50) {
            edges {
              repository: node {
                name
                issues(first: 10) {
                  totalCount
                  edges { node { title bodyHTML } }
                }
              }
            }
          }
        }
      }`;
    expect(calculateQueryCost(query)).toEqual({ nodeCount: 550, requestCount: 51, cost: 1 });
  });

  test('the complex node-limit example: 22,060 nodes', () => {
    const query = `
      query {
        viewer {
          repositories(first: 50) {
            edges {
              repository: node {
                name
                pullRequests(first: 20) {
                  edges {
                    pullRequest: node {
                      title
                      comments(first: 10) { edges { comment: node { bodyHTML } } }
                    }
                  }
                }
                issues(first: 20) {
                  totalCount
                  edges {
                    issue: node {
                      title
                      bodyHTML
                      comments(first: 10) { edges { comment: node { bodyHTML } } }
                    }
                  }
                }
              }
            }
          }
          followers(first: 10) { edges { follower: node { login } } }
        }
      }`;
    // 1 + 50 + 50×20 + 50 + 50×20 + 1 requests.
    expect(calculateQueryCost(query)).toEqual({ nodeCount: 22_060, requestCount: 2102, cost: 21 });
  });
});

describe('the formula applied to the queries a sync sends', () => {
  test('a query with no connection still costs the minimum of one point', () => {
    expect(calculateQueryCost('{ viewer { login } rateLimit { remaining } }')).toEqual({ cost: 1, requestCount: 0, nodeCount: 0 });
  });

  test('page sizes given as variables are priced with their values', () => {
    const query = `query Issues($owner: String!, $name: String!, $pageSize: Int!, $commentPage: Int = 100) {
      repository(owner: $owner, name: $name) {
        issues(first: $pageSize) { nodes { comments(first: $commentPage) { nodes { body } } } }
      }
    }`;
    expect(calculateQueryCost(query, { variables: { owner: 'o', name: 'n', pageSize: 100 } })).toMatchObject({
      requestCount: 101,
      cost: 1,
    });
    expect(
      calculateQueryCost(query, { variables: { owner: 'o', name: 'n', pageSize: 100, commentPage: 100 } }).nodeCount,
    ).toBe(100 + 100 * 100);
  });

  test('sibling connections under a page are each fetched once per item, and the sum is rounded', () => {
    const query = `{
      repository(owner: "o", name: "n") {
        issues(first: 100) {
          nodes {
            labels(first: 20) { nodes { name } }
            comments(first: 100) { nodes { body } }
            reactions(first: 100) { nodes { content } }
          }
        }
      }
    }`;
    // 1 + 3 × 100 = 301 requests → 3.01 → 3 points.
    expect(calculateQueryCost(query)).toMatchObject({ requestCount: 301, cost: 3 });
  });

  test('a connection asked only for its totalCount is one request per parent and returns no nodes', () => {
    const query = `{
      repository(owner: "o", name: "n") {
        issues(first: 100) { nodes { comments { totalCount } } }
      }
    }`;
    expect(calculateQueryCost(query)).toEqual({ requestCount: 101, nodeCount: 100, cost: 1 });
  });

  test('nodes(ids:) is priced as if every id were a page item', () => {
    const ids = Array.from({ length: 50 }, (_, index) => `"I_${String(index)}"`).join(', ');
    const query = `{
      nodes(ids: [${ids}]) {
        ... on Issue { comments(first: 100) { nodes { reactions(first: 100) { nodes { content } } } } }
      }
    }`;
    // 50 comment pages + 50 × 100 reaction pages = 5,050 requests → 50.5 → 51 points.
    expect(calculateQueryCost(query)).toMatchObject({ requestCount: 5050, cost: 51 });
  });

  test('@skip and @include remove connections from the price', () => {
    const query = `query ($withComments: Boolean!, $lean: Boolean!) {
      repository(owner: "o", name: "n") {
        issues(first: 100) {
          nodes {
            comments(first: 100) @include(if: $withComments) { nodes { body } }
            reactions(first: 100) @skip(if: $lean) { nodes { content } }
          }
        }
      }
    }`;
    const price = (withComments: boolean, lean: boolean): number =>
      calculateQueryCost(query, { variables: { withComments, lean } }).requestCount;
    expect(price(true, false)).toBe(201);
    expect(price(false, false)).toBe(101);
    expect(price(false, true)).toBe(1);
  });

  test('fragments are expanded wherever they are spread, and aliases count separately', () => {
    const query = `
      query {
        repository(owner: "o", name: "n") {
          open: issues(first: 50, states: OPEN) { nodes { ...IssueParts } }
          closed: issues(first: 50, states: CLOSED) { nodes { ...IssueParts } }
        }
      }
      fragment IssueParts on Issue {
        comments(first: 100) { nodes { body } }
        ... on Issue { labels(first: 10) { nodes { name } } }
      }`;
    // 2 issue pages + 2 × 50 × (comments + labels).
    expect(calculateQueryCost(query)).toMatchObject({ requestCount: 2 + 2 * 50 * 2, cost: 2 });
  });

  test('the operation to price is chosen by name when the document holds several', () => {
    const query = `
      query Small { viewer { login } }
      query Large { repository(owner: "o", name: "n") { issues(first: 100) { nodes { comments(first: 100) { nodes { body } } } } } }`;
    expect(calculateQueryCost(query, { operationName: 'Large' }).requestCount).toBe(101);
    expect(() => calculateQueryCost(query)).toThrow(/several operations/);
  });
});

describe("the sync's issue details query", () => {
  const ids = Array.from({ length: 100 }, (_, index) => `I_${index}`);
  const price = (withVotes: boolean, withTimeline: boolean) =>
    calculateQueryCost(issueDetailsDocument, { variables: { ids, withVotes, withTimeline, voteContent: 'THUMBS_UP' } });

  test('reads renames and transfers in the same timeline connection, at no extra cost', () => {
    expect(TIMELINE_ITEM_TYPES).toEqual(expect.arrayContaining(['RENAMED_TITLE_EVENT', 'TRANSFERRED_EVENT']));
    // One reactions page and one timeline page per issue: 200 requests, 2 points for 100 issues.
    expect(price(true, true)).toMatchObject({ requestCount: 200, cost: 2 });
    expect(price(false, true)).toMatchObject({ requestCount: 100, cost: 1 });
    expect(price(true, false)).toMatchObject({ requestCount: 100, cost: 1 });
  });
});
