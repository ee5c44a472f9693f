/**
 * The snapshot: what `npm run sync` writes under `content/snapshot/` and everything downstream
 * (model, site, notifier) reads. It is the only contract between GitHub and the rest of the
 * project, so it is validated with Zod on the way in and on the way out.
 *
 * Layout (all JSON, two-space indented, keys in a fixed order, arrays sorted):
 *
 *   content/snapshot/manifest.json                       Manifest
 *   content/snapshot/repos/<owner>/<name>/repository.json RepositorySnapshot
 *   content/snapshot/repos/<owner>/<name>/items/NNNN.json ItemShard (items whose number / 500 = NNNN)
 *   content/snapshot/projects/<owner>/<number>.json       ProjectSnapshot (the configured GitHub Project)
 *
 * Bump SNAPSHOT_SCHEMA_VERSION on any incompatible change; the sync then does a full pass.
 */
import { z } from 'zod';
import { ACTOR_TYPES, AUTHOR_ASSOCIATIONS, DISCUSSION_STATE_REASONS, ISSUE_STATE_REASONS, ISSUE_STATES, REACTION_CONTENTS } from '../github/enums.ts';

export const SNAPSHOT_SCHEMA_VERSION = 3;
/** Items are grouped by `Math.floor(number / ITEMS_PER_SHARD)` so a shard's file name is stable. */
export const ITEMS_PER_SHARD = 500;

const isoDateTime = z.iso.datetime({ offset: true });
const repositoryName = z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected "owner/name"');

export const actorSchema = z.object({
  login: z.string().min(1),
  /** GitHub's account type; bots are `Bot` (their login ends in `[bot]` in REST). */
  type: z.enum(ACTOR_TYPES),
  avatarUrl: z.string().url(),
});
export type Actor = z.infer<typeof actorSchema>;

export const authorAssociationSchema = z.enum(AUTHOR_ASSOCIATIONS);

export const reactionContentSchema = z.enum(REACTION_CONTENTS);
export type ReactionContent = z.infer<typeof reactionContentSchema>;

/** One vote reaction. `login` is null when the voter's account was deleted. */
export const voteSchema = z.object({
  login: z.string().nullable(),
  type: z.enum(ACTOR_TYPES).nullable(),
  content: reactionContentSchema,
  createdAt: isoDateTime,
});
export type Vote = z.infer<typeof voteSchema>;

export const itemRefSchema = z.object({
  repository: repositoryName,
  number: z.number().int().positive(),
});
export type ItemRef = z.infer<typeof itemRefSchema>;

export const commentSchema = z.object({
  id: z.string(),
  author: actorSchema.nullable(),
  authorAssociation: authorAssociationSchema,
  body: z.string(),
  createdAt: isoDateTime,
  url: z.string().url(),
});
export type Comment = z.infer<typeof commentSchema>;

export const pullRequestRefSchema = z.object({
  repository: repositoryName,
  number: z.number().int().positive(),
  title: z.string(),
  url: z.string().url(),
  merged: z.boolean(),
  mergedAt: isoDateTime.nullable(),
  mergeCommit: z.string().regex(/^[0-9a-f]{40}$/).nullable(),
});
export type PullRequestRef = z.infer<typeof pullRequestRefSchema>;

/**
 * What happened to an item over time, as far as a roadmap cares: duplicate markings (GitHub's
 * `MarkedAsDuplicateEvent` / `UnmarkedAsDuplicateEvent`), closes (with reason and closing pull
 * request), reopens, label changes and milestone changes (`MilestonedEvent` / `DemilestonedEvent`,
 * which name the milestone by its title at the time). Chronological.
 */
export const itemEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('marked_as_duplicate'),
    createdAt: isoDateTime,
    actor: z.string().nullable(),
    canonical: itemRefSchema,
  }),
  z.object({
    kind: z.literal('unmarked_as_duplicate'),
    createdAt: isoDateTime,
    actor: z.string().nullable(),
    canonical: itemRefSchema,
  }),
  z.object({
    kind: z.literal('closed'),
    createdAt: isoDateTime,
    actor: z.string().nullable(),
    stateReason: z.enum(ISSUE_STATE_REASONS).exclude(['REOPENED']).nullable(),
    closer: pullRequestRefSchema.nullable(),
  }),
  z.object({ kind: z.literal('reopened'), createdAt: isoDateTime, actor: z.string().nullable() }),
  z.object({
    kind: z.literal('labeled'),
    createdAt: isoDateTime,
    actor: z.string().nullable(),
    label: z.string(),
  }),
  z.object({
    kind: z.literal('unlabeled'),
    createdAt: isoDateTime,
    actor: z.string().nullable(),
    label: z.string(),
  }),
  z.object({
    kind: z.literal('milestoned'),
    createdAt: isoDateTime,
    actor: z.string().nullable(),
    milestoneTitle: z.string(),
  }),
  z.object({
    kind: z.literal('demilestoned'),
    createdAt: isoDateTime,
    actor: z.string().nullable(),
    milestoneTitle: z.string(),
  }),
]);
export type ItemEvent = z.infer<typeof itemEventSchema>;

