/**
 * Histories the simulator serves as GitHub does: renamed titles, milestone changes, an issue
 * transferred between repositories (same node id, new number), and an issue deleted between a
 * REST listing and the GraphQL detail query.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createWorldBuilder, ref } from '../../../scripts/dev/demo/world-builder.ts';
import { startSimulator, type Simulator } from '../../../scripts/dev/github-simulator/server.ts';
import type { SimRepository, SimWorld } from '../../../scripts/dev/github-simulator/store-types.ts';
import { worldSchema } from '../../../scripts/dev/github-simulator/world-schema.ts';
import { graphql, rest } from './client.ts';
import { issue, smallWorld, TOKEN } from './small-world.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OTHER = 'gadgets';

const DAY = 24;

/** The small world plus a second public repository, and the histories under test (hours from 1 January, events numbered from 9001). */
function historiesWorld(): SimWorld {
  const { event } = createWorldBuilder({ start: '2026-01-01T00:00:00Z', lastId: 9000 });
  const world = smallWorld();
  const widgets = world.repositories[0] as SimRepository;
  widgets.issues.push(
    issue({
      number: 90,
      title: 'RSS and Atom feeds',
      milestone: 1,
      updatedAt: '2026-01-05T00:00:00Z',
      events: [
        event.renamed(DAY, 'rss', 'RSS feed', 'alice'),
        event.renamed(2 * DAY, 'RSS feed', 'RSS and Atom feeds', 'bob'),
        event.milestoned(3 * DAY, 'v0.9', 'bob'),
        event.demilestoned(4 * DAY, 'v0.9', 'bob'),
        event.milestoned(4 * DAY, 'v1.0', 'bob'),
      ],
    }),
    issue({ number: 91, title: 'Gone before the details were asked for', deletedAfterListing: true }),
  );
  const gadgets: SimRepository = {
    ...widgets,
    name: OTHER,
    id: 777,
    milestones: [],
    discussions: [],
    pullRequests: [],
    releases: [],
    issues: [
      issue({
        number: 3,
        id: 150_900,
        title: 'Moved here from widgets',
        updatedAt: '2026-01-06T00:00:00Z',
        events: [{ ...event.transferred(5 * DAY, ref('acme/widgets', 77), 'alice'), id: 9010 }],
      }),
    ],
  };
  world.repositories.push(gadgets);
  return world;
}

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ world: historiesWorld(), token: TOKEN });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.world = historiesWorld();
  sim.faults.clear();
});

const TIMELINE = `query ($name: String!, $number: Int!) { repository(owner: "acme", name: $name) { issue(number: $number) {
  id title
  timelineItems(first: 20, itemTypes: [RENAMED_TITLE_EVENT, MILESTONED_EVENT, DEMILESTONED_EVENT, TRANSFERRED_EVENT]) {
    nodes {
      __typename
      ... on RenamedTitleEvent { previousTitle currentTitle actor { login } subject { ... on Issue { number } } }
      ... on MilestonedEvent { milestoneTitle }
      ... on DemilestonedEvent { milestoneTitle }
      ... on TransferredEvent { fromRepository { nameWithOwner } issue { number } }
    }
  }
} } }`;

describe('world files', () => {
  test('the world schema accepts the new events and the deletion flag', () => {
    expect(worldSchema.safeParse(historiesWorld()).success).toBe(true);
  });
});

describe('renames and milestone changes', () => {
  test('show in the timeline as RenamedTitleEvent, MilestonedEvent and DemilestonedEvent, in order', async () => {
    const reply = await graphql<Json>(sim, TIMELINE, { variables: { name: 'widgets', number: 90 } });
    expect(reply.body.errors).toBeUndefined();
    const found = reply.body.data?.['repository'].issue;
    expect(found.title).toBe('RSS and Atom feeds');
    expect(found.timelineItems.nodes).toEqual([
      { __typename: 'RenamedTitleEvent', previousTitle: 'rss', currentTitle: 'RSS feed', actor: { login: 'alice' }, subject: { number: 90 } },
      { __typename: 'RenamedTitleEvent', previousTitle: 'RSS feed', currentTitle: 'RSS and Atom feeds', actor: { login: 'bob' }, subject: { number: 90 } },
      { __typename: 'MilestonedEvent', milestoneTitle: 'v0.9' },
      { __typename: 'DemilestonedEvent', milestoneTitle: 'v0.9' },
      { __typename: 'MilestonedEvent', milestoneTitle: 'v1.0' },
    ]);
  });
});

