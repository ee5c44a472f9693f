/**
 * GitHub's enums, in one place, as its GraphQL schema names them. `test/github/enums.test.ts`
 * compares each with GitHub's published schema (`@octokit/graphql-schema`), so a value GitHub adds
 * or drops fails a test instead of a sync. Pure data: the model, the snapshot's Zod schemas, the
 * sync, the notifier and the GitHub simulator all import these.
 */

/** `ReactionContent`, in the order GitHub's reaction picker shows them. */
export const REACTION_CONTENTS = ['THUMBS_UP', 'THUMBS_DOWN', 'LAUGH', 'HOORAY', 'CONFUSED', 'HEART', 'ROCKET', 'EYES'] as const;
export type ReactionContent = (typeof REACTION_CONTENTS)[number];

/** `CommentAuthorAssociation`: the author's relation to the repository. */
export const AUTHOR_ASSOCIATIONS = ['OWNER', 'MEMBER', 'COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MANNEQUIN', 'NONE'] as const;
export type AuthorAssociation = (typeof AUTHOR_ASSOCIATIONS)[number];

/**
 * The associations of people who maintain the repository: its owner, members of the owning
 * organization, and collaborators invited to it. Their "Duplicate of" comments and "shipped"
 * comments count; anyone else's are text.
 * https://docs.github.com/graphql/reference/enums#commentauthorassociation
 */
export const MAINTAINER_ASSOCIATIONS: ReadonlySet<string> = new Set<AuthorAssociation>(['OWNER', 'MEMBER', 'COLLABORATOR']);

/** `IssueState`; Discussions and pull requests are open or closed the same way. */
export const ISSUE_STATES = ['OPEN', 'CLOSED'] as const;
export type IssueState = (typeof ISSUE_STATES)[number];

/** `IssueStateReason`. */
export const ISSUE_STATE_REASONS = ['COMPLETED', 'NOT_PLANNED', 'DUPLICATE', 'REOPENED'] as const;
export type IssueStateReason = (typeof ISSUE_STATE_REASONS)[number];

/** `DiscussionStateReason`. */
export const DISCUSSION_STATE_REASONS = ['DUPLICATE', 'OUTDATED', 'REOPENED', 'RESOLVED'] as const;
export type DiscussionStateReason = (typeof DISCUSSION_STATE_REASONS)[number];

/** The kinds of account the snapshot records: object types that implement `Actor` (not `EnterpriseUserAccount`, which never authors). */
export const ACTOR_TYPES = ['User', 'Bot', 'Organization', 'Mannequin'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];
