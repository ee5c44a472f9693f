/**
 * Folds duplicates into canonical items.
 *
 * An item claims to duplicate another when (strongest first):
 * 1. GitHub marked it (`MarkedAsDuplicateEvent` not undone by a later `UnmarkedAsDuplicateEvent`
 *    for the same original);
 * 2. it was closed as a duplicate (`stateReason: DUPLICATE`) and names its original;
 * 3. it carries the configured duplicate label and names its original;
 * 4. a maintainer (OWNER, MEMBER or COLLABORATOR) commented "Duplicate of …", GitHub's own
 *    convention for marking duplicates.
 * The original is named by "Duplicate of #12" (or `owner/repo#12`, or a link to the issue or
 * Discussion) in a maintainer's comment, newest first, then in the body; with no such phrase,
 * the first reference there. Only maintainers' comments count: anyone can write a comment.
 *
 * An item reopened after its last duplicate signal stands alone: reopening is how GitHub users
 * say "this is not a duplicate after all". So does an item whose original is unknown (deleted,
 * private, spam or not in the snapshot) or cannot be a request.
 *
 * Chains resolve transitively (A → B → C puts A and B under C). A cycle (A → B → A) is broken
 * deterministically: its oldest item (earliest `createdAt`, then smallest key) is canonical and
 * its own claim is ignored.
 * @see https://docs.github.com/en/issues/tracking-your-work-with-issues/administering-issues/marking-issues-or-pull-requests-as-a-duplicate
 */
import type { Comment, Item, ItemRef } from '../snapshot/schema.ts';
import { findDuplicateOf, findReferences } from './item-references.ts';
import { itemKey } from './item-key.ts';
import type { ItemKey } from './types.ts';

export type DuplicateEvidence = 'marked-as-duplicate' | 'closed-as-duplicate' | 'duplicate-label' | 'maintainer-comment';

export interface DuplicateClaim {
  target: ItemRef;
  evidence: DuplicateEvidence;
  /** When the claim was made, as far as the snapshot tells. */
  at: string;
}

export interface DuplicateRules {
  /** The configured duplicate label (`duplicates.label`). */
  label: string;
  /** Comments from accounts that do not count (bots, `exclude.users`) are ignored. */
  isIgnoredCommenter?: (comment: Comment) => boolean;
}

export interface DuplicateResolution {
  /** Every item's canonical item; a canonical item maps to itself. */
  canonicalOf: Map<ItemKey, ItemKey>;
  /** Each canonical item's duplicates, oldest first. Only items with duplicates are listed. */
  duplicatesOf: Map<ItemKey, ItemKey[]>;
  /** The claims that were followed, by the claiming item. */
  claims: Map<ItemKey, DuplicateClaim>;
}

const MAINTAINERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
const BEGINNING_OF_TIME = '0000-01-01T00:00:00Z';

