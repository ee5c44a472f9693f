/**
 * The simulator's world: GitHub-shaped data for one or more repositories.
 *
 * This is the format the demo generator writes (`scripts/dev/demo/`) and the GitHub API simulator
 * serves. It mirrors what GitHub stores, not what our snapshot keeps: the sync must do the work
 * of turning one into the other. Times are ISO 8601 strings in UTC with second precision
 * (`2026-03-04T05:06:07Z`), as GitHub returns them.
 */

import type { ActorType, AuthorAssociation, DiscussionStateReason, IssueState, IssueStateReason, ReactionContent } from '../../../src/github/enums.ts';

export type { ActorType, AuthorAssociation, ReactionContent } from '../../../src/github/enums.ts';

/** An account. Deleted accounts are represented by `null` wherever an actor is expected. */
export interface SimActor {
  login: string;
  type: ActorType;
  /** Numeric database id, used for REST `user.id` and avatar URLs. */
  id: number;
}

export interface SimReaction {
  content: ReactionContent;
  /** Login of the reacting account; `null` when that account was deleted. */
  user: string | null;
  createdAt: string;
}

export interface SimComment {
  /** Database id, unique across the world. */
  id: number;
  /** Login of the author; `null` for a deleted account. */
  author: string | null;
  authorAssociation: AuthorAssociation;
  body: string;
  createdAt: string;
  updatedAt: string;
  isMinimized: boolean;
  /** GitHub's reason strings: `spam`, `abuse`, `off-topic`, `outdated`, `duplicate`, `resolved`. */
  minimizedReason: string | null;
  reactions: SimReaction[];
}

/** A reference to an issue, pull request or Discussion, possibly in another repository. */
export interface SimRef {
  repository: string; // "owner/name"
  number: number;
}

/**
 * Issue timeline events we model. GitHub has many more kinds; these are the ones whose presence
 * changes what a roadmap shows (duplicates, status history, closing pull requests).
 */
export type SimTimelineEvent =
  | { kind: 'marked_as_duplicate'; id: number; actor: string | null; createdAt: string; canonical: SimRef }
  | { kind: 'unmarked_as_duplicate'; id: number; actor: string | null; createdAt: string; canonical: SimRef }
  | {
      kind: 'closed';
      id: number;
      actor: string | null;
      createdAt: string;
      stateReason: Exclude<IssueStateReason, 'REOPENED'>;
      /** The pull request (same or another repository) whose merge closed the issue, if any. */
      closer: SimRef | null;
    }
  | { kind: 'reopened'; id: number; actor: string | null; createdAt: string }
  | { kind: 'labeled'; id: number; actor: string | null; createdAt: string; label: string }
  | { kind: 'unlabeled'; id: number; actor: string | null; createdAt: string; label: string }
  /** The title was edited (GitHub's `RenamedTitleEvent`); `title` holds the current one. */
  | { kind: 'renamed'; id: number; actor: string | null; createdAt: string; previousTitle: string; currentTitle: string }
  /**
   * The issue moved here from `from` (GitHub's `TransferredEvent`): it keeps its node id, and gets
   * a new number in this repository. The old number is never reused there.
   */
  | { kind: 'transferred'; id: number; actor: string | null; createdAt: string; from: SimRef }
  /** GitHub's `MilestonedEvent` / `DemilestonedEvent` name the milestone by its title at the time. */
  | { kind: 'milestoned'; id: number; actor: string | null; createdAt: string; milestoneTitle: string }
  | { kind: 'demilestoned'; id: number; actor: string | null; createdAt: string; milestoneTitle: string };

export interface SimIssue {
  number: number;
  /** Database id (REST `id`); the GraphQL node id is derived from it. */
  id: number;
  title: string;
  body: string;
  author: string | null;
  authorAssociation: AuthorAssociation;
  labels: string[];
  /** Milestone number in the same repository. */
  milestone: number | null;
  state: IssueState;
  stateReason: IssueStateReason | null;
  locked: boolean;
  createdAt: string;
  /**
   * Bumped by edits, comments, labels, state changes, like GitHub. Not bumped by reactions: GitHub
   * does not touch `updated_at` when someone reacts, which is why a periodic full sync exists.
   */
  updatedAt: string;
  closedAt: string | null;
  reactions: SimReaction[];
  comments: SimComment[];
  /** Chronological. Comments are not repeated here; the simulator interleaves them by time. */
  events: SimTimelineEvent[];
  /**
   * Deleted between a sync's listing and its detail queries: REST lists still show it, but
   * GraphQL no longer finds it (`nodes` answers null and a NOT_FOUND error at its index, as GitHub
   * does), nor does anything else.
   */
  deletedAfterListing?: boolean | undefined;
}

