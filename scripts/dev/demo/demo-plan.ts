import type { ReleaseSchedule } from './demo-project.ts';
import type { DuplicateHow, Ref } from './ground-truth.ts';
import type { BodyPayloadKind, TitlePayloadKind } from './hostile-payloads.ts';
import type { Area } from './labels.ts';
import type { Person } from './people.ts';
import type { Slot } from './slots.ts';
import type { Burst } from './votes.ts';

/**
 * The demo world is planned before it is written: who asks for what and when, what ships in
 * which release, which requests are duplicates of which. Numbers are assigned once the plan is
 * complete; rendering then turns plans into GitHub-shaped issues, Discussions and releases.
 */

export type OpenStatus = 'untriaged' | 'under-review' | 'planned' | 'in-progress';

export type RequestFate =
  | { kind: 'open'; status: OpenStatus; milestone: string | null; pull: PullPlan | null }
  | {
      kind: 'shipped';
      release: ReleaseSchedule;
      via: 'pull-request' | 'milestone' | 'release-notes';
      pull: PullPlan | null;
      closedAt: number;
      /** Milestone title (the release's), or null for requests linked only through the notes. */
      milestone: string | null;
    }
  | { kind: 'declined'; closedAt: number }
  /** Documentation requests: done by a pull request, no release involved. */
  | { kind: 'completed'; pull: PullPlan; closedAt: number }
  /** Discussions only: closed by a maintainer as resolved or outdated. */
  | { kind: 'discussion-closed'; reason: 'RESOLVED' | 'OUTDATED'; closedAt: number }
  /** Decided by the duplicate marking. */
  | { kind: 'duplicate' };

/** How a duplicate marking shows up in the data. */
export interface DuplicateExpression {
  /** The `duplicate` label. */
  label: boolean;
  /** "Duplicate of …" written into the body. */
  bodyNote: boolean;
  /** A maintainer comment "Duplicate of …" (GitHub turns it into a marked_as_duplicate event). */
  comment: boolean;
  /** A `marked_as_duplicate` timeline event (issues only). */
  event: boolean;
  /** Closed with state reason DUPLICATE. */
  close: boolean;
  /** How the target is written: `#12`, `owner/name#12` or a full URL. */
  style: 'number' | 'cross-repo' | 'url';
  /** Later unmarked (`unmarked_as_duplicate`) and reopened. */
  undone: boolean;
}

export interface DuplicateMarking {
  how: DuplicateHow;
  target: { plan: RequestPlan } | { ref: Ref };
  expression: DuplicateExpression;
  markedAt: number;
  actor: Person;
}

export interface RequestPlan {
  slot: Slot;
  kind: 'issue' | 'discussion';
  title: string;
  problem: string;
  proposal: string;
  /** Null for documentation requests, which have no area. */
  area: Area | null;
  author: Person | null;
  votes: number;
  burst: Burst | null;
  controversial: boolean;
  /** How many discussion comments to generate (besides the ones state changes bring). */
  comments: number;
  locked: boolean;
  fate: RequestFate;
  marking: DuplicateMarking | null;
  hostileTitle: TitlePayloadKind | null;
  hostileBody: BodyPayloadKind[];
  hostileComment: BodyPayloadKind[];
  /** Accounts that must be among the 👍 voters (the repeat voter). */
  requiredVoters: Person[];
  /** Discussions only: category slug. */
  category: string;
}

export interface PullPlan {
  slot: Slot;
  title: string;
  author: Person;
  state: 'MERGED' | 'OPEN' | 'CLOSED';
  mergedAt: number | null;
  mergeCommit: string | null;
  /** Issues (any repository) this pull request closes when merged. */
  closes: Slot[];
  section: 'features' | 'fixes' | 'docs' | 'dependencies';
  /** The release that first contains it; null when unmerged or not released yet. */
  release: ReleaseSchedule | null;
}

export function planRef(plan: { slot: Slot }): Ref {
  if (plan.slot.number === 0) throw new Error('reference used before numbers were assigned');
  return { repository: plan.slot.repository, number: plan.slot.number };
}

export function targetRef(marking: DuplicateMarking): Ref {
  return 'plan' in marking.target ? planRef(marking.target.plan) : marking.target.ref;
}
