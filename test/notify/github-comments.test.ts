/**
 * Commenting on GitHub when GitHub pushes back: secondary rate limits are waited out, an answer
 * lost after the comment was created never leads to a second comment, a conversation locked
 * since the sync is skipped, and a marker pasted by someone else is not taken for ours.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botComments, createNotifySandbox, resetWorld, runNotify, startFixture, type NotifyFixture, type NotifySandbox } from './notify-harness.ts';

const MARKER = '<!-- open-roadmap:shipped:acme/widgets@v1.1.0 -->';

let fixture: NotifyFixture;
let sandbox: NotifySandbox;

beforeAll(async () => {
  fixture = await startFixture();
});
afterAll(async () => {
  await fixture.close();
});
beforeEach(async () => {
  resetWorld(fixture);
  sandbox = await createNotifySandbox(fixture, null, 'email\n');
});
afterEach(async () => {
  await sandbox.cleanup();
});

const widgets = () => fixture.sim.world.repositories[0]!;
const commentsOn = (number: number) => botComments(fixture).filter((comment) => comment.item === `#${number}`);

describe('comments under pressure', () => {
  it('waits out a secondary rate limit and comments once', async () => {
    fixture.sim.faults.add({ match: { kind: 'rest', path: /\/issues\/1\/comments$/ }, fault: { type: 'secondary-rate-limit', retryAfter: 2 } });
    const run = await runNotify(fixture, sandbox);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('GitHub asked us to slow down (secondary rate limit on POST');
    expect(commentsOn(1)).toHaveLength(1);
    expect(fixture.sim.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/issues/1/comments'))).toHaveLength(2);
  });

  it('looks before trying again when an answer is lost, and never comments twice', async () => {
    // GitHub creates the comment, then the answer is lost (a 502 after the fact).
    fixture.sim.faults.add({
      match: {
        when: (request) => {
          if (request.kind !== 'rest' || !request.path.endsWith('/issues/3/comments')) return false;
          widgets().issues.find((issue) => issue.number === 3)?.comments.push({
            id: 999_001,
            author: 'roadmap-bot[bot]',
            authorAssociation: 'NONE',
            body: `${MARKER}\n### Shipped`,
            createdAt: '2026-03-01T00:00:00Z',
            updatedAt: '2026-03-01T00:00:00Z',
            isMinimized: false,
            minimizedReason: null,
            reactions: [],
          });
          return true;
        },
      },
      fault: { type: 'bad-gateway' },
    });
    const run = await runNotify(fixture, sandbox);
    expect(run.code, run.stderr).toBe(0);
    expect(commentsOn(3)).toHaveLength(1);
    expect(run.stderr).toContain('Commented on https://github.com/acme/widgets/issues/3 (confirmed after a lost answer)');
  });

  it('comments again after a 502 that created nothing', async () => {
    fixture.sim.faults.add({ match: { kind: 'rest', path: /\/issues\/4\/comments$/ }, fault: { type: 'bad-gateway' } });
    const run = await runNotify(fixture, sandbox);
    expect(run.code, run.stderr).toBe(0);
    expect(commentsOn(4)).toHaveLength(1);
    expect(fixture.sim.log.filter((entry) => entry.method === 'POST' && entry.path.endsWith('/issues/4/comments'))).toHaveLength(2);
  });

  it('skips a conversation locked since the sync, and reports a failure it cannot fix', async () => {
    widgets().issues.find((issue) => issue.number === 3)!.locked = true;
    fixture.sim.faults.add({ match: { kind: 'rest', path: /\/issues\/4\/comments$/ }, times: Infinity, fault: { type: 'status', status: 403 } });
    const run = await runNotify(fixture, sandbox);
    expect(run.code).toBe(1);
    expect(commentsOn(3)).toEqual([]);
    expect(commentsOn(4)).toEqual([]);
    expect(run.stdout).toContain('GitHub comments: 4 posted; 2 skipped (2 locked); 1 failed.');
    expect(run.stdout).toContain('Comment failed on https://github.com/acme/widgets/issues/4: GitHub refused commenting on https://github.com/acme/widgets/issues/4 (403)');
    expect(run.stdout).toContain('issues: write');
  });

  it('does not take a marker pasted by someone else for its own comment', async () => {
    widgets().issues.find((issue) => issue.number === 1)?.comments.push({
      id: 999_002,
      author: 'bob',
      authorAssociation: 'NONE',
      body: `Trying to silence the bot ${MARKER}`,
      createdAt: '2026-03-01T00:00:00Z',
      updatedAt: '2026-03-01T00:00:00Z',
      isMinimized: false,
      minimizedReason: null,
      reactions: [],
    });
    const run = await runNotify(fixture, sandbox);
    expect(run.code, run.stderr).toBe(0);
    expect(commentsOn(1)).toHaveLength(1);
  });

  it('masks the token even where GitHub quotes it back', async () => {
    const token = sandbox.env.GITHUB_TOKEN ?? '';
    fixture.sim.faults.add({
      match: { kind: 'rest', path: /\/issues\/4\/comments$/ },
      times: Infinity,
      fault: { type: 'status', status: 422, body: { message: `Token ${token} may not comment here` } },
    });
    const run = await runNotify(fixture, sandbox);
    expect(token.length).toBeGreaterThan(8);
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    expect(run.stdout).toContain('Token *** may not comment here');
  });
});
