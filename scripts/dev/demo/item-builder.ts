import type {
  ReactionContent,
  SimComment,
  SimDiscussion,
  SimIssue,
  SimReaction,
  SimRef,
  SimTimelineEvent,
} from '../github-simulator/store-types.ts';
import { iso } from './clock.ts';
import type { WorldIds } from './ids.ts';
import { associationOf, loginOf, type Person } from './people.ts';

/**
 * Builds issues and Discussions the way GitHub records them: the generator only *does* things
 * (comment, label, close, mark as duplicate...) and `finishIssue` derives state, state reason,
 * closedAt, labels and updatedAt from that history. State can therefore never disagree with the
 * timeline, whichever order the generator did things in.
 */

export interface DraftReaction {
  content: ReactionContent;
  user: Person | null;
  at: number;
}

/** Reactions on one subject; an account reacts at most once with each content, as on GitHub. */
export interface ReactionSet {
  list: DraftReaction[];
  seen: Set<string>;
}

export interface DraftComment {
  author: Person | null;
  body: string;
  at: number;
  editedAt: number | null;
  minimizedReason: string | null;
  reactions: ReactionSet;
}

type DraftEvent =
  | { kind: 'marked_as_duplicate' | 'unmarked_as_duplicate'; actor: Person | null; at: number; canonical: SimRef }
  | { kind: 'closed'; actor: Person | null; at: number; stateReason: 'COMPLETED' | 'NOT_PLANNED' | 'DUPLICATE'; closer: SimRef | null }
  | { kind: 'reopened'; actor: Person | null; at: number }
  | { kind: 'labeled' | 'unlabeled'; actor: Person | null; at: number; label: string };

export interface IssueDraft {
  number: number;
  title: string;
  body: string;
  author: Person | null;
  createdAt: number;
  /** Last edit of the title or body, if any (bumps updatedAt). */
  editedAt: number | null;
  milestone: number | null;
  locked: boolean;
  reactions: ReactionSet;
  comments: DraftComment[];
  events: DraftEvent[];
}

export interface DiscussionDraft {
  number: number;
  title: string;
  body: string;
  author: Person | null;
  category: string;
  labels: string[];
  createdAt: number;
  editedAt: number | null;
  locked: boolean;
  upvoteCount: number;
  closed: { at: number; reason: 'DUPLICATE' | 'OUTDATED' | 'RESOLVED' } | null;
  reactions: ReactionSet;
  comments: DraftComment[];
}

export function emptyReactions(): ReactionSet {
  return { list: [], seen: new Set() };
}

/** Adds a reaction unless this account already reacted with this content; returns whether it did. */
export function react(target: ReactionSet, content: ReactionContent, user: Person | null, at: number): boolean {
  if (user !== null) {
    const key = `${content}:${user.login}`;
    if (target.seen.has(key)) return false;
    target.seen.add(key);
  }
  target.list.push({ content, user, at });
  return true;
}

export function startIssue(init: {
  number: number;
  title: string;
  body: string;
  author: Person | null;
  createdAt: number;
  milestone?: number | null;
}): IssueDraft {
  return {
    number: init.number,
    title: init.title,
    body: init.body,
    author: init.author,
    createdAt: init.createdAt,
    editedAt: null,
    milestone: init.milestone ?? null,
    locked: false,
    reactions: emptyReactions(),
    comments: [],
    events: [],
  };
}

export function startDiscussion(init: {
  number: number;
  title: string;
  body: string;
  author: Person | null;
  category: string;
  createdAt: number;
  labels?: string[];
}): DiscussionDraft {
  return {
    number: init.number,
    title: init.title,
    body: init.body,
    author: init.author,
    category: init.category,
    labels: init.labels ?? [],
    createdAt: init.createdAt,
    editedAt: null,
    locked: false,
    upvoteCount: 0,
    closed: null,
    reactions: emptyReactions(),
    comments: [],
  };
}

export function addComment(
  target: { comments: DraftComment[] },
  comment: { author: Person | null; body: string; at: number; editedAt?: number | null; minimizedReason?: string | null },
): DraftComment {
  const draft: DraftComment = {
    author: comment.author,
    body: comment.body,
    at: comment.at,
    editedAt: comment.editedAt ?? null,
    minimizedReason: comment.minimizedReason ?? null,
    reactions: emptyReactions(),
  };
  target.comments.push(draft);
  return draft;
}

export function addLabel(issue: IssueDraft, label: string, actor: Person | null, at: number): void {
  issue.events.push({ kind: 'labeled', actor, at, label });
}

export function removeLabel(issue: IssueDraft, label: string, actor: Person | null, at: number): void {
  issue.events.push({ kind: 'unlabeled', actor, at, label });
}

export function closeIssue(
  issue: IssueDraft,
  close: { actor: Person | null; at: number; reason: 'COMPLETED' | 'NOT_PLANNED' | 'DUPLICATE'; closer?: SimRef | null },
): void {
  issue.events.push({ kind: 'closed', actor: close.actor, at: close.at, stateReason: close.reason, closer: close.closer ?? null });
}

