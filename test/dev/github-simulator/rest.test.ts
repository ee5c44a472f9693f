import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../../scripts/dev/github-simulator/server.ts';
import { graphql, rest } from './client.ts';
import { manyIssues, SHAS, smallWorld, TOKEN } from './small-world.ts';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ world: smallWorld(), token: TOKEN });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.world = smallWorld();
  sim.rateLimits.core.remaining = sim.rateLimits.core.limit;
  sim.faults.clear();
  sim.resetLog();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ISSUES = '/repos/acme/widgets/issues';

function numbers(items: Json[]): number[] {
  return items.map((item) => item['number'] as number);
}

function linkTargets(link: string | null): Record<string, string> {
  return Object.fromEntries(
    [...(link ?? '').matchAll(/<([^>]+)>; rel="(\w+)"/g)].map(([, url = '', rel = '']) => [rel, url]),
  );
}

describe('GET /repos/{owner}/{repo}/issues', () => {
  test('lists open issues and pull requests, newest first, pull requests marked by pull_request', async () => {
    const reply = await rest<Json[]>(sim, ISSUES);
    expect(reply.status).toBe(200);
    expect(numbers(reply.body)).toEqual([11, 4, 1]);
    expect(reply.body[0]?.['pull_request']).toMatchObject({
      html_url: 'https://github.com/acme/widgets/pull/11',
      merged_at: null,
    });
    expect(reply.body[1]).not.toHaveProperty('pull_request');
  });

  test("issues carry GitHub's REST fields, a deleted author shows as ghost", async () => {
    const reply = await rest<Json[]>(sim, `${ISSUES}?state=all&per_page=100`);
    const byNumber = new Map(reply.body.map((item) => [item['number'], item]));
    expect(byNumber.get(1)).toMatchObject({
      title: 'Dark mode',
      state: 'open',
      state_reason: null,
      html_url: 'https://github.com/acme/widgets/issues/1',
      user: { login: 'alice', id: 101, type: 'User', avatar_url: 'https://avatars.githubusercontent.com/u/101?v=4' },
      labels: [
        { name: 'enhancement', color: 'a2eeef', description: 'New feature or request', node_id: expect.stringMatching(/^LA_/) },
        { name: 'status: planned', color: '0e8a16', description: null, node_id: expect.stringMatching(/^LA_/) },
      ],
      milestone: { number: 1, title: 'v1.0', state: 'open', open_issues: 1, closed_issues: 0, due_on: '2026-06-30T07:00:00Z' },
      comments: 2,
      locked: false,
      active_lock_reason: null,
      author_association: 'CONTRIBUTOR',
      created_at: '2026-01-01T09:00:00Z',
      reactions: { total_count: 4, '+1': 3, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 1, rocket: 0, eyes: 0 },
    });
    expect(byNumber.get(3)).toMatchObject({ state: 'closed', state_reason: 'duplicate', user: { login: 'ghost', id: 10137 } });
    expect(byNumber.get(5)).toMatchObject({ state_reason: 'not_planned', user: { login: 'dependabot[bot]', type: 'Bot' } });
    expect(byNumber.get(10)).toMatchObject({ state: 'closed', pull_request: { merged_at: '2026-01-08T00:00:00Z' } });
  });

  test('pages follow per_page and page, with a Link header naming next, last, prev and first', async () => {
    sim.world.repositories[0]!.issues.push(...manyIssues(250));
    const first = await rest<Json[]>(sim, `${ISSUES}?state=all&per_page=100`);
    expect(first.body).toHaveLength(100);
    const links = linkTargets(first.headers.get('link'));
    expect(Object.keys(links)).toEqual(['next', 'last']);
    expect(new URL(links['last'] ?? '').searchParams.get('page')).toBe('3');
    const second = await rest<Json[]>(sim, new URL(links['next'] ?? '').pathname + new URL(links['next'] ?? '').search);
    expect(Object.keys(linkTargets(second.headers.get('link')))).toEqual(['prev', 'next', 'last', 'first']);
    const third = await rest<Json[]>(sim, `${ISSUES}?state=all&per_page=100&page=3`);
    expect(third.body).toHaveLength(259 - 200);
    expect(Object.keys(linkTargets(third.headers.get('link')))).toEqual(['prev', 'first']);
    const all = [...first.body, ...second.body, ...third.body];
    expect(new Set(numbers(all)).size).toBe(259);
  });

  test('per_page is capped at 100 and defaults to 30', async () => {
    sim.world.repositories[0]!.issues.push(...manyIssues(150));
    expect((await rest<Json[]>(sim, `${ISSUES}?state=all&per_page=500`)).body).toHaveLength(100);
    expect((await rest<Json[]>(sim, `${ISSUES}?state=all`)).body).toHaveLength(30);
  });

  test('since keeps items updated at or after the time; sort and direction order them', async () => {
    const reply = await rest<Json[]>(sim, `${ISSUES}?state=all&since=2026-01-08T00:00:00Z&sort=updated&direction=asc`);
    expect(numbers(reply.body)).toEqual([2, 10, 1, 13]);
    expect(reply.body.every((item) => item['updated_at'] >= '2026-01-08T00:00:00Z')).toBe(true);
  });

  test('labels must all be present', async () => {
    const both = await rest<Json[]>(sim, `${ISSUES}?state=all&labels=${encodeURIComponent('enhancement,Status: Planned')}`);
    expect(numbers(both.body)).toEqual([1]);
    const one = await rest<Json[]>(sim, `${ISSUES}?state=all&labels=enhancement`);
    expect(numbers(one.body)).toEqual([3, 1]);
  });

  test('an invalid parameter is 422 Validation Failed', async () => {
    const reply = await rest<Json>(sim, `${ISSUES}?state=everything`);
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ message: 'Validation Failed', errors: [{ field: 'state', code: 'invalid' }] });
  });
});

