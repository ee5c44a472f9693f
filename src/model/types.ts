/**
 * What the model hands to the site: canonical requests and the releases that shipped them.
 * Plain data only (strings, numbers, arrays), so it can be stored by the content layer, written
 * as JSON and compared in tests.
 */
import type { StatusId } from '../config/status-ids.ts';
import type { Actor, Comment, PullRequestRef } from '../snapshot/schema.ts';

/** `owner/name#12`, lower-cased: GitHub treats owner and repository names case-insensitively. */
export type ItemKey = string;

export type ItemType = 'issue' | 'discussion';

export interface Voter {
  login: string;
  avatarUrl: string;
  /** When this person first voted on the request or any of its duplicates. */
  votedAt: string;
}

export interface VoteTally {
  /** Unique people plus anonymous Discussion upvotes: the request's demand, shown everywhere. */
  total: number;
  /** Everyone who counts, each once, first voters first. */
  people: Voter[];
  /** Discussion upvoters there must be beyond `people` (see `unique-voters.ts`). */
  anonymous: number;
  /** Creation time of the Discussion the anonymous upvotes come from; weighs them for trending. */
  anonymousSince: string | null;
  /** The largest upvote count among the request’s Discussions, as GitHub gives it (0 without Discussions). */
  upvotes: number;
  /** People known only from imported channels, counted per channel, never named (see `imported-requests.ts`). */
  imported: ImportedVoters[];
}

export interface ImportedVoters {
  /** The channel's name, as configured. */
  channel: string;
  people: number;
}

export interface StatusChange {
  status: StatusId;
  at: string;
}

export interface ItemSummary {
  key: ItemKey;
  repository: string;
  number: number;
  type: ItemType;
  title: string;
  url: string;
  /** The segment the item would have in URLs as a request of its own (`15-dark-theme`). */
  slug: string;
  /**
   * The address it would have as a request of its own, by the same rule as every request
   * (`/requests/15-dark-theme/`): a merged duplicate's page redirects from there to its request.
   */
  path: string;
  /** The imported channel's name, for an imported request; null for GitHub items. */
  channel: string | null;
}

export interface RequestLabel {
  name: string;
  /** Six hex digits, as GitHub stores it. */
  color: string;
}

export interface MilestoneSummary {
  repository: string;
  number: number;
  title: string;
  dueOn: string | null;
  url: string;
  state: 'OPEN' | 'CLOSED';
}

export interface ReleaseRef {
  /** `owner/name@tag`, lower-cased repository. */
  id: string;
  repository: string;
  tagName: string;
  name: string | null;
  url: string;
  /** The release's segment in URLs: its tag, `v1.6.0`, prefixed by the repository outside the first source. */
  slug: string;
  path: string;
  isPrerelease: boolean;
  publishedAt: string;
}

/** A canonical request: an item with every duplicate folded in. */
export interface Request {
  key: ItemKey;
  repository: string;
  number: number;
  type: ItemType;
  title: string;
  /** Raw, untrusted Markdown. */
  body: string;
  /** The item on GitHub; for an imported request its link, or empty when it has none. */
  url: string;
  /** The imported channel's name (`Email`), or null for a GitHub issue or Discussion. */
  channel: string | null;
  /** The request's segment in URLs: `12-dark-mode`, or `lumen-docs-12-typos` for other repositories. */
  slug: string;
  /** Site path without the base, e.g. `/requests/12-dark-mode/`. */
  path: string;
  /** The address that survives renames, e.g. `/requests/12/`: badge and feed are pasted with it. */
  stablePath: string;
  /** Addresses it had before a rename or a transfer (`formerRequestPaths`), sorted. */
  formerPaths: string[];
  author: Actor | null;
  status: StatusId;
  statusHistory: StatusChange[];
  labels: RequestLabel[];
  milestone: MilestoneSummary | null;
  votes: VoteTally;
  /** Items merged into this one, oldest first. */
  duplicates: ItemSummary[];
  /** Pull requests that closed this request or one of its duplicates, oldest first. */
  closingPullRequests: PullRequestRef[];
  /** The release that shipped it: the first stable one, else the first prerelease. */
  release: ReleaseRef | null;
  /**
   * The releases whose changelog lists it, oldest first: the first release that shipped it, and
   * the first stable one when a prerelease came first (see `shipments.ts`). Empty while not shipped.
   */
  shippedIn: ReleaseRef[];
  /** When it shipped: its release, or when it was closed as completed. Null while not shipped. */
  shippedAt: string | null;
  commentCount: number;
  comments: Comment[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  trendingScore: number;
}

/** A published release with the requests it shipped, most wanted first. */
export interface ReleaseEntry extends ReleaseRef {
  /** Raw, untrusted Markdown release notes. */
  body: string;
  author: Actor | null;
  shipped: ItemKey[];
  /** `shipped` sorted into the changelog's categories, in their order, empty groups left out. */
  groups: ReleaseGroup[];
  /** The people who asked for what it shipped (authors and voters), each once, first to ask first. */
  thanked: Person[];
}

export interface ReleaseGroup {
  title: string;
  requests: ItemKey[];
}

export interface Person {
  login: string;
  avatarUrl: string;
}
