import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../../scripts/dev/demo/generate.ts';
import type { DuplicateHow, MarkedDuplicate, Ref } from '../../../scripts/dev/demo/ground-truth.ts';
import type { SimIssue } from '../../../scripts/dev/github-simulator/store-types.ts';
import { isClosed, isIssue, itemAt, mustItemAt, refKeyOf, repositoryNamed, textsOf, type SimItem } from './world-lookup.ts';

const { world, truth } = generateWorld({ preset: 'demo', seed: 1 });
const MAINTAINER_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

const ALL_KINDS: DuplicateHow[] = [
  'label+body',
  'comment+event',
  'state-reason',
  'cross-repo',
  'url',
  'discussion',
  'chain',
  'cycle',
  'self',
  'unknown-target',
  'private-target',
  'unmarked',
];

function entries(how: DuplicateHow): Array<MarkedDuplicate & { item: SimItem }> {
  return truth.markedDuplicates.filter((entry) => entry.how === how).map((entry) => ({ ...entry, item: mustItemAt(world, entry.duplicate) }));
}

function issueOf(item: SimItem): SimIssue {
  if (!isIssue(item)) throw new Error(`#${item.number} is a discussion`);
  return item;
}

function markedEvents(item: SimItem, kind: 'marked_as_duplicate' | 'unmarked_as_duplicate' = 'marked_as_duplicate'): Ref[] {
  return isIssue(item) ? item.events.flatMap((event) => (event.kind === kind ? [event.canonical] : [])) : [];
}

function maintainerSays(item: SimItem, text: string): boolean {
  return item.comments.some((comment) => MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation) && comment.body.includes(text));
}

function hasDuplicateMarker(item: SimItem): boolean {
  return item.labels.includes('duplicate') || markedEvents(item).length > 0 || textsOf(item).some((text) => /duplicate of/i.test(text));
}

