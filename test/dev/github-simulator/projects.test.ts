import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator, type Simulator } from '../../../scripts/dev/github-simulator/server.ts';
import type { SimWorld } from '../../../scripts/dev/github-simulator/store-types.ts';
import { projectWorld } from '../../sync/project-world.ts';
import { graphql } from './client.ts';
import { TOKEN } from './small-world.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let sim: Simulator;
let world: SimWorld;

beforeAll(async () => {
  world = projectWorld();
  // A user's project too, for `user(login:)`.
  world.projects?.push({ ...structuredClone(world.projects[0]!), owner: 'alice', number: 3, id: 78, items: [] });
  sim = await startSimulator({ world, token: TOKEN });
});
afterAll(async () => {
  await sim.close();
});

const ITEMS = /* GraphQL */ `
  query ($login: String!, $number: Int!) {
    organization(login: $login) {
      projectV2(number: $number) {
        title
        url
        items(first: 100) {
          totalCount
          nodes {
            type
            isArchived
            content { __typename ... on Issue { number repository { nameWithOwner } } ... on DraftIssue { title } }
            status: fieldValueByName(name: "Status") { __typename ... on ProjectV2ItemFieldSingleSelectValue { name optionId } }
            iteration: fieldValueByName(name: "Iteration") { __typename ... on ProjectV2ItemFieldIterationValue { title startDate duration } }
            date: fieldValueByName(name: "Target date") { __typename ... on ProjectV2ItemFieldDateValue { date } }
          }
        }
      }
    }
  }
`;

describe('GitHub Projects (v2)', () => {
  test('an organization project lists its items in order, with each field value as its own type', async () => {
    const reply = await graphql<Json>(sim, ITEMS, { variables: { login: 'acme', number: 1 } });
    expect(reply.body.errors).toBeUndefined();
    const project = reply.body.data?.['organization'].projectV2;
    const raw = world.projects?.[0];
    expect(project.url).toBe('https://github.com/orgs/acme/projects/1');
    expect(project.items.totalCount).toBe(raw?.items.length);
    const iterations = raw?.fields.find((field) => field.name === 'Iteration');
    project.items.nodes.forEach((node: Json, index: number) => {
      const item = raw?.items[index];
      expect(node.type).toBe({ Issue: 'ISSUE', PullRequest: 'PULL_REQUEST', DraftIssue: 'DRAFT_ISSUE' }[item?.content.type ?? 'Issue']);
      expect(node.status?.name ?? null).toBe(item?.values['Status'] ?? null);
      expect(node.date?.date ?? null).toBe(item?.values['Target date'] ?? null);
      const iteration = iterations?.dataType === 'ITERATION' ? iterations.iterations.find((candidate) => candidate.title === item?.values['Iteration']) : undefined;
      expect(node.iteration).toEqual(iteration ? { __typename: 'ProjectV2ItemFieldIterationValue', title: iteration.title, startDate: iteration.startDate, duration: iteration.duration } : null);
    });
    // The private repository's issue is visible to a token with access, as on GitHub.
    expect(project.items.nodes.some((node: Json) => node.content?.repository?.nameWithOwner === 'acme/secret')).toBe(true);
  });

  test('a page of 100 items costs 1 point, values and all', async () => {
    sim.resetLog();
    await graphql<Json>(sim, ITEMS, { variables: { login: 'acme', number: 1 } });
    expect(sim.log.at(-1)?.cost).toBe(1);
  });

  test('a user project reads through user(login:), with a /users/ address', async () => {
    const reply = await graphql<Json>(sim, `{ user(login: "alice") { projectV2(number: 3) { url fields(first: 20) { nodes { ... on ProjectV2FieldCommon { name dataType } } } } } }`);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.['user'].projectV2.url).toBe('https://github.com/users/alice/projects/3');
    expect(reply.body.data?.['user'].projectV2.fields.nodes.map((field: Json) => field.name)).toEqual(world.projects?.[1]?.fields.map((field) => field.name));
  });

  test('a missing project or owner is NOT_FOUND, with GitHub\'s words', async () => {
    const missing = await graphql<Json>(sim, ITEMS, { variables: { login: 'acme', number: 9 } });
    expect(missing.body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', path: ['organization', 'projectV2'], message: 'Could not resolve to a ProjectV2 with the number 9.' });
    expect(missing.body.data?.['organization']).toEqual({ projectV2: null });
    const user = await graphql<Json>(sim, ITEMS, { variables: { login: 'alice', number: 3 } });
    expect(user.body.errors?.[0]).toMatchObject({ type: 'NOT_FOUND', path: ['organization'], message: "Could not resolve to an Organization with the login of 'alice'." });
  });

  test('a token without project access gets INSUFFICIENT_SCOPES naming read:project', async () => {
    const closed = await startSimulator({ world, token: TOKEN, projectAccess: false });
    try {
      const reply = await graphql<Json>(closed, ITEMS, { variables: { login: 'acme', number: 1 } });
      expect(reply.body.errors?.[0]?.type).toBe('INSUFFICIENT_SCOPES');
      expect(reply.body.errors?.[0]?.message).toContain("['read:project']");
    } finally {
      await closed.close();
    }
  });
});
