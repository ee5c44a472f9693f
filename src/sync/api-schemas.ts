/**
 * What we accept from GitHub. Responses are untrusted input like any other: validated here so a
 * surprise (an API change, a proxy's error page) fails loudly instead of writing a bad snapshot.
 * Objects are not strict — GitHub adds fields all the time — but every field we read is checked.
 */
import { z } from 'zod';

const time = z.iso.datetime({ offset: true });

export const restUserSchema = z.object({
  login: z.string(),
  id: z.number(),
  type: z.string(),
  avatar_url: z.string(),
});

export const restIssueSchema = z.object({
  id: z.number(),
  node_id: z.string(),
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable(),
  user: restUserSchema.nullable(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string() })])),
  milestone: z.object({ number: z.number().int().positive() }).nullable(),
  state: z.enum(['open', 'closed']),
  state_reason: z.enum(['completed', 'not_planned', 'duplicate', 'reopened']).nullable().optional(),
  locked: z.boolean(),
  comments: z.number().int().nonnegative(),
  created_at: time,
  updated_at: time,
  closed_at: time.nullable(),
  author_association: z.string(),
  html_url: z.string(),
  reactions: z
    .object({
      total_count: z.number(),
      '+1': z.number(),
      '-1': z.number(),
      laugh: z.number(),
      hooray: z.number(),
      confused: z.number(),
      heart: z.number(),
      rocket: z.number(),
      eyes: z.number(),
    })
    .optional(),
  pull_request: z.unknown().optional(),
});
export type RestIssue = z.infer<typeof restIssueSchema>;

export const rateLimitSchema = z.object({
  cost: z.number(),
  remaining: z.number(),
  resetAt: time,
  limit: z.number(),
});

const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

export const gqlActorSchema = z.object({
  __typename: z.string(),
  login: z.string(),
  avatarUrl: z.string(),
});

export const gqlReactionSchema = z.object({
  content: z.string(),
  createdAt: time,
  user: z.object({ __typename: z.string().optional(), login: z.string() }).nullable(),
});

export const gqlReactionConnectionSchema = z.object({
  totalCount: z.number(),
  pageInfo: pageInfoSchema,
  nodes: z.array(gqlReactionSchema),
});

const gqlCommentSchema = z.object({
  id: z.string(),
  author: gqlActorSchema.nullable(),
  authorAssociation: z.string(),
  body: z.string(),
  createdAt: time,
  url: z.string(),
  isMinimized: z.boolean(),
});
export type GqlComment = z.infer<typeof gqlCommentSchema>;

const gqlRefSchema = z
  .object({ number: z.number(), repository: z.object({ nameWithOwner: z.string() }) })
  .partial()
  .nullable();

export const gqlPullRequestSchema = z.object({
  number: z.number(),
  title: z.string(),
  url: z.string(),
  merged: z.boolean(),
  mergedAt: time.nullable(),
  mergeCommit: z.object({ oid: z.string() }).nullable(),
  repository: z.object({ nameWithOwner: z.string() }),
});
export type GqlPullRequest = z.infer<typeof gqlPullRequestSchema>;

const actorLogin = z.object({ login: z.string() }).nullable();

export const gqlTimelineNodeSchema = z.discriminatedUnion('__typename', [
  gqlCommentSchema.extend({ __typename: z.literal('IssueComment') }),
  z.object({ __typename: z.literal('MarkedAsDuplicateEvent'), createdAt: time, actor: actorLogin, canonical: gqlRefSchema }),
  z.object({ __typename: z.literal('UnmarkedAsDuplicateEvent'), createdAt: time, actor: actorLogin, canonical: gqlRefSchema }),
  z.object({
    __typename: z.literal('ClosedEvent'),
    createdAt: time,
    actor: actorLogin,
    stateReason: z.string().nullable(),
    closer: z.union([gqlPullRequestSchema.extend({ __typename: z.literal('PullRequest') }), z.object({ __typename: z.string() })]).nullable(),
  }),
  z.object({ __typename: z.literal('ReopenedEvent'), createdAt: time, actor: actorLogin }),
  z.object({ __typename: z.literal('LabeledEvent'), createdAt: time, actor: actorLogin, label: z.object({ name: z.string() }) }),
  z.object({ __typename: z.literal('UnlabeledEvent'), createdAt: time, actor: actorLogin, label: z.object({ name: z.string() }) }),
  z.object({ __typename: z.literal('MilestonedEvent'), createdAt: time, actor: actorLogin, milestoneTitle: z.string() }),
  z.object({ __typename: z.literal('DemilestonedEvent'), createdAt: time, actor: actorLogin, milestoneTitle: z.string() }),
  z.object({ __typename: z.literal('RenamedTitleEvent'), createdAt: time, previousTitle: z.string(), currentTitle: z.string() }),
  // `fromRepository` is null when the token cannot see the repository the issue came from.
  z.object({ __typename: z.literal('TransferredEvent'), createdAt: time, fromRepository: z.object({ nameWithOwner: z.string() }).nullable() }),
]);
export type GqlTimelineNode = z.infer<typeof gqlTimelineNodeSchema>;