/**
 * An address the item had before: its repository and number before a transfer, its title before
 * a rename. The site keeps every former address working (redirect pages, badge and feed files).
 */
export const formerAddressSchema = z.object({
  repository: repositoryName,
  number: z.number().int().positive(),
  title: z.string(),
});
export type FormerAddress = z.infer<typeof formerAddressSchema>;

const itemBase = {
  repository: repositoryName,
  number: z.number().int().positive(),
  /** GitHub's GraphQL node id. */
  id: z.string().min(1),
  url: z.string().url(),
  title: z.string(),
  /** Raw, untrusted Markdown exactly as on GitHub. Render only through the sanitizing pipeline. */
  body: z.string(),
  /** null when the author's account was deleted (GitHub's "ghost"). */
  author: actorSchema.nullable(),
  authorAssociation: authorAssociationSchema,
  labels: z.array(z.string()),
  locked: z.boolean(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  /** Every vote reaction (the configured contents), oldest first. */
  votes: z.array(voteSchema),
  commentCount: z.number().int().nonnegative(),
  /** The first comments that are not minimized, plus later maintainer comments naming a duplicate. */
  comments: z.array(commentSchema),
  /**
   * Where the item was before a rename or a transfer (from its timeline's `RenamedTitleEvent`s
   * and from earlier snapshots), sorted and without the current address.
   */
  formerAddresses: z.array(formerAddressSchema),
};

export const issueItemSchema = z.object({
  type: z.literal('issue'),
  ...itemBase,
  state: z.enum(ISSUE_STATES),
  stateReason: z.enum(ISSUE_STATE_REASONS).nullable(),
  milestone: z.number().int().positive().nullable(),
  events: z.array(itemEventSchema),
  /** Pull requests whose merge closed this issue (from its `ClosedEvent`s), oldest first. */
  closingPullRequests: z.array(pullRequestRefSchema),
});
export type IssueItem = z.infer<typeof issueItemSchema>;

export const discussionItemSchema = z.object({
  type: z.literal('discussion'),
  ...itemBase,
  state: z.enum(ISSUE_STATES),
  stateReason: z.enum(DISCUSSION_STATE_REASONS).nullable(),
  category: z.object({ name: z.string(), slug: z.string() }),
  /** GitHub exposes upvotes only as a number: who upvoted is unknown. */
  upvoteCount: z.number().int().nonnegative(),
});
export type DiscussionItem = z.infer<typeof discussionItemSchema>;

export const itemSchema = z.discriminatedUnion('type', [issueItemSchema, discussionItemSchema]);
export type Item = z.infer<typeof itemSchema>;

export const itemShardSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  items: z.array(itemSchema),
});
export type ItemShard = z.infer<typeof itemShardSchema>;

export const labelSchema = z.object({
  name: z.string(),
  color: z.string().regex(/^[0-9a-fA-F]{6}$/),
  description: z.string().nullable(),
});
export type Label = z.infer<typeof labelSchema>;

export const milestoneSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  description: z.string().nullable(),
  state: z.enum(['OPEN', 'CLOSED']),
  dueOn: isoDateTime.nullable(),
  url: z.string().url(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const releaseSchema = z.object({
  repository: repositoryName,
  tagName: z.string().min(1),
  name: z.string().nullable(),
  /** Raw, untrusted Markdown release notes. */
  body: z.string(),
  url: z.string().url(),
  author: actorSchema.nullable(),
  isPrerelease: z.boolean(),
  createdAt: isoDateTime,
  publishedAt: isoDateTime,
  /** SHA of the tagged commit, when GitHub knows it. */
  tagCommit: z.string().regex(/^[0-9a-f]{40}$/).nullable(),
});
export type Release = z.infer<typeof releaseSchema>;

export const repositorySnapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  repository: repositoryName,
  url: z.string().url(),
  description: z.string().nullable(),
  isPrivate: z.boolean(),
  labels: z.array(labelSchema),
  milestones: z.array(milestoneSchema),
  /** Published releases, newest first. Drafts are never synced. */
  releases: z.array(releaseSchema),
});
export type RepositorySnapshot = z.infer<typeof repositorySnapshotSchema>;