export function reopenIssue(issue: IssueDraft, actor: Person | null, at: number): void {
  issue.events.push({ kind: 'reopened', actor, at });
}

export function markDuplicate(issue: IssueDraft, canonical: SimRef, actor: Person | null, at: number): void {
  issue.events.push({ kind: 'marked_as_duplicate', actor, at, canonical });
}

export function unmarkDuplicate(issue: IssueDraft, canonical: SimRef, actor: Person | null, at: number): void {
  issue.events.push({ kind: 'unmarked_as_duplicate', actor, at, canonical });
}

function byTime(left: { at: number }, right: { at: number }): number {
  return left.at - right.at;
}

function finishReactions(reactions: ReactionSet): SimReaction[] {
  return [...reactions.list]
    .sort(byTime)
    .map((reaction) => ({ content: reaction.content, user: loginOf(reaction.user), createdAt: iso(reaction.at) }));
}

function finishComments(comments: DraftComment[], ids: WorldIds): SimComment[] {
  return [...comments].sort(byTime).map((comment) => ({
    id: ids.comment.next(),
    author: loginOf(comment.author),
    authorAssociation: associationOf(comment.author),
    body: comment.body,
    createdAt: iso(comment.at),
    updatedAt: iso(comment.editedAt ?? comment.at),
    isMinimized: comment.minimizedReason !== null,
    minimizedReason: comment.minimizedReason,
    reactions: finishReactions(comment.reactions),
  }));
}

function latestActivity(draft: { createdAt: number; editedAt: number | null; comments: DraftComment[] }, more: number[]): number {
  let latest = Math.max(draft.createdAt, draft.editedAt ?? 0, ...more);
  for (const comment of draft.comments) latest = Math.max(latest, comment.at, comment.editedAt ?? 0);
  return latest;
}

export function finishIssue(draft: IssueDraft, ids: WorldIds): SimIssue {
  const events = [...draft.events].sort(byTime);
  let state: SimIssue['state'] = 'OPEN';
  let stateReason: SimIssue['stateReason'] = null;
  let closedAt: number | null = null;
  const labels: string[] = [];
  const simEvents: SimTimelineEvent[] = [];
  for (const event of events) {
    const base = { id: ids.event.next(), actor: loginOf(event.actor), createdAt: iso(event.at) };
    switch (event.kind) {
      case 'labeled':
        if (labels.includes(event.label)) throw new Error(`#${draft.number}: label "${event.label}" added twice`);
        labels.push(event.label);
        simEvents.push({ kind: 'labeled', ...base, label: event.label });
        break;
      case 'unlabeled':
        if (!labels.includes(event.label)) throw new Error(`#${draft.number}: label "${event.label}" removed but absent`);
        labels.splice(labels.indexOf(event.label), 1);
        simEvents.push({ kind: 'unlabeled', ...base, label: event.label });
        break;
      case 'closed':
        if (state === 'CLOSED') throw new Error(`#${draft.number}: closed twice`);
        state = 'CLOSED';
        stateReason = event.stateReason;
        closedAt = event.at;
        simEvents.push({ kind: 'closed', ...base, stateReason: event.stateReason, closer: event.closer });
        break;
      case 'reopened':
        if (state === 'OPEN') throw new Error(`#${draft.number}: reopened while open`);
        state = 'OPEN';
        stateReason = 'REOPENED';
        closedAt = null;
        simEvents.push({ kind: 'reopened', ...base });
        break;
      case 'marked_as_duplicate':
      case 'unmarked_as_duplicate':
        simEvents.push({ kind: event.kind, ...base, canonical: event.canonical });
        break;
    }
  }
  const updatedAt = latestActivity(draft, events.map((event) => event.at));
  return {
    number: draft.number,
    id: ids.issue.next(),
    title: draft.title,
    body: draft.body,
    author: loginOf(draft.author),
    authorAssociation: associationOf(draft.author),
    labels,
    milestone: draft.milestone,
    state,
    stateReason,
    locked: draft.locked,
    createdAt: iso(draft.createdAt),
    updatedAt: iso(updatedAt),
    closedAt: closedAt === null ? null : iso(closedAt),
    reactions: finishReactions(draft.reactions),
    comments: finishComments(draft.comments, ids),
    events: simEvents,
  };
}

export function finishDiscussion(draft: DiscussionDraft, ids: WorldIds): SimDiscussion {
  const closedAt = draft.closed?.at ?? null;
  return {
    number: draft.number,
    id: ids.discussion.next(),
    title: draft.title,
    body: draft.body,
    author: loginOf(draft.author),
    authorAssociation: associationOf(draft.author),
    category: draft.category,
    labels: draft.labels,
    closed: draft.closed !== null,
    closedAt: closedAt === null ? null : iso(closedAt),
    stateReason: draft.closed?.reason ?? null,
    locked: draft.locked,
    createdAt: iso(draft.createdAt),
    updatedAt: iso(latestActivity(draft, closedAt === null ? [] : [closedAt])),
    upvoteCount: draft.upvoteCount,
    reactions: finishReactions(draft.reactions),
    comments: finishComments(draft.comments, ids),
  };
}
