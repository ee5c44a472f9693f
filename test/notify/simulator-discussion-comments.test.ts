/**
 * The simulator's `addDiscussionComment`, which the notifier uses for Discussions: the comment is
 * written as the token's account and shows up in later queries; a locked Discussion, an unknown
 * id or an empty body is refused like on GitHub; every other mutation is still refused.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../scripts/dev/github-simulator/server.ts';
import { notifyWorld } from './notify-world.ts';

const TOKEN = 'simulator-token-0123456789';
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ world: notifyWorld(), token: TOKEN, now: () => new Date('2026-03-01T12:00:00Z') });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.world = notifyWorld();
});

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: Record<string, unknown> | null; errors?: { type?: string; message: string }[] }> {
  const response = await fetch(sim.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}

async function discussionId(number: number): Promise<string> {
  const reply = await graphql(`query { repository(owner: "acme", name: "widgets") { discussion(number: ${number}) { id } } }`);
  return ((reply.data?.['repository'] as { discussion: { id: string } }).discussion.id);
}

const ADD = `mutation Add($id: ID!, $body: String!) {
  addDiscussionComment(input: { discussionId: $id, body: $body }) { comment { url body author { login } createdAt } }
}`;

describe('addDiscussionComment', () => {
  it('adds the comment as the token account, visible to later queries', async () => {
    const id = await discussionId(21);
    const reply = await graphql(ADD, { id, body: 'Shipped!' });
    expect(reply.errors).toBeUndefined();
    const comment = (reply.data?.['addDiscussionComment'] as { comment: Record<string, unknown> }).comment;
    expect(comment).toMatchObject({ body: 'Shipped!', author: { login: 'roadmap-bot' }, createdAt: '2026-03-01T12:00:00Z' });
    expect(comment['url']).toMatch(/^https:\/\/github\.com\/acme\/widgets\/discussions\/21#discussioncomment-\d+$/);

    const read = await graphql(`query ($id: ID!) { node(id: $id) { ... on Discussion { comments(last: 1) { nodes { body viewerDidAuthor } } } } }`, { id });
    expect(read.data?.['node']).toEqual({ comments: { nodes: [{ body: 'Shipped!', viewerDidAuthor: true }] } });
  });

  it('refuses a locked Discussion, an unknown id and an empty body', async () => {
    sim.world.repositories[0]!.discussions.find((discussion) => discussion.number === 21)!.locked = true;
    const locked = await graphql(ADD, { id: await discussionId(21), body: 'Shipped!' });
    expect(locked.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE', message: 'Unable to create comment because discussion is locked.' });
    const unknown = await graphql(ADD, { id: 'D_nope', body: 'Shipped!' });
    expect(unknown.errors?.[0]).toMatchObject({ type: 'NOT_FOUND' });
    const empty = await graphql(ADD, { id: await discussionId(20), body: '  ' });
    expect(empty.errors?.[0]?.message).toBe("Body can't be blank");
    expect(sim.world.repositories[0]!.discussions.every((discussion) => discussion.comments.every((comment) => comment.author !== 'roadmap-bot[bot]'))).toBe(true);
  });

  it('still refuses every other mutation', async () => {
    const reply = await graphql(`mutation { addComment(input: {subjectId: "I_x", body: "hi"}) { clientMutationId } }`);
    expect(reply.errors?.[0]).toMatchObject({ type: 'UNSUPPORTED' });
  });
});
