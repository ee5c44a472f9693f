import { describe, expect, it } from 'vitest';
import { DAY, NOW } from '../../../scripts/dev/demo/clock.ts';
import { generateWorld } from '../../../scripts/dev/demo/generate.ts';
import type { SimIssue } from '../../../scripts/dev/github-simulator/store-types.ts';
import { allItems, mustItemAt, repositoryNamed, textsOf, thumbsUp } from './world-lookup.ts';

const { world, truth } = generateWorld({ preset: 'demo', seed: 1 });
const lumen = repositoryNamed(world, 'lumen-dev/lumen');
const docs = repositoryNamed(world, 'lumen-dev/lumen-docs');
const requestIssues = lumen.issues.filter((issue) => issue.labels.includes('enhancement'));
const ideas = lumen.discussions.filter((discussion) => discussion.category === 'ideas');
const requests = [...requestIssues, ...ideas, ...docs.issues.filter((issue) => issue.labels.includes('enhancement'))];

describe('the demo reads like a real project', () => {
  it('has the expected shape: ~280 requests and ~60 other issues, ~60 ideas, a few Q&A, ~20 docs requests', () => {
    expect(requestIssues.length).toBeGreaterThanOrEqual(270);
    expect(requestIssues.length).toBeLessThanOrEqual(290);
    expect(lumen.issues.length - requestIssues.length).toBeGreaterThanOrEqual(50);
    expect(ideas.length).toBeGreaterThanOrEqual(55);
    expect(lumen.discussions.filter((discussion) => discussion.category === 'q-a').length).toBeGreaterThanOrEqual(3);
    expect(docs.issues.filter((issue) => issue.labels.includes('enhancement')).length).toBeGreaterThanOrEqual(18);
    expect(repositoryNamed(world, 'lumen-dev/lumen').description).toBe('Lumen, a fast static site generator');
  });

  it('shows at least 150 distinct feature ideas, without two requests sharing a title', () => {
    const titles = requests.map((item) => item.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.length).toBeGreaterThanOrEqual(300);
  });

  it('has power-law votes: a few requests with 100–300 👍, most with 0–10', () => {
    const votes = requests.map(thumbsUp).sort((left, right) => right - left);
    const popular = votes.filter((count) => count >= 100);
    expect(popular.length).toBeGreaterThanOrEqual(3);
    expect(popular.length).toBeLessThanOrEqual(10);
    expect(Math.max(...votes)).toBeLessThanOrEqual(300);
    expect(votes.filter((count) => count <= 10).length / votes.length).toBeGreaterThan(0.7);
    expect(votes.filter((count) => count === 0).length).toBeGreaterThan(50);
  });

  it('spreads reactions over months with recent bursts, and mixes in other reactions', () => {
    const all = requests.flatMap((item) => item.reactions);
    const times = all.map((reaction) => Date.parse(reaction.createdAt));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(365 * DAY);
    const trending = requests.filter((item) => item.reactions.filter((reaction) => reaction.content === 'THUMBS_UP' && Date.parse(reaction.createdAt) > NOW - 14 * DAY).length >= 15);
    expect(trending.length).toBeGreaterThanOrEqual(2);
    const contents = new Set(all.map((reaction) => reaction.content));
    for (const content of ['HEART', 'HOORAY', 'THUMBS_DOWN', 'ROCKET']) expect(contents).toContain(content);
    expect(ideas.some((discussion) => discussion.upvoteCount >= 20)).toBe(true);
  });

  it('has the labels a triaged project uses', () => {
    const names = lumen.labels.map((label) => label.name);
    for (const name of ['enhancement', 'bug', 'question', 'duplicate', 'spam', 'invalid', 'status: under review', 'status: planned', 'status: in progress', 'status: shipped', 'status: declined', 'priority: high', 'priority: medium', 'priority: low', 'impact: high', 'impact: low', 'effort: small', 'effort: medium', 'effort: large', 'area: routing', 'area: themes', 'area: i18n']) {
      expect(names).toContain(name);
    }
    const used = new Set(lumen.issues.flatMap((issue) => issue.labels));
    for (const name of ['status: under review', 'status: planned', 'status: in progress', 'status: shipped', 'status: declined', 'spam', 'invalid']) expect(used).toContain(name);
  });

  it('records status history as labeled/unlabeled events over time', () => {
    const moved = requestIssues.filter((issue) => issue.events.some((event) => event.kind === 'unlabeled' && event.label.startsWith('status:')));
    expect(moved.length).toBeGreaterThan(20);
  });

  it('has release milestones and upcoming Now / Next / Later milestones', () => {
    const open = lumen.milestones.filter((milestone) => milestone.state === 'OPEN');
    const dueIn = (days: number): number => NOW + days * DAY;
    const due = open.flatMap((milestone) => (milestone.dueOn === null ? [] : [Date.parse(milestone.dueOn)]));
    expect(due.some((time) => time > NOW && time <= dueIn(31))).toBe(true);
    expect(due.some((time) => time > dueIn(60) && time <= dueIn(120))).toBe(true);
    expect(open.some((milestone) => milestone.dueOn === null)).toBe(true);
    expect(lumen.milestones.find((milestone) => milestone.title === 'v1.4.0')?.state).toBe('CLOSED');
  });

  it('publishes v1.0.0 … v1.6.0 and a v1.7.0-beta.1 prerelease, and keeps one draft', () => {
    const published = lumen.releases.filter((release) => !release.isDraft).map((release) => release.tagName).sort();
    expect(published).toEqual(['v1.0.0', 'v1.1.0', 'v1.2.0', 'v1.3.0', 'v1.4.0', 'v1.5.0', 'v1.6.0', 'v1.7.0-beta.1']);
    expect(lumen.releases.find((release) => release.tagName === 'v1.7.0-beta.1')?.isPrerelease).toBe(true);
    const drafts = lumen.releases.filter((release) => release.isDraft);
    expect(drafts).toHaveLength(1);
    expect(truth.draftReleases).toEqual([{ repository: 'lumen-dev/lumen', tagName: drafts[0]?.tagName }]);
  });

  it('writes release notes in GitHub style, and every release ships several requests', () => {
    for (const release of lumen.releases.filter((entry) => !entry.isDraft)) {
      expect(release.body).toContain("## What's Changed");
      expect(release.body).toMatch(/https:\/\/github\.com\/lumen-dev\/lumen\/pull\/\d+/);
      expect(release.body).toMatch(/@[\w-]+/);
      expect(release.body).toMatch(/\*\*Full Changelog\*\*/);
      expect(truth.shipped.filter((entry) => entry.release === release.tagName).length).toBeGreaterThanOrEqual(3);
    }
    const notes = lumen.releases.map((release) => release.body).join('\n');
    expect(notes).toMatch(/Closes #\d+/);
    expect(notes).toMatch(/Ships #\d+/);
    expect(notes).toMatch(/\b[0-9a-f]{7}\b/);
    expect(notes).toMatch(/\b[0-9a-f]{40}\b/);
  });

  it('links shipped requests to their release through the closing pull request, the milestone, or the notes alone', () => {
    const byVia = (via: string): SimIssue[] => truth.shipped.filter((entry) => entry.via === via).map((entry) => mustItemAt(world, entry.ref) as SimIssue);
    for (const issue of byVia('pull-request')) {
      const closed = issue.events.find((event) => event.kind === 'closed');
      expect(closed?.kind === 'closed' && closed.closer !== null).toBe(true);
      if (closed?.kind !== 'closed' || closed.closer === null) continue;
      const pull = lumen.pullRequests.find((candidate) => candidate.number === closed.closer?.number);
      expect(pull).toMatchObject({ state: 'MERGED', mergedAt: issue.closedAt });
      expect(pull?.closes).toContainEqual({ repository: 'lumen-dev/lumen', number: issue.number });
      expect(issue).toMatchObject({ state: 'CLOSED', stateReason: 'COMPLETED' });
    }
    const milestoneOnly = byVia('milestone');
    expect(milestoneOnly.length).toBeGreaterThan(0);
    for (const issue of milestoneOnly) {
      expect(issue.milestone).not.toBeNull();
      expect(issue.events.some((event) => event.kind === 'closed' && event.closer !== null)).toBe(false);
      expect(lumen.releases.some((release) => release.body.includes(`#${issue.number}`))).toBe(false);
    }
    const notesOnly = truth.shipped.filter((entry) => entry.via === 'release-notes');
    expect(notesOnly.length).toBeGreaterThan(0);
    for (const entry of notesOnly) {
      const issue = mustItemAt(world, entry.ref) as SimIssue;
      expect(issue.milestone).toBeNull();
      expect(lumen.releases.find((release) => release.tagName === entry.release)?.body).toContain(`Closes #${issue.number}`);
    }
  });

  it('has maintainers, bots, deleted accounts and a Mannequin among its people', () => {
    const associations = new Set(allItems(world).flatMap(({ item }) => [item.authorAssociation, ...item.comments.map((comment) => comment.authorAssociation)]));
    for (const association of ['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'NONE', 'MANNEQUIN']) expect(associations).toContain(association);
    const bots = Object.values(world.users).filter((user) => user.type === 'Bot').map((user) => user.login).sort();
    expect(bots).toEqual(['dependabot[bot]', 'github-actions[bot]', 'renovate[bot]']);
    const items = allItems(world).map(({ item }) => item);
    expect(items.some((item) => item.comments.some((comment) => comment.author === 'github-actions[bot]'))).toBe(true);
    expect(items.some((item) => item.reactions.some((reaction) => reaction.user?.endsWith('[bot]') === true))).toBe(true);
    expect(lumen.pullRequests.some((pull) => pull.author === 'dependabot[bot]')).toBe(true);
    expect(items.some((item) => item.author === null)).toBe(true);
    expect(items.some((item) => item.comments.some((comment) => comment.author === null))).toBe(true);
    expect(items.some((item) => item.reactions.some((reaction) => reaction.user === null))).toBe(true);
    expect(Object.values(world.users).some((user) => user.type === 'Mannequin')).toBe(true);
    const writers = new Set(items.flatMap((item) => [item.author, ...item.comments.map((comment) => comment.author)]).filter((login) => login !== null));
    expect(writers.size).toBeGreaterThanOrEqual(120);
  });

  it('writes varied Markdown: headings, lists, code, task lists, tables, images, links, mentions and references', () => {
    const text = requests.flatMap(textsOf).join('\n');
    for (const pattern of [/^### /m, /^## /m, /^- /m, /^1\. /m, /```ts\n/, /- \[ \] /, /- \[x\] /, /\| --- \|/, /!\[[^\]]*\]\(https:\/\//, /\]\(https:\/\//, /(^|\s)@[\w-]+/, /(^|\s)#\d+/]) {
      expect(text).toMatch(pattern);
    }
  });

  it('hides spam and off-topic comments the way GitHub does', () => {
    const reasons = new Set(allItems(world).flatMap(({ item }) => item.comments.flatMap((comment) => (comment.minimizedReason === null ? [] : [comment.minimizedReason]))));
    expect(reasons).toContain('spam');
    expect(reasons).toContain('off-topic');
    expect(lumen.issues.some((issue) => issue.locked)).toBe(true);
  });

  it('gives the most wanted request a long thread (comment pagination)', () => {
    expect(Math.max(...requestIssues.map((issue) => issue.comments.length))).toBeGreaterThan(100);
  });
});