function maintainerComments(item: Item, rules: DuplicateRules): Comment[] {
  return item.comments
    .filter((comment) => MAINTAINERS.has(comment.authorAssociation) && !(rules.isIgnoredCommenter?.(comment) ?? false))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The original the item names, with when it was named; null when it names none. */
function namedOriginal(item: Item, rules: DuplicateRules): { target: ItemRef; at: string } | null {
  const self = itemKey(item);
  const isOther = (ref: ItemRef | null): ref is ItemRef => ref !== null && itemKey(ref) !== self;
  const comments = maintainerComments(item, rules);
  for (const comment of comments) {
    const target = findDuplicateOf(comment.body, item.repository);
    if (isOther(target)) return { target, at: comment.createdAt };
  }
  const inBody = findDuplicateOf(item.body, item.repository);
  if (isOther(inBody)) return { target: inBody, at: item.createdAt };
  for (const comment of comments) {
    const target = findReferences(comment.body, item.repository).find(isOther);
    if (target) return { target, at: comment.createdAt };
  }
  const firstInBody = findReferences(item.body, item.repository).find(isOther);
  return firstInBody ? { target: firstInBody, at: item.createdAt } : null;
}

function latestGitHubMark(item: Item): DuplicateClaim | null {
  if (item.type !== 'issue') return null;
  const marks = new Map<ItemKey, DuplicateClaim>();
  for (const event of item.events) {
    if (event.kind === 'marked_as_duplicate') {
      const key = itemKey(event.canonical);
      marks.delete(key);
      marks.set(key, { target: event.canonical, evidence: 'marked-as-duplicate', at: event.createdAt });
    } else if (event.kind === 'unmarked_as_duplicate') {
      marks.delete(itemKey(event.canonical));
    }
  }
  return [...marks.values()].at(-1) ?? null;
}

function lastEventAt(item: Item, matches: (event: Extract<Item, { type: 'issue' }>['events'][number]) => boolean): string | null {
  if (item.type !== 'issue') return null;
  return item.events.filter(matches).at(-1)?.createdAt ?? null;
}

/** When the item was last reopened; Discussions have no events, so an open `REOPENED` one counts as now. */
function reopenedAt(item: Item): string | null {
  const fromEvents = lastEventAt(item, (event) => event.kind === 'reopened');
  if (fromEvents !== null) return fromEvents;
  if (item.state === 'OPEN' && item.stateReason === 'REOPENED') return '9999-12-31T23:59:59Z';
  return null;
}

/** What the item itself says about being a duplicate, before the rest of the snapshot is consulted. */
export function findDuplicateClaim(item: Item, rules: DuplicateRules): DuplicateClaim | null {
  const self = itemKey(item);
  const candidates: DuplicateClaim[] = [];

  const mark = latestGitHubMark(item);
  if (mark && itemKey(mark.target) !== self) candidates.push(mark);

  const named = namedOriginal(item, rules);
  if (item.state === 'CLOSED' && item.stateReason === 'DUPLICATE') {
    const target = mark?.target ?? named?.target;
    const at =
      lastEventAt(item, (event) => event.kind === 'closed' && event.stateReason === 'DUPLICATE') ??
      item.closedAt ??
      item.updatedAt;
    if (target && itemKey(target) !== self) candidates.push({ target, evidence: 'closed-as-duplicate', at });
  }
  const label = rules.label.toLowerCase();
  if (named && item.labels.some((name) => name.toLowerCase() === label)) {
    const labeledAt =
      lastEventAt(item, (event) => event.kind === 'labeled' && event.label.toLowerCase() === label) ??
      (item.type === 'issue' ? BEGINNING_OF_TIME : item.createdAt);
    candidates.push({ target: named.target, evidence: 'duplicate-label', at: labeledAt > named.at ? labeledAt : named.at });
  }
  for (const comment of maintainerComments(item, rules)) {
    const target = findDuplicateOf(comment.body, item.repository);
    if (target && itemKey(target) !== self) {
      candidates.push({ target, evidence: 'maintainer-comment', at: comment.createdAt });
      break;
    }
  }

  const reopened = reopenedAt(item);
  const standing = reopened === null ? candidates : candidates.filter((claim) => claim.at > reopened);
  return standing[0] ?? null;
}

function isOlder(a: Item, b: Item): boolean {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt;
  return itemKey(a) < itemKey(b);
}

/**
 * Resolves every item to its canonical item. `canBeCanonical` limits which items may head a
 * group (requests in scope); a group whose head may not stands apart, item by item.
 */
export function resolveDuplicates(
  items: readonly Item[],
  rules: DuplicateRules & { canBeCanonical?: (item: Item) => boolean },
): DuplicateResolution {
  const byKey = new Map(items.map((item) => [itemKey(item), item]));
  const claims = new Map<ItemKey, DuplicateClaim>();
  const next = new Map<ItemKey, ItemKey>();
  for (const [key, item] of byKey) {
    const claim = findDuplicateClaim(item, rules);
    if (!claim) continue;
    const target = itemKey(claim.target);
    // An unknown original leaves the item standing alone rather than vanishing.
    if (!byKey.has(target)) continue;
    claims.set(key, claim);
    next.set(key, target);
  }

  breakCycles(next, byKey);

  const canonicalOf = new Map<ItemKey, ItemKey>();
  const rootOf = (start: ItemKey): ItemKey => {
    const path: ItemKey[] = [];
    let key = start;
    for (;;) {
      const known = canonicalOf.get(key);
      if (known !== undefined) {
        key = known;
        break;
      }
      const following = next.get(key);
      if (following === undefined) break;
      path.push(key);
      key = following;
    }
    for (const visited of path) canonicalOf.set(visited, key);
    canonicalOf.set(key, key);
    return key;
  };
  for (const key of byKey.keys()) rootOf(key);

  const canBeCanonical = rules.canBeCanonical ?? (() => true);
  for (const [key, root] of canonicalOf) {
    const head = byKey.get(root);
    if (head && !canBeCanonical(head)) canonicalOf.set(key, key);
  }
  for (const key of byKey.keys()) {
    if (canonicalOf.get(key) === key) claims.delete(key);
  }

  const duplicatesOf = new Map<ItemKey, ItemKey[]>();
  for (const [key, root] of canonicalOf) {
    if (key === root) continue;
    duplicatesOf.set(root, [...(duplicatesOf.get(root) ?? []), key]);
  }
  for (const [root, keys] of duplicatesOf) {
    duplicatesOf.set(
      root,
      keys.sort((a, b) => {
        const itemA = byKey.get(a);
        const itemB = byKey.get(b);
        return itemA && itemB ? (isOlder(itemA, itemB) ? -1 : 1) : a.localeCompare(b);
      }),
    );
  }
  return { canonicalOf, duplicatesOf, claims };
}

/**
 * Each item claims at most one original, so the claims form chains that can only loop back
 * on themselves. Every loop loses the claim of its oldest item, which becomes its canonical.
 */
function breakCycles(next: Map<ItemKey, ItemKey>, byKey: Map<ItemKey, Item>): void {
  const state = new Map<ItemKey, 'visiting' | 'done'>();
  for (const start of [...next.keys()].sort()) {
    const path: ItemKey[] = [];
    let key: ItemKey | undefined = start;
    while (key !== undefined && state.get(key) === undefined) {
      state.set(key, 'visiting');
      path.push(key);
      key = next.get(key);
    }
    if (key !== undefined && state.get(key) === 'visiting') {
      const cycle = path.slice(path.indexOf(key));
      let oldest = cycle[0] ?? key;
      for (const member of cycle) {
        const candidate = byKey.get(member);
        const current = byKey.get(oldest);
        if (candidate && current && isOlder(candidate, current)) oldest = member;
      }
      next.delete(oldest);
    }
    for (const visited of path) state.set(visited, 'done');
  }
}
