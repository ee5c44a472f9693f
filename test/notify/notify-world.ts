/**
 * A small GitHub world whose newest release, v1.1.0, ships requests in every way the notifier
 * must recognise:
 *
 *   #1  Dark mode            closed by pull request #50, merged between v1.0.0 and v1.1.0
 *   #2  Dark theme please    a duplicate of #1 (opened by grace), closed as duplicate
 *   D20 Theme editor idea    a Discussion a maintainer marked "Duplicate of #1"
 *   #3  Export to PDF        closed in the milestone "v1.1.0"
 *   #4  Keyboard shortcuts   closed, and named by the notes ("Ships #4"); its title tries to inject a header
 *   #5  Plugin API           closed, and named by the notes ("Closes #5"), but locked
 *   D21 Offline mode         a Discussion closed as resolved, named by the notes by its full URL
 *   #6  Sync across devices  not shipped
 *
 * The notes also carry a script, an event handler, a `javascript:` link and relative links.
 */
import type { SimDiscussion, SimIssue, SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import { createWorldBuilder, IDEAS_CATEGORY, ref } from '../../scripts/dev/demo/world-builder.ts';

const world = createWorldBuilder({ start: '2026-02-01T00:00:00Z', lastId: 5000 });
const { votes, memberComment } = world;
export const { at } = world;

export const INJECTED_TITLE = 'Keyboard shortcuts\r\nBcc: mallory@attacker.test';

export const RELEASE_NOTES = [
  '## Highlights',
  '',
  '- Dark mode, at last (#1)',
  '- Ships #4 and #5. Closes https://github.com/acme/widgets/discussions/21',
  '',
  '<script>alert("pwned")</script>',
  '<img src="https://example.com/x.png" onerror="alert(1)" alt="screenshot">',
  '',
  '[Read the guide](docs/guide.md) · [Do not click](javascript:alert(1)) · [Install](#install)',
].join('\n');

export const CONFIG = {
  site: { title: 'Widgets roadmap', url: 'https://acme.github.io', base: '/widgets' },
  sources: [{ repo: 'acme/widgets', issues: { labels: ['enhancement'] }, discussions: { categories: ['ideas'] } }],
  sync: { comments: 5 },
};

function issue(number: number, title: string, fields: Partial<SimIssue> = {}): SimIssue {
  return world.issue(number, { title, body: `Please add: ${title.split('\r')[0] ?? title}.`, ...fields });
}

function closed(hour: number, closer: number | null = null): Partial<SimIssue> {
  return world.closedIssue(hour, { closer: closer === null ? null : ref('acme/widgets', closer) });
}

function discussion(number: number, title: string, fields: Partial<SimDiscussion> = {}): SimDiscussion {
  return world.discussion(number, { title, body: `An idea: ${title}.`, ...fields });
}

export function notifyWorld(): SimWorld {
  const users = world.users(['alice', 'ada', 'bob', 'carol', 'dave', 'grace', 'heidi', 'ivan', 'maintainer']);
  const widgets = world.repository('acme/widgets', {
    id: 1,
    description: 'Widgets for everyone',
    labels: [
      { name: 'enhancement', color: 'a2eeef', description: null },
      { name: 'duplicate', color: 'cfd3d7', description: null },
      { name: 'bug', color: 'd73a4a', description: null },
    ],
    milestones: [world.milestone(1, 'v1.1.0', { state: 'CLOSED', updatedAt: at(99), closedAt: at(99) })],
    discussionCategories: [IDEAS_CATEGORY],
    issues: [
      issue(1, 'Dark mode', { reactions: votes(['ada', 'bob', 'carol'], 10), ...closed(60, 50) }),
      issue(2, 'Dark theme please', {
        author: 'grace',
        labels: ['enhancement', 'duplicate'],
        state: 'CLOSED',
        stateReason: 'DUPLICATE',
        closedAt: at(31),
        updatedAt: at(31),
        reactions: votes(['ivan'], 12),
        comments: [memberComment('maintainer', 'Duplicate of #1', 30)],
        events: [world.event.markedAsDuplicate(30, ref('acme/widgets', 1)), world.event.closed(31, { reason: 'DUPLICATE' })],
      }),
      issue(3, 'Export to PDF', { milestone: 1, reactions: votes(['dave'], 14), ...closed(70) }),
      issue(4, INJECTED_TITLE, { reactions: votes(['heidi'], 16), ...closed(80) }),
      issue(5, 'Plugin API', { locked: true, reactions: votes(['bob'], 18), ...closed(85) }),
      issue(6, 'Sync across devices', { reactions: votes(['ada'], 20) }),
      issue(7, 'Crash on start', { labels: ['bug'] }),
    ],
    discussions: [
      discussion(20, 'Theme editor', { comments: [memberComment('maintainer', 'Duplicate of #1', 40)], updatedAt: at(41) }),
      discussion(21, 'Offline mode', { author: 'carol', upvoteCount: 2, reactions: votes(['dave'], 22), closed: true, closedAt: at(90), stateReason: 'RESOLVED', updatedAt: at(90) }),
    ],
    pullRequests: [world.mergedPullRequest(50, 60, [ref('acme/widgets', 1)], { title: 'Dark mode', mergeCommit: 'a'.repeat(40) })],
    releases: [
      world.release('v1.0.0', 41, { name: 'Widgets 1.0', body: 'The first release.', tagCommit: 'b'.repeat(40) }),
      world.release('v1.1.0', 100, { name: 'Widgets 1.1', body: RELEASE_NOTES, tagCommit: 'c'.repeat(40) }),
      world.release('v1.2.0-beta.1', 110, { body: 'Beta of 1.2.', isPrerelease: true, tagCommit: 'd'.repeat(40) }),
    ],
  });
  return { users, repositories: [widgets] };
}
