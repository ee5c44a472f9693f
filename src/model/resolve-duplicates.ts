/**
 * Folds duplicates into canonical items.
 *
 * An item says it duplicates another when (strongest first):
 * 1. GitHub marked it (`MarkedAsDuplicateEvent` not undone by a later `UnmarkedAsDuplicateEvent`
 *    for the same original);
 * 2. it was closed as a duplicate (`stateReason: DUPLICATE`, issues and Discussions alike) and
 *    names its original;
 * 3. it carries the configured duplicate label and names its original;
 * 4. a maintainer (OWNER, MEMBER or COLLABORATOR) commented "Duplicate of …", GitHub's own
 *    convention for marking duplicates.
 * The original is named by "Duplicate of #12" (or `owner/repo#12`, or a link to the issue or
 * Discussion) in a maintainer's comment, newest first, then in the body; with no such phrase,
 * the first reference there. Only maintainers' comments count: anyone can write a comment.
 * The strongest signal decides; a weaker one never overrides it.
 *
 * An item stands on its own, whatever it says, when:
 * - it was reopened after its last duplicate signal: reopening is how GitHub users say "this is
 *   not a duplicate after all" (an open Discussion whose state reason is `REOPENED` counts as
 *   reopened after everything, as Discussions have no timeline);
 * - the signal names the item itself, names nothing, or names an original that is not among the
 *   published items (deleted, private, spam, another repository): reported as a problem;
 * - everything along its chain of originals is outside every source's scope, so no request
 *   could take its votes: reported too.
 *
 * Chains resolve transitively (A → B → C puts A and B under C); an item folds into the furthest
 * item along its chain that can be a request, so a chain may pass through a bug report. A cycle
 * (A → B → A) is broken deterministically: its oldest item (earliest `createdAt`, then smallest
 * key) is canonical, its own marking is ignored, and the cycle is reported.
 * @see https://docs.github.com/en/issues/tracking-your-work-with-issues/administering-issues/marking-issues-or-pull-requests-as-a-duplicate
 */
import { MAINTAINER_ASSOCIATIONS } from '../github/enums.ts';
import type { Comment, Item, ItemRef } from '../snapshot/schema.ts';
import {
  cycleProblem,
  noOriginalProblem,
  selfReferenceProblem,
  unavailableOriginalProblem,
  type DuplicateEvidence,
  type DuplicateProblem,
  type ProblemItem,
  type UnavailableReason,
} from './duplicate-problems.ts';
import { findDuplicateOf, findReferences } from './item-references.ts';
import { itemKey } from './item-key.ts';
import type { ItemKey } from './types.ts';

export type { DuplicateEvidence } from './duplicate-problems.ts';

export interface DuplicateClaim {
  target: ItemRef;
  evidence: DuplicateEvidence;
  /** When the claim was made, as far as the snapshot tells. */
  at: string;
}

/** What an item says about being a duplicate, before the rest of the snapshot is consulted. */
export type DuplicateSignal =
  /** It names an original other than itself (which may still turn out to be unknown). */
  | { kind: 'claim'; claim: DuplicateClaim }
  /** It is marked as a duplicate of itself. */
  | { kind: 'self'; evidence: DuplicateEvidence; at: string }
  /** It is labelled or closed as a duplicate without naming any original. */
  | { kind: 'unnamed'; evidence: 'duplicate-label' | 'closed-as-duplicate'; at: string };

export interface DuplicateRules {
  /** The configured duplicate label (`duplicates.label`). */
  label: string;
  /** Comments from accounts that do not count (bots, `exclude.users`) are ignored. */
  isIgnoredCommenter?: (comment: Comment) => boolean;
}

export interface ResolutionRules extends DuplicateRules {
  /** Which items may head a group (requests in scope); default: all. */
  canBeCanonical?: (item: Item) => boolean;
  /** Why an original that is not among the items cannot take votes, for the report; default `not-found`. */
  whyUnavailable?: (target: ItemRef) => UnavailableReason;
  /**
   * A marking declared outside GitHub (an imported channel's file), which outranks every GitHub
   * signal: the original, null for "none", undefined when nothing is declared for the item.
   */
  declaredOriginal?: (item: Item) => ItemRef | null | undefined;
}

export interface DuplicateResolution {
  /** Every item's canonical item; a canonical item maps to itself. */
  canonicalOf: Map<ItemKey, ItemKey>;
  /** Each canonical item's duplicates, oldest first. Only items with duplicates are listed. */
  duplicatesOf: Map<ItemKey, ItemKey[]>;
  /** The claims that were followed, by the claiming item. */
  claims: Map<ItemKey, DuplicateClaim>;
  /** Markings that could not be followed, about items that can be requests, in item order. */
  problems: DuplicateProblem[];
}