describe('conditional requests', () => {
  test('If-None-Match with the last ETag answers 304 without spending rate limit', async () => {
    const first = await rest<Json[]>(sim, ISSUES);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4999');
    const again = await rest(sim, ISSUES, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    expect(again.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(sim.rateLimits.core.remaining).toBe(4999);

    sim.world.repositories[0]!.issues[0]!.title = 'Dark mode everywhere';
    const changed = await rest<Json[]>(sim, ISSUES, { headers: { 'if-none-match': etag ?? '' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.headers.get('x-ratelimit-remaining')).toBe('4998');
  });
});

describe('issue comments', () => {
  const COMMENTS = `${ISSUES}/1/comments`;

  test('are listed oldest first and paginated', async () => {
    const reply = await rest<Json[]>(sim, `${COMMENTS}?per_page=1`);
    expect(reply.body).toEqual([
      expect.objectContaining({
        id: 301,
        body: '+1, my eyes hurt',
        user: expect.objectContaining({ login: 'bob' }),
        html_url: 'https://github.com/acme/widgets/issues/1#issuecomment-301',
        node_id: expect.stringMatching(/^IC_/),
      }),
    ]);
    expect(linkTargets(reply.headers.get('link'))).toHaveProperty('next');
  });

  test('a new comment is authored by the token user, bumps the issue, and shows up in both APIs', async () => {
    const clock = new Date('2026-03-04T05:06:07.890Z');
    const timed = await startSimulator({ world: smallWorld(), token: TOKEN, now: () => clock });
    try {
      const created = await rest<Json>(timed, COMMENTS, { method: 'POST', body: { body: 'Shipped in v1.0.0' } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        body: 'Shipped in v1.0.0',
        user: { login: 'roadmap-bot[bot]', type: 'Bot' },
        created_at: '2026-03-04T05:06:07Z',
      });
      expect(created.headers.get('location')).toBe(created.body['url']);
      const issueAfter = await rest<Json>(timed, `${ISSUES}/1`);
      expect(issueAfter.body).toMatchObject({ comments: 3, updated_at: '2026-03-04T05:06:07Z' });
      const viaGraphql = await graphql<Json>(
        timed,
        `{ repository(owner: "acme", name: "widgets") { issue(number: 1) { comments(last: 1) { nodes { body author { __typename login } } } } } }`,
      );
      expect(viaGraphql.body.data?.['repository'].issue.comments.nodes).toEqual([
        { body: 'Shipped in v1.0.0', author: { __typename: 'Bot', login: 'roadmap-bot' } },
      ]);
    } finally {
      await timed.close();
    }
  });

  test('a locked issue refuses comments with 403', async () => {
    const reply = await rest<Json>(sim, `${ISSUES}/4/comments`, { method: 'POST', body: { body: 'Hello?' } });
    expect(reply.status).toBe(403);
    expect(reply.body['message']).toBe('Unable to create comment because issue is locked.');
    expect(sim.world.repositories[0]!.issues[3]!.comments).toEqual([]);
  });

  test('a Discussion number is not an issue: 404', async () => {
    expect((await rest(sim, `${ISSUES}/7/comments`, { method: 'POST', body: { body: 'Hi' } })).status).toBe(404);
    expect((await rest(sim, `${ISSUES}/7/comments`)).status).toBe(404);
  });

  test('commenting needs a token, and a body', async () => {
    const anonymous = await rest<Json>(sim, COMMENTS, { method: 'POST', body: { body: 'Hi' }, token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body['message']).toBe('Requires authentication');
    const empty = await rest<Json>(sim, COMMENTS, { method: 'POST', body: { text: 'Hi' } });
    expect(empty.status).toBe(422);
  });
});

describe('releases and compare', () => {
  const RELEASES = '/repos/acme/widgets/releases';

  test('drafts are listed only for a token holder', async () => {
    const anonymous = await rest<Json[]>(sim, RELEASES, { token: null });
    expect(anonymous.body.map((release) => release['tag_name'])).toEqual(['v1.1.0-beta.1', 'v1.0.0', 'v0.9.0']);
    const withToken = await rest<Json[]>(sim, RELEASES);
    expect(withToken.body.map((release) => release['tag_name'])).toEqual(['v1.2.0', 'v1.1.0-beta.1', 'v1.0.0', 'v0.9.0']);
    expect(withToken.body[0]).toMatchObject({ draft: true, published_at: null, author: { login: 'github-actions[bot]' } });
  });

  test('latest skips drafts and pre-releases; a tag finds its release', async () => {
    const latest = await rest<Json>(sim, `${RELEASES}/latest`);
    expect(latest.body).toMatchObject({
      tag_name: 'v1.0.0',
      name: 'One point oh',
      html_url: 'https://github.com/acme/widgets/releases/tag/v1.0.0',
      body: 'Notes for v1.0.0',
      prerelease: false,
    });
    expect((await rest<Json>(sim, `${RELEASES}/tags/v1.1.0-beta.1`)).body).toMatchObject({ prerelease: true });
    expect((await rest(sim, `${RELEASES}/tags/v9.9.9`)).status).toBe(404);
  });

  test('compare lists the merge commits of pull requests merged between two releases', async () => {
    const reply = await rest<Json>(sim, '/repos/acme/widgets/compare/v0.9.0...v1.0.0');
    expect(reply.body).toMatchObject({ total_commits: 1, status: 'ahead', ahead_by: 1, behind_by: 0 });
    expect(reply.body['commits']).toEqual([
      expect.objectContaining({ sha: SHAS.fixCrash, commit: expect.objectContaining({ message: 'Fix crash on start (#10)' }) }),
    ]);
    const next = await rest<Json>(sim, '/repos/acme/widgets/compare/v1.0.0...v1.1.0-beta.1');
    expect(next.body['commits'].map((commit: Json) => commit['sha'])).toEqual([SHAS.addThemes]);
    expect((await rest(sim, '/repos/acme/widgets/compare/v0.9.0...nope')).status).toBe(404);
  });
});

describe('repositories, rate limit and unknown paths', () => {
  test('a repository reads with its node id; a private one is 404 without a token', async () => {
    const reply = await rest<Json>(sim, '/repos/acme/widgets', { token: null });
    expect(reply.body).toMatchObject({
      full_name: 'acme/widgets',
      private: false,
      html_url: 'https://github.com/acme/widgets',
      description: 'Widgets for everyone',
      default_branch: 'main',
      node_id: expect.stringMatching(/^R_/),
    });
    expect((await rest(sim, '/repos/acme/secret', { token: null })).status).toBe(404);
    expect((await rest<Json>(sim, '/repos/acme/secret')).body).toMatchObject({ private: true });
  });

  test('GET /rate_limit reports both budgets and is free', async () => {
    await rest(sim, ISSUES);
    const reply = await rest<Json>(sim, '/rate_limit');
    expect(reply.body['resources']).toMatchObject({
      core: { limit: 5000, used: 1, remaining: 4999 },
      graphql: { limit: 5000, remaining: sim.rateLimits.graphql.remaining },
    });
    expect(reply.body['rate']).toEqual(reply.body['resources'].core);
    expect(sim.rateLimits.core.remaining).toBe(4999);
  });

  test("anything else is GitHub's 404", async () => {
    const reply = await rest<Json>(sim, '/repos/acme/widgets/hooks');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    expect(reply.headers.get('x-ratelimit-resource')).toBe('core');
  });

  test('a wrong token is 401 Bad credentials', async () => {
    const reply = await rest<Json>(sim, ISSUES, { token: 'nope' });
    expect(reply.status).toBe(401);
    expect(reply.body['message']).toBe('Bad credentials');
  });
});

describe('with Octokit', () => {
  test("@octokit/plugin-paginate-rest follows the simulator's Link headers to the end", async () => {
    sim.world.repositories[0]!.issues.push(...manyIssues(230));
    const PaginatingOctokit = Octokit.plugin(paginateRest);
    const octokit = new PaginatingOctokit({ auth: TOKEN, baseUrl: sim.url });
    const items = await octokit.paginate('GET /repos/{owner}/{repo}/issues', {
      owner: 'acme',
      repo: 'widgets',
      state: 'all',
      per_page: 100,
    });
    expect(items).toHaveLength(239);
    expect(sim.log.map((entry) => new URL(entry.path, sim.url).searchParams.get('page'))).toEqual([null, '2', '3']);
    expect(sim.rateLimits.core.remaining).toBe(4997);
  });
});