const isoDate = z.iso.date();

/** An iteration of a project's iteration field: its title and the days it covers. */
export const projectIterationSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  startDate: isoDate,
  /** Length in days. */
  duration: z.number().int().positive(),
});
export type ProjectIteration = z.infer<typeof projectIterationSchema>;

/**
 * A configured field of the project as it was at the sync: a single-select field's options, an
 * iteration field's iterations (past ones included, so a value in a finished iteration is still
 * placed), or a date field.
 */
export const projectFieldSchema = z.discriminatedUnion('dataType', [
  z.object({ dataType: z.literal('SINGLE_SELECT'), name: z.string(), options: z.array(z.string()) }),
  z.object({ dataType: z.literal('ITERATION'), name: z.string(), iterations: z.array(projectIterationSchema) }),
  z.object({ dataType: z.literal('DATE'), name: z.string() }),
]);
export type ProjectField = z.infer<typeof projectFieldSchema>;

/** The value an item has in the project's horizon field. */
export const projectHorizonValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('option'), name: z.string() }),
  z.object({ kind: z.literal('iteration'), iterationId: z.string(), title: z.string(), startDate: isoDate, duration: z.number().int().positive() }),
  z.object({ kind: z.literal('date'), date: isoDate }),
]);
export type ProjectHorizonValue = z.infer<typeof projectHorizonValueSchema>;

/** One issue in the project, with the values of the configured fields (null when not set). */
export const projectItemSchema = z.object({
  repository: repositoryName,
  number: z.number().int().positive(),
  /** The `ProjectV2Item` node id. */
  id: z.string().min(1),
  updatedAt: isoDateTime,
  /** The option of the status field. */
  status: z.string().nullable(),
  horizon: projectHorizonValueSchema.nullable(),
});
export type ProjectItem = z.infer<typeof projectItemSchema>;

/**
 * The configured GitHub Project (v2): its configured fields and its issues from the configured
 * repositories. Draft issues, pull requests and issues of other repositories are not kept.
 */
export const projectSnapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  owner: z.string().min(1),
  ownerType: z.enum(['Organization', 'User']),
  number: z.number().int().positive(),
  title: z.string(),
  url: z.string().url(),
  statusField: projectFieldSchema.nullable(),
  horizonField: projectFieldSchema.nullable(),
  /** Sorted by repository, then number. */
  items: z.array(projectItemSchema),
});
export type ProjectSnapshot = z.infer<typeof projectSnapshotSchema>;

/** Where the sync of the project stands. */
export const projectStateSchema = z.object({
  owner: z.string().min(1),
  number: z.number().int().positive(),
  /** The project's `updatedAt` when its items were last read; unchanged means nothing to read. */
  updatedAt: isoDateTime.nullable(),
  /** How many items the project had then (issues, drafts and pull requests). */
  totalItems: z.number().int().nonnegative(),
  lastFullSyncAt: isoDateTime.nullable(),
  /** Fingerprint of the project's configuration; a change forces a fresh read. */
  configDigest: z.string(),
});
export type ProjectState = z.infer<typeof projectStateSchema>;

export const sourceStateSchema = z.object({
  repository: repositoryName,
  /** Highest issue `updatedAt` seen; the next incremental sync asks for issues updated since. */
  issuesCursor: isoDateTime.nullable(),
  /** Highest Discussion `updatedAt` seen. */
  discussionsCursor: isoDateTime.nullable(),
  /** When this source last had a full pass (catches deletions, transfers and vote changes). */
  lastFullSyncAt: isoDateTime.nullable(),
  itemCount: z.number().int().nonnegative(),
  /** Fingerprint of the source's configuration; a change forces a full pass. */
  configDigest: z.string(),
});
export type SourceState = z.infer<typeof sourceStateSchema>;

export const manifestSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  generator: z.literal('open-roadmap'),
  syncedAt: isoDateTime,
  /** Where the data came from (`https://api.github.com`, a GHES host, or the simulator). */
  apiUrl: z.string(),
  sources: z.array(sourceStateSchema),
  /** The configured GitHub Project, when there is one. */
  projects: z.array(projectStateSchema).optional(),
  /** Every data file of the snapshot with a digest of its content, sorted by path. */
  files: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), items: z.number().int().nonnegative() })),
});
export type Manifest = z.infer<typeof manifestSchema>;