export interface SimDiscussion {
  number: number;
  id: number;
  title: string;
  body: string;
  author: string | null;
  authorAssociation: AuthorAssociation;
  /** Category slug; must exist in the repository's `discussionCategories`. */
  category: string;
  labels: string[];
  closed: boolean;
  closedAt: string | null;
  stateReason: DiscussionStateReason | null;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  /** GitHub exposes only this count for upvotes, never who upvoted. */
  upvoteCount: number;
  reactions: SimReaction[];
  comments: SimComment[];
}

export interface SimPullRequest {
  number: number;
  id: number;
  title: string;
  author: string | null;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  createdAt: string;
  mergedAt: string | null;
  /** 40-hex commit SHA of the merge commit, when merged. */
  mergeCommit: string | null;
  /** Issues this pull request closes when merged (`Closes #12`), possibly in other repositories. */
  closes: SimRef[];
}

export interface SimLabel {
  name: string;
  color: string; // 6 hex digits, no '#'
  description: string | null;
}

export interface SimMilestone {
  number: number;
  id: number;
  title: string;
  description: string | null;
  state: 'OPEN' | 'CLOSED';
  dueOn: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface SimRelease {
  id: number;
  tagName: string;
  name: string | null;
  /** Markdown release notes. */
  body: string;
  author: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  /** SHA of the tagged commit. */
  tagCommit: string;
}

export interface SimDiscussionCategory {
  id: number;
  name: string;
  slug: string;
  emoji: string;
  description: string;
}

export interface SimRepository {
  owner: string;
  name: string;
  id: number;
  description: string | null;
  isPrivate: boolean;
  defaultBranch: string;
  labels: SimLabel[];
  milestones: SimMilestone[];
  discussionCategories: SimDiscussionCategory[];
  issues: SimIssue[];
  discussions: SimDiscussion[];
  pullRequests: SimPullRequest[];
  releases: SimRelease[];
}

/** An iteration of a project's iteration field. */
export interface SimProjectIteration {
  /** GitHub's short iteration id (e.g. `"cfc16e4d"`). */
  id: string;
  title: string;
  /** `YYYY-MM-DD`. */
  startDate: string;
  /** Days. */
  duration: number;
}

/** A field of a GitHub Project (v2). Fields GitHub makes by itself (Title, Assignees…) are left out. */
export type SimProjectField =
  | { id: number; name: string; dataType: 'SINGLE_SELECT'; options: { id: string; name: string }[] }
  | { id: number; name: string; dataType: 'ITERATION'; iterations: SimProjectIteration[] }
  | { id: number; name: string; dataType: 'DATE' | 'TEXT' | 'NUMBER' };

/**
 * An item of a project: an issue or pull request of a repository of the world, or a draft issue.
 * `values` holds field values by field name, as a person reads them: an option's name, an
 * iteration's title, a date (`YYYY-MM-DD`), a text or a number.
 */
export interface SimProjectItem {
  id: number;
  content: { type: 'Issue' | 'PullRequest'; repository: string; number: number } | { type: 'DraftIssue'; title: string };
  isArchived?: boolean | undefined;
  createdAt: string;
  updatedAt: string;
  values: Record<string, string | number>;
}

/** A GitHub Project (v2) owned by an organization or a user of the world. */
export interface SimProject {
  /** Login of the owner, an `Organization` or a `User` in `users`. */
  owner: string;
  number: number;
  id: number;
  title: string;
  closed: boolean;
  createdAt: string;
  /** Moves whenever an item is added, removed or has a field changed. */
  updatedAt: string;
  fields: SimProjectField[];
  /** In the project's order (GitHub's `POSITION`). */
  items: SimProjectItem[];
}

/** Everything the simulator serves. Serialised as JSON by the demo generator. */
export interface SimWorld {
  /** Accounts by login. Every login used anywhere in the world must be listed here. */
  users: Record<string, SimActor>;
  repositories: SimRepository[];
  /** GitHub Projects (v2); none when left out. */
  projects?: SimProject[] | undefined;
}
