import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../../scripts/dev/github-simulator/server.ts';
import { graphql, rest } from './client.ts';
import { smallWorld, TOKEN } from './small-world.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ISSUES_QUERY = `query ListIssues($first: Int!) {
  repository(owner: "acme", name: "widgets") { issues(first: $first) { nodes { number title } } }
}`;

/** A clock tests move by hand. */
function manualClock(start: string): { now: () => Date; advance: (seconds: number) => void } {
  let current = Date.parse(start);
  return { now: () => new Date(current), advance: (seconds) => (current += seconds * 1000) };
}

let sim: Simulator;
const clock = manualClock('2026-03-04T05:00:00Z');

beforeAll(async () => {
  sim = await startSimulator({ world: smallWorld(), token: TOKEN, now: clock.now });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.faults.clear();
  sim.resetLog();
  for (const bucket of [sim.rateLimits.core, sim.rateLimits.graphql]) {
    bucket.remaining = bucket.limit;
    bucket.resetAt = new Date(clock.now().getTime() + 3_600_000);
  }
});

describe('fault types', () => {
  test('bad-gateway answers 502 with the body GitHub sends for a query that ran too long, once', async () => {
    sim.faults.add({ fault: { type: 'bad-gateway' } });
    const failed = await graphql(sim, ISSUES_QUERY, { variables: { first: 5 } });
    expect(failed.status).toBe(502);
    expect(failed.body).toEqual({
      data: null,
      errors: [{ message: expect.stringMatching(/^Something went wrong while executing your query\. This may be the result of a timeout/) }],
    });
    const next = await graphql(sim, ISSUES_QUERY, { variables: { first: 5 } });
    expect(next.status).toBe(200);
  });

  test('timeout holds the request, then answers 502', async () => {
    sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'timeout', ms: 150 } });
    const started = performance.now();
    const reply = await rest(sim, '/repos/acme/widgets/issues');
    expect(reply.status).toBe(502);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(sim.log[0]?.durationMs).toBeGreaterThanOrEqual(140);
  });

  test('reset drops the connection without an answer', async () => {
    sim.faults.add({ fault: { type: 'reset' } });
    await expect(rest(sim, '/repos/acme/widgets')).rejects.toThrow();
    expect(sim.log).toEqual([expect.objectContaining({ path: '/repos/acme/widgets', status: null })]);
    expect((await rest(sim, '/repos/acme/widgets')).status).toBe(200);
  });

  test('secondary-rate-limit answers 403 with retry-after and GitHub’s wording', async () => {
    sim.faults.add({ fault: { type: 'secondary-rate-limit', retryAfter: 42 } });
    const reply = await rest<Json>(sim, '/repos/acme/widgets/issues');
    expect(reply.status).toBe(403);
    expect(reply.headers.get('retry-after')).toBe('42');
    expect(reply.body['message']).toMatch(/^You have exceeded a secondary rate limit/);
    expect(reply.headers.get('x-ratelimit-remaining')).not.toBe('0');
  });

  test('primary-rate-limit empties the REST budget until the reset time, then it refills', async () => {
    sim.faults.add({ match: { kind: 'rest' }, fault: { type: 'primary-rate-limit', resetInSeconds: 120 } });
    const expectedReset = String(Math.floor(clock.now().getTime() / 1000) + 120);
    for (const path of ['/repos/acme/widgets/issues', '/repos/acme/widgets']) {
      const reply = await rest<Json>(sim, path);
      expect(reply.status).toBe(403);
      expect(reply.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(reply.headers.get('x-ratelimit-reset')).toBe(expectedReset);
      expect(reply.body['message']).toMatch(/^API rate limit exceeded for user ID/);
    }
    clock.advance(121);
    const after = await rest(sim, '/repos/acme/widgets');
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe('4999');
  });

  test('primary-rate-limit on GraphQL answers 200 with a RATE_LIMITED error', async () => {
    sim.faults.add({ match: { kind: 'graphql' }, fault: { type: 'primary-rate-limit', resetInSeconds: 60 } });
    const reply = await graphql(sim, ISSUES_QUERY, { variables: { first: 5 } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ errors: [{ type: 'RATE_LIMITED', message: 'API rate limit already exceeded for user ID 1.' }] });
    expect(reply.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(reply.headers.get('x-ratelimit-resource')).toBe('graphql');
  });

  test('graphql-errors returns the real data with one item nulled, or no data at all', async () => {
    sim.faults.add({ fault: { type: 'graphql-errors', partial: true } });
    const partial = await graphql<Json>(sim, ISSUES_QUERY, { variables: { first: 3 } });
    expect(partial.status).toBe(200);
    expect(partial.body.data?.['repository'].issues.nodes).toEqual([null, { number: 2, title: 'Crash on start' }, { number: 3, title: 'Dark theme please' }]);
    expect(partial.body.errors).toEqual([expect.objectContaining({ path: ['repository', 'issues', 'nodes', 0] })]);

    sim.faults.add({ fault: { type: 'graphql-errors', partial: false } });
    const total = await graphql(sim, ISSUES_QUERY, { variables: { first: 3 } });
    expect(total.body.data).toBeNull();
    expect(total.body.errors).toHaveLength(1);
  });

  test('status answers any status with the given body, or GitHub’s default message', async () => {
    sim.faults.add({ fault: { type: 'status', status: 500 } });
    sim.faults.add({ fault: { type: 'status', status: 451, body: { message: 'Repository access blocked' } } });
    const first = await rest<Json>(sim, '/repos/acme/widgets');
    expect(first.status).toBe(500);
    expect(first.body['message']).toBe('Internal Server Error');
    const second = await rest<Json>(sim, '/repos/acme/widgets');
    expect(second.status).toBe(451);
    expect(second.body).toEqual({ message: 'Repository access blocked' });
  });
});

describe('matching rules', () => {
  test('rules match by kind, operation name, path and predicate, and fire the given number of times', async () => {
    sim.faults.add({ match: { operationName: 'Other' }, times: Infinity, fault: { type: 'bad-gateway' } });
    sim.faults.add({ match: { path: /\/releases/ }, times: 2, fault: { type: 'status', status: 503 } });
    sim.faults.add({
      match: { kind: 'graphql', when: (request) => request.variables?.['first'] === 7 },
      fault: { type: 'status', status: 500 },
    });

    expect((await graphql(sim, ISSUES_QUERY, { variables: { first: 5 } })).status).toBe(200);
    expect((await graphql(sim, ISSUES_QUERY, { variables: { first: 7 } })).status).toBe(500);
    expect((await graphql(sim, ISSUES_QUERY, { variables: { first: 7 } })).status).toBe(200);
    expect((await rest(sim, '/repos/acme/widgets/releases?per_page=5')).status).toBe(503);
    expect((await rest(sim, '/repos/acme/widgets/releases/latest')).status).toBe(503);
    expect((await rest(sim, '/repos/acme/widgets/releases')).status).toBe(200);
    expect(sim.faults.pending).toHaveLength(1);
    sim.faults.clear();
    expect(sim.faults.pending).toHaveLength(0);
  });

  test('a string path matches with or without the query string', async () => {
    sim.faults.add({ match: { path: '/repos/acme/widgets/issues' }, times: 2, fault: { type: 'status', status: 502 } });
    expect((await rest(sim, '/repos/acme/widgets/issues?page=2')).status).toBe(502);
    expect((await rest(sim, '/repos/acme/widgets/issues')).status).toBe(502);
    expect((await rest(sim, '/repos/acme/widgets/issues')).status).toBe(200);
  });
});

describe('budgets', () => {
  test('running out of GraphQL points behaves like the primary rate limit', async () => {
    const small = await startSimulator({ world: smallWorld(), token: TOKEN, graphqlPointsPerHour: 2, now: clock.now });
    try {
      expect((await graphql(small, ISSUES_QUERY, { variables: { first: 5 } })).body.errors).toBeUndefined();
      expect((await graphql(small, ISSUES_QUERY, { variables: { first: 5 } })).body.errors).toBeUndefined();
      const third = await graphql(small, ISSUES_QUERY, { variables: { first: 5 } });
      expect(third.body.errors).toEqual([expect.objectContaining({ type: 'RATE_LIMITED' })]);
      expect(third.headers.get('x-ratelimit-remaining')).toBe('0');
    } finally {
      await small.close();
    }
  });

  test('running out of REST requests answers 403 with x-ratelimit-remaining 0', async () => {
    const small = await startSimulator({ world: smallWorld(), token: TOKEN, restRequestsPerHour: 2, now: clock.now });
    try {
      expect((await rest(small, '/repos/acme/widgets')).status).toBe(200);
      expect((await rest(small, '/repos/acme/widgets')).status).toBe(200);
      const third = await rest(small, '/repos/acme/widgets');
      expect(third.status).toBe(403);
      expect(third.headers.get('x-ratelimit-remaining')).toBe('0');
      expect((await rest(small, '/rate_limit')).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('request log', () => {
  test('records each request with its kind, operation, variables, status, cost and duration', async () => {
    await graphql(sim, ISSUES_QUERY, { variables: { first: 2 } });
    await rest(sim, '/repos/acme/widgets/issues?per_page=2');
    expect(sim.log).toEqual([
      {
        at: clock.now(),
        method: 'POST',
        path: '/graphql',
        kind: 'graphql',
        operationName: 'ListIssues',
        variables: { first: 2 },
        query: ISSUES_QUERY,
        status: 200,
        cost: 1,
        durationMs: expect.any(Number),
      },
      {
        at: clock.now(),
        method: 'GET',
        path: '/repos/acme/widgets/issues?per_page=2',
        kind: 'rest',
        operationName: null,
        variables: null,
        query: null,
        status: 200,
        cost: null,
        durationMs: expect.any(Number),
      },
    ]);
    sim.resetLog();
    expect(sim.log).toEqual([]);
  });
});
