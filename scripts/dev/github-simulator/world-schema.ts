/**
 * Zod schema for a world file, so `cli.ts` can say exactly what is wrong with a hand-edited one
 * instead of failing somewhere inside a resolver.
 */
import { z } from 'zod';
import { ACTOR_TYPES, AUTHOR_ASSOCIATIONS, DISCUSSION_STATE_REASONS, ISSUE_STATE_REASONS, ISSUE_STATES, REACTION_CONTENTS } from '../../../src/github/enums.ts';
import type { SimWorld } from './store-types.ts';

const time = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 time');
const login = z.string().min(1);
const sha = z.string().regex(/^[0-9a-f]{40}$/i, 'expected a 40-hex commit SHA');

const reaction = z.object({
  content: z.enum(REACTION_CONTENTS),
  user: login.nullable(),
  createdAt: time,
});

const authorAssociation = z.enum(AUTHOR_ASSOCIATIONS);

const comment = z.object({
  id: z.number().int(),
  author: login.nullable(),
  authorAssociation,
  body: z.string(),
  createdAt: time,
  updatedAt: time,
  isMinimized: z.boolean(),
  minimizedReason: z.string().nullable(),
  reactions: z.array(reaction),
});

const ref = z.object({ repository: z.string().regex(/^[^/]+\/[^/]+$/, 'expected "owner/name"'), number: z.number().int() });

const eventBase = { id: z.number().int(), actor: login.nullable(), createdAt: time };
const timelineEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('marked_as_duplicate'), ...eventBase, canonical: ref }),
  z.object({ kind: z.literal('unmarked_as_duplicate'), ...eventBase, canonical: ref }),
  z.object({
    kind: z.literal('closed'),
    ...eventBase,
    stateReason: z.enum(ISSUE_STATE_REASONS).exclude(['REOPENED']),
    closer: ref.nullable(),
  }),
  z.object({ kind: z.literal('reopened'), ...eventBase }),
  z.object({ kind: z.literal('labeled'), ...eventBase, label: z.string() }),
  z.object({ kind: z.literal('unlabeled'), ...eventBase, label: z.string() }),
  z.object({ kind: z.literal('renamed'), ...eventBase, previousTitle: z.string(), currentTitle: z.string() }),
  z.object({ kind: z.literal('transferred'), ...eventBase, from: ref }),
  z.object({ kind: z.literal('milestoned'), ...eventBase, milestoneTitle: z.string() }),
  z.object({ kind: z.literal('demilestoned'), ...eventBase, milestoneTitle: z.string() }),
]);

const issue = z.object({
  number: z.number().int().positive(),
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  author: login.nullable(),
  authorAssociation,
  labels: z.array(z.string()),
  milestone: z.number().int().nullable(),
  state: z.enum(ISSUE_STATES),
  stateReason: z.enum(ISSUE_STATE_REASONS).nullable(),
  locked: z.boolean(),
  createdAt: time,
  updatedAt: time,
  closedAt: time.nullable(),
  reactions: z.array(reaction),
  comments: z.array(comment),
  events: z.array(timelineEvent),
  deletedAfterListing: z.boolean().optional(),
});

const discussion = z.object({
  number: z.number().int().positive(),
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  author: login.nullable(),
  authorAssociation,
  category: z.string(),
  labels: z.array(z.string()),
  closed: z.boolean(),
  closedAt: time.nullable(),
  stateReason: z.enum(DISCUSSION_STATE_REASONS).nullable(),
  locked: z.boolean(),
  createdAt: time,
  updatedAt: time,
  upvoteCount: z.number().int().nonnegative(),
  reactions: z.array(reaction),
  comments: z.array(comment),
});

const pullRequest = z.object({
  number: z.number().int().positive(),
  id: z.number().int(),
  title: z.string(),
  author: login.nullable(),
  state: z.enum(['OPEN', 'CLOSED', 'MERGED']),
  createdAt: time,
  mergedAt: time.nullable(),
  mergeCommit: sha.nullable(),
  closes: z.array(ref),
});

const repository = z.object({
  owner: login,
  name: z.string().min(1),
  id: z.number().int(),
  description: z.string().nullable(),
  isPrivate: z.boolean(),
  defaultBranch: z.string().min(1),
  labels: z.array(
    z.object({ name: z.string().min(1), color: z.string().regex(/^[0-9a-f]{6}$/i), description: z.string().nullable() }),
  ),
  milestones: z.array(
    z.object({
      number: z.number().int().positive(),
      id: z.number().int(),
      title: z.string(),
      description: z.string().nullable(),
      state: z.enum(['OPEN', 'CLOSED']),
      dueOn: time.nullable(),
      createdAt: time,
      updatedAt: time,
      closedAt: time.nullable(),
    }),
  ),
  discussionCategories: z.array(
    z.object({ id: z.number().int(), name: z.string(), slug: z.string(), emoji: z.string(), description: z.string() }),
  ),
  issues: z.array(issue),
  discussions: z.array(discussion),
  pullRequests: z.array(pullRequest),
  releases: z.array(
    z.object({
      id: z.number().int(),
      tagName: z.string().min(1),
      name: z.string().nullable(),
      body: z.string(),
      author: login.nullable(),
      isDraft: z.boolean(),
      isPrerelease: z.boolean(),
      createdAt: time,
      publishedAt: time.nullable(),
      tagCommit: sha,
    }),
  ),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

const projectField = z.discriminatedUnion('dataType', [
  z.object({
    id: z.number().int(),
    name: z.string().min(1),
    dataType: z.literal('SINGLE_SELECT'),
    options: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })),
  }),
  z.object({
    id: z.number().int(),
    name: z.string().min(1),
    dataType: z.literal('ITERATION'),
    iterations: z.array(z.object({ id: z.string().min(1), title: z.string(), startDate: isoDate, duration: z.number().int().positive() })),
  }),
  z.object({ id: z.number().int(), name: z.string().min(1), dataType: z.enum(['DATE', 'TEXT', 'NUMBER']) }),
]);

const project = z.object({
  owner: login,
  number: z.number().int().positive(),
  id: z.number().int(),
  title: z.string(),
  closed: z.boolean(),
  createdAt: time,
  updatedAt: time,
  fields: z.array(projectField),
  items: z.array(
    z.object({
      id: z.number().int(),
      content: z.union([
        z.object({ type: z.enum(['Issue', 'PullRequest']), repository: z.string().regex(/^[^/]+\/[^/]+$/, 'expected "owner/name"'), number: z.number().int().positive() }),
        z.object({ type: z.literal('DraftIssue'), title: z.string() }),
      ]),
      isArchived: z.boolean().optional(),
      createdAt: time,
      updatedAt: time,
      values: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});

export const worldSchema: z.ZodType<SimWorld> = z.object({
  users: z.record(
    z.string(),
    z.object({ login, type: z.enum(ACTOR_TYPES), id: z.number().int() }),
  ),
  repositories: z.array(repository),
  projects: z.array(project).optional(),
});