export const gqlTimelinePageSchema = z.object({ pageInfo: pageInfoSchema, nodes: z.array(gqlTimelineNodeSchema) });

export const issueDetailsResponseSchema = z.object({
  rateLimit: rateLimitSchema.optional(),
  nodes: z.array(
    z
      .object({
        id: z.string(),
        number: z.number(),
        stateReason: z.string().nullable(),
        reactions: gqlReactionConnectionSchema.optional(),
        timelineItems: gqlTimelinePageSchema.optional(),
      })
      .nullable(),
  ),
});

export const gqlDiscussionSchema = z.object({
  id: z.string(),
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  url: z.string(),
  author: gqlActorSchema.nullable(),
  authorAssociation: z.string(),
  category: z.object({ name: z.string(), slug: z.string() }),
  closed: z.boolean(),
  closedAt: time.nullable(),
  stateReason: z.string().nullable(),
  locked: z.boolean(),
  createdAt: time,
  updatedAt: time,
  upvoteCount: z.number().int().nonnegative(),
  labels: z.object({ nodes: z.array(z.object({ name: z.string() })) }).nullable(),
  comments: z.object({ totalCount: z.number(), nodes: z.array(gqlCommentSchema) }),
  reactions: gqlReactionConnectionSchema,
});
export type GqlDiscussion = z.infer<typeof gqlDiscussionSchema>;

const discussionConnectionSchema = z.object({
  totalCount: z.number().optional(),
  pageInfo: pageInfoSchema,
  nodes: z.array(gqlDiscussionSchema),
});

export const gqlReleaseSchema = z.object({
  tagName: z.string(),
  name: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string(),
  isDraft: z.boolean(),
  isPrerelease: z.boolean(),
  createdAt: time,
  publishedAt: time.nullable(),
  author: gqlActorSchema.nullable(),
  tagCommit: z.object({ oid: z.string() }).nullable(),
});
export type GqlRelease = z.infer<typeof gqlReleaseSchema>;

const labelNodeSchema = z.object({ name: z.string(), color: z.string(), description: z.string().nullable() });
const milestoneNodeSchema = z.object({
  number: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  state: z.enum(['OPEN', 'CLOSED']),
  dueOn: time.nullable(),
  url: z.string(),
});

const pagedSchema = <T extends z.ZodType>(node: T) =>
  z.object({ totalCount: z.number().optional(), pageInfo: pageInfoSchema, nodes: z.array(node) });

export const repositoryVisibilityResponseSchema = z.object({
  rateLimit: rateLimitSchema.optional(),
  repository: z.object({ isPrivate: z.boolean(), url: z.string() }).nullable(),
});

export const repositoryOverviewResponseSchema = z.object({
  rateLimit: rateLimitSchema.optional(),
  repository: z
    .object({
      nameWithOwner: z.string(),
      url: z.string(),
      description: z.string().nullable(),
      isPrivate: z.boolean(),
      labels: pagedSchema(labelNodeSchema),
      milestones: pagedSchema(milestoneNodeSchema),
      releases: pagedSchema(gqlReleaseSchema),
      discussions: discussionConnectionSchema.optional(),
    })
    .nullable(),
});
export type RepositoryOverviewResponse = z.infer<typeof repositoryOverviewResponseSchema>;

export const discussionsPageResponseSchema = z.object({
  repository: z.object({ discussions: discussionConnectionSchema }).nullable(),
});
export const discussionNumbersResponseSchema = z.object({
  repository: z.object({ discussions: z.object({ nodes: z.array(z.object({ number: z.number().int().positive(), updatedAt: z.string() }).nullable()) }) }).nullable(),
});
export const discussionByNumberResponseSchema = z.object({
  repository: z.object({ discussion: gqlDiscussionSchema.nullable() }).nullable(),
});
export const releasesPageResponseSchema = z.object({
  repository: z.object({ releases: pagedSchema(gqlReleaseSchema) }).nullable(),
});
export const labelsPageResponseSchema = z.object({
  repository: z.object({ labels: pagedSchema(labelNodeSchema) }).nullable(),
});
export const milestonesPageResponseSchema = z.object({
  repository: z.object({ milestones: pagedSchema(milestoneNodeSchema) }).nullable(),
});

export const followUpNodeSchema = z
  .object({
    reactions: gqlReactionConnectionSchema.optional(),
    timelineItems: gqlTimelinePageSchema.optional(),
  })
  .nullable();
