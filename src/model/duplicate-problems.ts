/**
 * Duplicate markings the model could not follow, reported instead of crashing or guessing: the
 * build logs each one as a warning and the maintainers' page lists them. Each problem says what
 * happened, what the roadmap did about it (the item always stands on its own, or the cycle is
 * broken), and what a maintainer can do.
 *
 * Problems are only reported for items that would be requests of their own: a bug report marked
 * as a duplicate of a deleted bug report changes nothing on the roadmap.
 */
import type { ItemRef } from '../snapshot/schema.ts';
import type { ItemKey, ItemType } from './types.ts';

/** Why the original an item names cannot take its votes. */
export type UnavailableReason =
  /** Its repository is a source, but the snapshot has no such item: deleted, transferred, a pull request, or a number that never existed. */
  | 'not-found'
  /** Its repository is not one of `sources`. */
  | 'other-repository'
  /** Its repository is private and its source does not set `allowPrivate`. */
  | 'private'
  /** It carries one of `exclude.labels` (spam, invalid…). */
  | 'excluded-label'
  /** It was opened by an excluded account (`exclude.users`, or a bot). */
  | 'excluded-author'
  /** It, and everything it is marked as a duplicate of in turn, is outside every source's scope (a bug report on a feature roadmap). */
  | 'not-a-request';

/** The evidence that says an item is a duplicate (see `resolve-duplicates.ts`). */
export type DuplicateEvidence = 'marked-as-duplicate' | 'closed-as-duplicate' | 'duplicate-label' | 'maintainer-comment' | 'imported';

export interface ProblemItem {
  key: ItemKey;
  repository: string;
  number: number;
  type: ItemType;
  title: string;
  url: string;
}

interface ProblemBase {
  /** The item the problem is about: it stands on its own (for a cycle: the one kept as the request). */
  item: ProblemItem;
  /** What happened, in one sentence. */
  message: string;
  /** What a maintainer can do about it. */
  hint: string;
}

export type DuplicateProblem = ProblemBase &
  (
    | { kind: 'self-reference'; evidence: DuplicateEvidence }
    | { kind: 'unavailable-original'; evidence: DuplicateEvidence; target: ItemRef; reason: UnavailableReason }
    | { kind: 'no-original'; evidence: 'duplicate-label' | 'closed-as-duplicate' }
    | { kind: 'cycle'; members: ProblemItem[] }
  );

export type DuplicateProblemKind = DuplicateProblem['kind'];

/** `#12` in the item's own repository, `owner/name#12` elsewhere. */
export function referenceName(ref: ItemRef, from: string): string {
  return ref.repository.toLowerCase() === from.toLowerCase() ? `#${ref.number}` : `${ref.repository}#${ref.number}`;
}

function itemName(item: ProblemItem): string {
  // An imported request's item lives in `:channel/<slug>` (see `imported-requests.ts`).
  if (item.repository.startsWith(':channel/')) return `The imported request “${item.title}”`;
  return `${item.type === 'discussion' ? 'Discussion ' : ''}${item.repository}#${item.number}`;
}

/** How the marking was made, as the message says it in brackets. */
const EVIDENCE: Record<DuplicateEvidence, string> = {
  'marked-as-duplicate': 'marked on GitHub',
  'closed-as-duplicate': 'closed as a duplicate',
  'duplicate-label': 'by its duplicate label',
  'maintainer-comment': 'in a maintainer’s comment',
  imported: 'in an imported channel’s file',
};

/**
 * Why the original is unavailable. Where it is in a repository that may not be published, this is
 * all the message says of it: one that is not a source may be private (the sync never asks GitHub),
 * so neither is named, not even on the maintainers' page or in the build log; the item's own page
 * on GitHub links it.
 */
const WHY_UNAVAILABLE: Record<UnavailableReason, string> = {
  'not-found': 'which is not in the snapshot (deleted, transferred, a pull request, or a number that does not exist)',
  'other-repository': 'an item in a repository that is not among the roadmap’s sources',
  private: 'an item in a private repository the roadmap does not publish',
  'excluded-label': 'which carries an excluded label and is not published',
  'excluded-author': 'which was opened by an excluded account and is not published',
  'not-a-request': 'which is not a request on the roadmap (outside every source’s labels or categories)',
};

const UNNAMED: ReadonlySet<UnavailableReason> = new Set(['other-repository', 'private']);

const HINT_UNAVAILABLE: Record<UnavailableReason, string> = {
  'not-found': 'correct the reference on GitHub ("Duplicate of #…"), or unmark the duplicate if the original is gone',
  'other-repository': 'point the duplicate at a published request, or add the repository it names (the marking on GitHub links it) to the sources in roadmap.config.ts if it may be published',
  private: 'point the duplicate at a public request; set allowPrivate on its source only if the repository may be published',
  'excluded-label': 'point the duplicate at a published request, or remove the excluded label from the original',
  'excluded-author': 'point the duplicate at a published request',
  'not-a-request': 'label the original so its source publishes it, or point the duplicate at a published request',
};

export function selfReferenceProblem(item: ProblemItem, evidence: DuplicateEvidence): DuplicateProblem {
  return {
    kind: 'self-reference',
    item,
    evidence,
    message: `${itemName(item)} is marked as a duplicate of itself (${EVIDENCE[evidence]}); it stands on its own.`,
    hint: 'name the original it duplicates ("Duplicate of #…"), or remove the marking',
  };
}

export function unavailableOriginalProblem(
  item: ProblemItem,
  evidence: DuplicateEvidence,
  target: ItemRef,
  reason: UnavailableReason,
): DuplicateProblem {
  return {
    kind: 'unavailable-original',
    item,
    evidence,
    target,
    reason,
    message: UNNAMED.has(reason)
      ? `${itemName(item)} is marked as a duplicate of ${WHY_UNAVAILABLE[reason]} (${EVIDENCE[evidence]}); it stands on its own and keeps its votes.`
      : `${itemName(item)} is marked as a duplicate of ${referenceName(target, item.repository)} (${EVIDENCE[evidence]}), ${WHY_UNAVAILABLE[reason]}; it stands on its own and keeps its votes.`,
    hint: HINT_UNAVAILABLE[reason],
  };
}

export function noOriginalProblem(item: ProblemItem, evidence: 'duplicate-label' | 'closed-as-duplicate'): DuplicateProblem {
  const how = evidence === 'duplicate-label' ? 'carries the duplicate label' : 'was closed as a duplicate';
  return {
    kind: 'no-original',
    item,
    evidence,
    message: `${itemName(item)} ${how} but names no original; it stands on its own.`,
    hint: 'comment "Duplicate of #…" on GitHub (as a maintainer) to say which request it duplicates',
  };
}

/** `members` go round the loop from the item kept as the request, each marked as a duplicate of the next. */
export function cycleProblem(kept: ProblemItem, members: ProblemItem[]): DuplicateProblem {
  const names = [...members, kept].map((member) => referenceName(member, kept.repository));
  return {
    kind: 'cycle',
    item: kept,
    members,
    message: `${names.join(' → ')}: these items are marked as duplicates of one another in a loop; ${itemName(kept)}, the oldest, is kept as the request and the others fold into it.`,
    hint: `unmark ${itemName(kept)} as a duplicate on GitHub so the data says what the roadmap shows`,
  };
}