describe('a transferred issue', () => {
  test('lives at its new number, names the repository it came from, and keeps the node id it was born with', async () => {
    const reply = await graphql<Json>(sim, TIMELINE, { variables: { name: OTHER, number: 3 } });
    expect(reply.body.errors).toBeUndefined();
    const moved = reply.body.data?.['repository'].issue;
    expect(moved.timelineItems.nodes).toEqual([{ __typename: 'TransferredEvent', fromRepository: { nameWithOwner: 'acme/widgets' }, issue: { number: 3 } }]);

    // The id an issue created as widgets#77 had: what a client that saw it there still holds.
    const listed = await rest<Json[]>(sim, `/repos/acme/${OTHER}/issues?state=all`);
    expect(listed.body.map((entry) => entry['node_id'])).toEqual([moved.id]);
    const byId = await graphql<Json>(sim, `query ($id: ID!) { node(id: $id) { ... on Issue { number repository { nameWithOwner } } } }`, {
      variables: { id: moved.id },
    });
    expect(byId.body.data?.['node']).toEqual({ number: 3, repository: { nameWithOwner: `acme/${OTHER}` } });

    const widgetsIssue = await graphql<Json>(sim, `{ repository(owner: "acme", name: "widgets") { issue(number: 1) { id } } }`);
    expect(moved.id).not.toBe(widgetsIssue.body.data?.['repository'].issue.id);
    // Nothing is left at the old address in GraphQL; REST points to the new one.
    const old = await graphql<Json>(sim, `{ repository(owner: "acme", name: "widgets") { issue(number: 77) { id } } }`);
    expect(old.body.errors?.[0]?.type).toBe('NOT_FOUND');
    const moved301 = await fetch(`${sim.url}/repos/acme/widgets/issues/77`, { headers: { authorization: `token ${TOKEN}` }, redirect: 'manual' });
    expect(moved301.status).toBe(301);
    expect(moved301.headers.get('location')).toBe(`${sim.url}/repos/acme/${OTHER}/issues/3`);
    const followed = await rest<Json>(sim, '/repos/acme/widgets/issues/77');
    expect([followed.status, followed.body['number'], followed.body['title']]).toEqual([200, 3, 'Moved here from widgets']);
  });
});

describe('an issue deleted after listing', () => {
  test('is still in the REST listing, but GraphQL answers null and NOT_FOUND at its index, as GitHub does', async () => {
    const listed = await rest<Json[]>(sim, '/repos/acme/widgets/issues?state=all&per_page=100');
    const gone = listed.body.find((entry) => entry['number'] === 91);
    const kept = listed.body.find((entry) => entry['number'] === 90);
    expect(gone).toBeDefined();
    const reply = await graphql<Json>(sim, `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Issue { number } } }`, {
      variables: { ids: [kept?.['node_id'], gone?.['node_id']] },
    });
    expect(reply.body.data?.['nodes']).toEqual([{ number: 90 }, null]);
    expect(reply.body.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND', path: ['nodes', 1] })]);
  });

  test('answers 410 Gone on its own REST address', async () => {
    const reply = await rest<Json>(sim, '/repos/acme/widgets/issues/91');
    expect([reply.status, reply.body['message']]).toEqual([410, 'This issue was deleted']);
  });

  test('is gone from GraphQL listings and lookups too', async () => {
    const reply = await graphql<Json>(sim, `{ repository(owner: "acme", name: "widgets") { issues(first: 100) { nodes { number } } issue(number: 91) { number } } }`);
    expect(reply.body.data?.['repository']?.issues?.nodes.map((node: Json) => node['number']) ?? []).not.toContain(91);
    expect(reply.body.errors?.[0]?.type).toBe('NOT_FOUND');
  });
});
