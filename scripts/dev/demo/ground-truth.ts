/**
 * What the generator knows about the world it wrote, for tests of the sync, of duplicate
 * resolution and of the duplicate-suggestion report. Written next to the world as
 * `<name>.truth.json`.
 */

import type { HistoryKind } from './demo-histories.ts';

export interface Ref {
  repository: string;
  number: number;
}

/** How a duplicate is marked in the data (see the demo world for one of each). */
export type DuplicateHow =
  | 'label+body'
  | 'comment+event'
  | 'state-reason'
  | 'cross-repo'
  | 'url'
  | 'discussion'
  | 'chain'
  | 'cycle'
  | 'self'
  | 'unknown-target'
  | 'private-target'
  | 'unmarked';

export interface MarkedDuplicate {
  duplicate: Ref;
  /**
   * Where the duplicate's votes should end up after resolution. Equal to `duplicate` when the
   * marking must be ignored: a self-reference, an unknown or private target, a marking that was
   * later undone. In a cycle the earliest-created item of the cycle is the canonical one.
   */
  canonical: Ref;
  how: DuplicateHow;
  /** What the marking itself names (the next hop of a chain, the other side of a cycle...). */
  target: Ref;
}

export interface TruthRequest {
  ref: Ref;
  type: 'issue' | 'discussion';
  /** The request this one counts towards after duplicate resolution (itself when it stands alone). */
  canonical: Ref;
}

export interface ShippedRequest {
  ref: Ref;
  /** Tag of the first published release that contains it. */
  release: string;
  /** How the data links the request to that release. */
  via: 'pull-request' | 'milestone' | 'release-notes';
}

export interface GroundTruth {
  preset: 'demo' | 'bench' | 'histories';
  seed: number;
  /** The generator's fixed "now"; every time in the world is before it. */
  now: string;
  /** Every public request: issues labelled `enhancement` and Discussions in the `ideas` category. */
  requests: TruthRequest[];
  markedDuplicates: MarkedDuplicate[];
  /** Pairs of requests that say the same thing but that nobody marked. */
  unmarkedDuplicates: Array<[Ref, Ref]>;
  /** One account that voted 👍 on several duplicates of the same request: it must count once. */
  repeatVoter: { login: string; canonical: Ref; votedOn: Ref[] } | null;
  /** Items whose title, body or comments carry a hostile payload (marked `XSS-PROBE`). */
  hostile: Ref[];
  /** Releases whose notes carry a hostile payload. */
  hostileReleases: Array<{ repository: string; tagName: string }>;
  /** Must never be published: no item, title or count from it may leave the sync. */
  privateRepository: string;
  /** Draft releases, which must never be shown. */
  draftReleases: Array<{ repository: string; tagName: string }>;
  shipped: ShippedRequest[];
  /** Requests with one of the histories of `demo-histories.ts` (the `histories` preset only). */
  histories: Array<{ kind: HistoryKind; ref: Ref }>;
}

export function refKey(ref: Ref): string {
  return `${ref.repository}#${ref.number}`;
}