describe('duplicates are marked in every way GitHub allows', () => {
  it.each(ALL_KINDS)('the demo contains a duplicate marked as "%s"', (how) => {
    expect(entries(how).length).toBeGreaterThan(0);
  });

  it('(a) label + "Duplicate of #N" in the body', () => {
    for (const { item, target } of entries('label+body')) {
      expect(item.labels).toContain('duplicate');
      expect(item.body).toContain(`Duplicate of #${target.number}`);
    }
    expect(entries('label+body').some(({ item }) => !isClosed(item))).toBe(true);
  });

  it('(b) a maintainer comment, a marked_as_duplicate event, and closed as DUPLICATE', () => {
    for (const { item, target } of entries('comment+event')) {
      expect(maintainerSays(item, `Duplicate of #${target.number}`)).toBe(true);
      expect(markedEvents(item)).toContainEqual(target);
      expect(issueOf(item).stateReason).toBe('DUPLICATE');
    }
  });

  it('(c) closed as duplicate only: state reason and event, no label, no text', () => {
    for (const { item, target } of entries('state-reason')) {
      expect(issueOf(item)).toMatchObject({ state: 'CLOSED', stateReason: 'DUPLICATE' });
      expect(markedEvents(item)).toContainEqual(target);
      expect(item.labels).not.toContain('duplicate');
      expect(textsOf(item).some((text) => /duplicate of/i.test(text))).toBe(false);
    }
  });

  it('(d) across repositories: owner/name#N and full URLs', () => {
    for (const { item, duplicate, target } of entries('cross-repo')) {
      expect(target.repository).not.toBe(duplicate.repository);
      expect(maintainerSays(item, `Duplicate of ${target.repository}#${target.number}`)).toBe(true);
      expect(itemAt(world, target)).toBeDefined();
    }
    for (const { item, target } of entries('url')) {
      expect(maintainerSays(item, `Duplicate of https://github.com/${target.repository}/issues/${target.number}`)).toBe(true);
    }
    expect(entries('url').some(({ duplicate, target }) => duplicate.repository !== target.repository)).toBe(true);
  });

  it('(e) Discussions pointing at issues, in the body or in a maintainer comment, closed as DUPLICATE', () => {
    const discussions = entries('discussion');
    for (const { item, target } of discussions) {
      expect(isIssue(item)).toBe(false);
      expect(isIssue(mustItemAt(world, target))).toBe(true);
      expect(item).toMatchObject({ closed: true, stateReason: 'DUPLICATE' });
      const mentions = [`#${target.number}`, `https://github.com/${target.repository}/issues/${target.number}`];
      const inBody = mentions.some((mention) => item.body.includes(`Duplicate of ${mention}`));
      const inComment = mentions.some((mention) => maintainerSays(item, `Duplicate of ${mention}`));
      expect(inBody || inComment).toBe(true);
    }
    expect(discussions.some(({ item, target }) => item.body.includes(`issues/${target.number}`))).toBe(true);
    expect(discussions.some(({ item }) => item.comments.some((comment) => comment.body.startsWith('Duplicate of')))).toBe(true);
  });

  it('(f) a chain A → B → C resolves A to C', () => {
    const chain = entries('chain');
    const first = chain.find((entry) => refKeyOf(entry.target) !== refKeyOf(entry.canonical));
    expect(first).toBeDefined();
    const middle = chain.find((entry) => first !== undefined && refKeyOf(entry.duplicate) === refKeyOf(first.target));
    expect(middle?.canonical).toEqual(first?.canonical);
    expect(middle?.target).toEqual(first?.canonical);
  });

  it('(g) a cycle A → B → A, resolved to the earlier item, and a self-reference that stands alone', () => {
    const cycle = entries('cycle');
    expect(cycle).toHaveLength(2);
    const [a, b] = cycle;
    if (a === undefined || b === undefined) throw new Error('cycle incomplete');
    expect(a.target).toEqual(b.duplicate);
    expect(b.target).toEqual(a.duplicate);
    const earlier = a.item.createdAt < b.item.createdAt ? a.duplicate : b.duplicate;
    expect(a.canonical).toEqual(earlier);
    expect(b.canonical).toEqual(earlier);
    for (const { item, target } of cycle) expect(markedEvents(item)).toContainEqual(target);

    for (const { item, duplicate, target, canonical } of entries('self')) {
      expect(target).toEqual(duplicate);
      expect(canonical).toEqual(duplicate);
      expect(markedEvents(item)).toContainEqual(duplicate);
    }
  });

  it('(h) a reference to an unknown number and to an item in the private repository: both stand alone', () => {
    for (const { item, duplicate, target, canonical } of entries('unknown-target')) {
      expect(itemAt(world, target)).toBeUndefined();
      expect(textsOf(item).some((text) => text.includes(`Duplicate of #${target.number}`))).toBe(true);
      expect(canonical).toEqual(duplicate);
    }
    for (const { item, duplicate, target, canonical } of entries('private-target')) {
      expect(target.repository).toBe(truth.privateRepository);
      expect(repositoryNamed(world, target.repository).isPrivate).toBe(true);
      expect(markedEvents(item)).toContainEqual(target);
      expect(canonical).toEqual(duplicate);
    }
  });

  it('(i) a duplicate later unmarked and reopened stands alone again', () => {
    for (const { item, duplicate, target, canonical } of entries('unmarked')) {
      const issue = issueOf(item);
      expect(markedEvents(issue)).toContainEqual(target);
      expect(markedEvents(issue, 'unmarked_as_duplicate')).toContainEqual(target);
      const kinds = issue.events.map((event) => event.kind);
      expect(kinds.indexOf('unmarked_as_duplicate')).toBeGreaterThan(kinds.indexOf('marked_as_duplicate'));
      expect(issue).toMatchObject({ state: 'OPEN', stateReason: 'REOPENED', closedAt: null });
      expect(canonical).toEqual(duplicate);
    }
  });

  it('(j) one account voted on three duplicates of the same request', () => {
    const voter = truth.repeatVoter;
    expect(voter).not.toBeNull();
    if (voter === null) return;
    expect(voter.votedOn).toHaveLength(3);
    for (const ref of voter.votedOn) {
      const item = mustItemAt(world, ref);
      expect(item.reactions).toContainEqual(expect.objectContaining({ content: 'THUMBS_UP', user: voter.login }));
      expect(truth.requests.find((request) => refKeyOf(request.ref) === refKeyOf(ref))?.canonical).toEqual(voter.canonical);
    }
  });

  it('every marked duplicate points at something, and resolves to an existing request', () => {
    const requests = new Set(truth.requests.map((request) => refKeyOf(request.ref)));
    for (const entry of truth.markedDuplicates) {
      expect(requests.has(refKeyOf(entry.duplicate))).toBe(true);
      expect(requests.has(refKeyOf(entry.canonical))).toBe(true);
    }
  });
});

describe('unmarked duplicates', () => {
  it('about 25 pairs of requests say the same thing in other words, and nobody marked them', () => {
    expect(truth.unmarkedDuplicates.length).toBeGreaterThanOrEqual(20);
    for (const [left, right] of truth.unmarkedDuplicates) {
      const original = mustItemAt(world, left);
      const copy = mustItemAt(world, right);
      expect(copy.title).not.toBe(original.title);
      expect(copy.body).not.toBe(original.body);
      expect(copy.createdAt > original.createdAt).toBe(true);
      for (const item of [original, copy]) expect(hasDuplicateMarker(item)).toBe(false);
      for (const ref of [left, right]) {
        expect(truth.requests.find((request) => refKeyOf(request.ref) === refKeyOf(ref))?.canonical).toEqual(ref);
      }
    }
  });

  it('include issue/Discussion pairs', () => {
    expect(truth.unmarkedDuplicates.some(([left, right]) => isIssue(mustItemAt(world, left)) !== isIssue(mustItemAt(world, right)))).toBe(true);
  });
});