const BEGINNING_OF_TIME = '0000-01-01T00:00:00Z';
const END_OF_TIME = '9999-12-31T23:59:59Z';

type IssueEvent = Extract<Item, { type: 'issue' }>['events'][number];

/** Maintainers' comments that count, newest first. */
function maintainerComments(item: Item, rules: DuplicateRules): Comment[] {
  return item.comments
    .filter((comment) => MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation) && !(rules.isIgnoredCommenter?.(comment) ?? false))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The original the item names (never itself), with when it was named; null when it names none. */
function namedOriginal(item: Item, comments: readonly Comment[]): { target: ItemRef; at: string } | null {
  const self = itemKey(item);
  const isOther = (ref: ItemRef | null): ref is ItemRef => ref !== null && itemKey(ref) !== self;
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

/** When a "Duplicate of …" in a maintainer's comment or the body names the item itself; null if never. */
function namesItselfAt(item: Item, comments: readonly Comment[]): string | null {
  const self = itemKey(item);
  const namesSelf = (markdown: string): boolean => {
    const target = findDuplicateOf(markdown, item.repository);
    return target !== null && itemKey(target) === self;
  };
  const comment = comments.find((candidate) => namesSelf(candidate.body));
  if (comment) return comment.createdAt;
  return namesSelf(item.body) ? item.createdAt : null;
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

function lastEventAt(item: Item, matches: (event: IssueEvent) => boolean): string | null {
  if (item.type !== 'issue') return null;
  return item.events.filter(matches).at(-1)?.createdAt ?? null;
}

/** When the item was last reopened; Discussions have no events, so an open `REOPENED` one counts as now. */
function reopenedAt(item: Item): string | null {
  const fromEvents = lastEventAt(item, (event) => event.kind === 'reopened');
  if (fromEvents !== null) return fromEvents;
  if (item.state === 'OPEN' && item.stateReason === 'REOPENED') return END_OF_TIME;
  return null;
}

/** What the item itself says about being a duplicate; null when it says nothing that still stands. */
export function duplicateSignal(item: Item, rules: DuplicateRules): DuplicateSignal | null {
  const selfRef: ItemRef = { repository: item.repository, number: item.number };
  const comments = maintainerComments(item, rules);
  const selfNamedAt = namesItselfAt(item, comments);
  const original = namedOriginal(item, comments) ?? (selfNamedAt === null ? null : { target: selfRef, at: selfNamedAt });
  const candidates: DuplicateClaim[] = [];
  const unnamed: Array<{ evidence: 'duplicate-label' | 'closed-as-duplicate'; at: string }> = [];

  const mark = latestGitHubMark(item);
  if (mark) candidates.push(mark);

  if (item.state === 'CLOSED' && item.stateReason === 'DUPLICATE') {
    const at =
      lastEventAt(item, (event) => event.kind === 'closed' && event.stateReason === 'DUPLICATE') ?? item.closedAt ?? item.updatedAt;
    const target = mark?.target ?? original?.target;
    if (target) candidates.push({ target, evidence: 'closed-as-duplicate', at });
    else unnamed.push({ evidence: 'closed-as-duplicate', at });
  }

  const label = rules.label.toLowerCase();
  if (item.labels.some((name) => name.toLowerCase() === label)) {
    const labeledAt =
      lastEventAt(item, (event) => event.kind === 'labeled' && event.label.toLowerCase() === label) ??
      (item.type === 'issue' ? BEGINNING_OF_TIME : item.createdAt);
    if (original) candidates.push({ target: original.target, evidence: 'duplicate-label', at: labeledAt > original.at ? labeledAt : original.at });
    else unnamed.push({ evidence: 'duplicate-label', at: labeledAt });
  }

  // The newest maintainer comment naming another item; failing that, one naming the item itself.
  const phrases = comments.flatMap((comment) => {
    const target = findDuplicateOf(comment.body, item.repository);
    return target ? [{ target, at: comment.createdAt }] : [];
  });
  const phrase = phrases.find((entry) => itemKey(entry.target) !== itemKey(item)) ?? phrases[0];
  if (phrase) candidates.push({ target: phrase.target, evidence: 'maintainer-comment', at: phrase.at });

  const reopened = reopenedAt(item);
  const stands = (at: string): boolean => reopened === null || at > reopened;
  const claim = candidates.find((candidate) => stands(candidate.at));
  if (claim) {
    return itemKey(claim.target) === itemKey(item) ? { kind: 'self', evidence: claim.evidence, at: claim.at } : { kind: 'claim', claim };
  }
  const bare = unnamed.find((entry) => stands(entry.at));
  return bare ? { kind: 'unnamed', ...bare } : null;
}

function isOlder(a: Item, b: Item): boolean {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt;
  return itemKey(a) < itemKey(b);
}

function problemItem(item: Item): ProblemItem {
  return { key: itemKey(item), repository: item.repository, number: item.number, type: item.type, title: item.title, url: item.url };
}

/** Resolves every item to its canonical item, and reports the markings it could not follow. */
export function resolveDuplicates(items: readonly Item[], rules: ResolutionRules): DuplicateResolution {
  const byKey = new Map(items.map((item) => [itemKey(item), item]));
  const canBeCanonical = rules.canBeCanonical ?? (() => true);
  const problems: DuplicateProblem[] = [];
  const claims = new Map<ItemKey, DuplicateClaim>();
  const next = new Map<ItemKey, ItemKey>();

  for (const [key, item] of byKey) {
    const declared = rules.declaredOriginal?.(item);
    const signal: DuplicateSignal | null =
      declared === undefined
        ? duplicateSignal(item, rules)
        : declared === null
          ? null
          : { kind: 'claim', claim: { target: declared, evidence: 'imported', at: item.createdAt } };
    if (signal === null) continue;
    // Only items that would be requests are worth a maintainer's attention.
    const report = canBeCanonical(item);
    if (signal.kind === 'self') {
      if (report) problems.push(selfReferenceProblem(problemItem(item), signal.evidence));
      continue;
    }
    if (signal.kind === 'unnamed') {
      if (report) problems.push(noOriginalProblem(problemItem(item), signal.evidence));
      continue;
    }
    const { claim } = signal;
    const target = itemKey(claim.target);
    if (!byKey.has(target)) {
      // An unknown original leaves the item standing alone rather than vanishing.
      const reason = rules.whyUnavailable?.(claim.target) ?? 'not-found';
      if (report) problems.push(unavailableOriginalProblem(problemItem(item), claim.evidence, claim.target, reason));
      continue;
    }
    claims.set(key, claim);
    next.set(key, target);
  }

  for (const cycle of breakCycles(next, byKey)) {
    const members = cycle.map((key) => byKey.get(key)).filter((member) => member !== undefined);
    const [kept] = members;
    if (kept && members.some(canBeCanonical)) problems.push(cycleProblem(problemItem(kept), members.map(problemItem)));
  }

  // Each item folds into the furthest item along its chain that can be a request.
  const canonicalOf = new Map<ItemKey, ItemKey>();
  for (const [key, item] of byKey) {
    let canonical = key;
    for (let step = next.get(key); step !== undefined; step = next.get(step)) {
      const stepItem = byKey.get(step);
      if (stepItem && canBeCanonical(stepItem)) canonical = step;
    }
    canonicalOf.set(key, canonical);
    if (canonical !== key) continue;
    const claim = claims.get(key);
    claims.delete(key);
    // Still pointing somewhere (not the kept item of a broken cycle), yet nothing there is a request.
    if (claim && next.has(key) && canBeCanonical(item)) {
      problems.push(unavailableOriginalProblem(problemItem(item), claim.evidence, claim.target, 'not-a-request'));
    }
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
  problems.sort(
    (a, b) =>
      a.item.repository.toLowerCase().localeCompare(b.item.repository.toLowerCase()) ||
      a.item.number - b.item.number ||
      a.kind.localeCompare(b.kind),
  );
  return { canonicalOf, duplicatesOf, claims, problems };
}

/**
 * Each item claims at most one original, so the claims form chains that can only loop back
 * on themselves. Every loop loses the claim of its oldest item, which becomes its canonical.
 * Returns each loop broken, from its oldest item on, each member claiming the next.
 */
function breakCycles(next: Map<ItemKey, ItemKey>, byKey: Map<ItemKey, Item>): ItemKey[][] {
  const state = new Map<ItemKey, 'visiting' | 'done'>();
  const cycles: ItemKey[][] = [];
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
      let oldest = 0;
      cycle.forEach((member, index) => {
        const candidate = byKey.get(member);
        const current = byKey.get(cycle[oldest] ?? member);
        if (candidate && current && isOlder(candidate, current)) oldest = index;
      });
      const ordered = [...cycle.slice(oldest), ...cycle.slice(0, oldest)];
      const [kept] = ordered;
      if (kept !== undefined) next.delete(kept);
      cycles.push(ordered);
    }
    for (const visited of path) state.set(visited, 'done');
  }
  return cycles;
}
