/**
 * Every GraphQL document the sync sends. They live in one place so a test can validate each one
 * against GitHub's published schema (test/sync/graphql-documents.test.ts).
 *
 * Cost is the budget that matters: GitHub charges a query the number of requests its connections
 * could need, divided by 100 — every nested connection costs one request per parent
 * (https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api).
 * So issues are listed through REST (free of GraphQL points) and GraphQL is asked only for what
 * REST lacks (vote reactors with times, timelines), and only for the items that need it.
 */
import { rateLimitFragment } from '../github/rate-limit-fragment.ts';

const actorFields = /* GraphQL */ `
  fragment ActorFields on Actor {
    __typename
    login
    avatarUrl
  }
`;

const pullRequestFields = /* GraphQL */ `
  fragment PullRequestFields on PullRequest {
    number
    title
    url
    merged
    mergedAt
    mergeCommit {
      oid
    }
    repository {
      nameWithOwner
    }
  }
`;

const reactionFields = /* GraphQL */ `
  fragment ReactionFields on Reaction {
    content
    createdAt
    user {
      __typename
      login
    }
  }
`;

const commentFields = /* GraphQL */ `
  fragment IssueCommentFields on IssueComment {
    id
    author {
      ...ActorFields
    }
    authorAssociation
    body
    createdAt
    url
    isMinimized
  }
`;

const discussionFields = /* GraphQL */ `
  fragment DiscussionFields on Discussion {
    id
    number
    title
    body
    url
    author {
      ...ActorFields
    }
    authorAssociation
    category {
      name
      slug
    }
    closed
    closedAt
    stateReason
    locked
    createdAt
    updatedAt
    upvoteCount
    labels(first: 30) {
      nodes {
        name
      }
    }
    comments(first: $commentsFirst) {
      totalCount
      nodes {
        id
        author {
          ...ActorFields
        }
        authorAssociation
        body
        createdAt
        url
        isMinimized
      }
    }
    reactions(first: 100, content: $voteContent) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...ReactionFields
      }
    }
  }
`;

/**
 * Asked first of a source that may not publish a private repository: whether it is private,
 * and nothing else, so that none of a private repository's content is ever requested.
 */
export const repositoryVisibilityQuery = /* GraphQL */ `
  query RepositoryVisibility($owner: String!, $name: String!) {
    ...RateLimit
    repository(owner: $owner, name: $name) {
      isPrivate
      url
    }
  }
  ${rateLimitFragment}
`;

/**
 * One request per source and sync: repository facts, labels, milestones, the newest releases and
 * the most recently updated Discussions. On a sync with nothing changed this, one REST call and
 * (without `allowPrivate`) the visibility check before it are all that is sent.
 */
export const repositoryOverviewQuery = /* GraphQL */ `
  query RepositoryOverview(
    $owner: String!
    $name: String!
    $releasesFirst: Int!
    $discussionsFirst: Int!
    $withDiscussions: Boolean!
    $commentsFirst: Int!
    $voteContent: ReactionContent
  ) {
    ...RateLimit
    repository(owner: $owner, name: $name) {
      nameWithOwner
      url
      description
      isPrivate
      labels(first: 100, orderBy: { field: NAME, direction: ASC }) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          name
          color
          description
        }
      }
      milestones(first: 100, orderBy: { field: NUMBER, direction: ASC }) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          number
          title
          description
          state
          dueOn
          url
        }
      }
      releases(first: $releasesFirst, orderBy: { field: CREATED_AT, direction: DESC }) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ReleaseFields
        }
      }
      discussions(first: $discussionsFirst, orderBy: { field: UPDATED_AT, direction: DESC })
        @include(if: $withDiscussions) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...DiscussionFields
        }
      }
    }
  }
  fragment ReleaseFields on Release {
    tagName
    name
    description
    url
    isDraft
    isPrerelease
    createdAt
    publishedAt
    author {
      ...ActorFields
    }
    tagCommit {
      oid
    }
  }
  ${actorFields}
  ${reactionFields}
  ${discussionFields}
  ${rateLimitFragment}
`;

/** Further pages of Discussions, newest update first. */
export const discussionsPageQuery = /* GraphQL */ `
  query DiscussionsPage(
    $owner: String!
    $name: String!
    $first: Int!
    $after: String
    $commentsFirst: Int!
    $voteContent: ReactionContent
  ) {
    ...RateLimit
    repository(owner: $owner, name: $name) {
      discussions(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...DiscussionFields
        }
      }
    }
  }
  ${actorFields}
  ${reactionFields}
  ${discussionFields}
  ${rateLimitFragment}
`;

/**
 * The numbers and update times of one page of the Discussions listing: what identifies a listed
 * Discussion that GitHub returned as null with an error (the error names only its position).
 */
export const discussionNumbersQuery = /* GraphQL */ `
  query DiscussionNumbers($owner: String!, $name: String!, $first: Int!, $after: String) {
    ...RateLimit
    repository(owner: $owner, name: $name) {
      discussions(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
        nodes {
          number
          updatedAt
        }
      }
    }
  }
  ${rateLimitFragment}
`;

/** One Discussion by number, asked again on its own when the listing returned it with an error. */
export const discussionByNumberQuery = /* GraphQL */ `
  query DiscussionByNumber($owner: String!, $name: String!, $number: Int!, $commentsFirst: Int!, $voteContent: ReactionContent) {
    ...RateLimit
    repository(owner: $owner, name: $name) {
      discussion(number: $number) {
        ...DiscussionFields
      }
    }
  }
  ${actorFields}
  ${reactionFields}
  ${discussionFields}
  ${rateLimitFragment}
`;

/** Further pages of releases, labels or milestones (repositories with more than fit in the overview). */
export const releasesPageQuery = /* GraphQL */ `
  query ReleasesPage($owner: String!, $name: String!, $after: String) {
    ...RateLimit
    repository(owner: $owner, name: $name) {
      releases(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          tagName
          name
          description
          url
          isDraft
          isPrerelease
          createdAt
          publishedAt
          author {
            ...ActorFields
          }
          tagCommit {
            oid
          }
        }
      }
    }
  }
  ${actorFields}
  ${rateLimitFragment}
`;

export const labelsPageQuery = /* GraphQL */ `
  query LabelsPage($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      labels(first: 100, after: $after, orderBy: { field: NAME, direction: ASC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          name
          color
          description
        }
      }
    }
  }
`;

export const milestonesPageQuery = /* GraphQL */ `
  query MilestonesPage($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      milestones(first: 100, after: $after, orderBy: { field: NUMBER, direction: ASC }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          number
          title
          description
          state
          dueOn
          url
        }
      }
    }
  }
`;

/**
 * What REST cannot tell about an issue: who voted and when, and its timeline (comments with their
 * minimized flag, duplicate markings, closes with their closing pull request, label changes).
 * Items are batched by which of the two they need, so nobody pays for a connection it does not use.
 */
export const issueDetailsQuery = /* GraphQL */ `
  query IssueDetails(
    $ids: [ID!]!
    $withVotes: Boolean!
    $withTimeline: Boolean!
    $voteContent: ReactionContent
  ) {
    ...RateLimit
    nodes(ids: $ids) {
      ... on Issue {
        id
        number
        stateReason(enableDuplicate: true)
        reactions(first: 100, content: $voteContent) @include(if: $withVotes) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...ReactionFields
          }
        }
        timelineItems(first: 100, itemTypes: $timelineTypes) @include(if: $withTimeline) {
          ...TimelinePage
        }
      }
    }
  }
  ${rateLimitFragment}
`;

/** Timeline item kinds a roadmap cares about. */
export const TIMELINE_ITEM_TYPES = [
  'ISSUE_COMMENT',
  'MARKED_AS_DUPLICATE_EVENT',
  'UNMARKED_AS_DUPLICATE_EVENT',
  'CLOSED_EVENT',
  'REOPENED_EVENT',
  'LABELED_EVENT',
  'UNLABELED_EVENT',
  // Milestone changes decide which release a milestone credits (src/model/shipments.ts).
  'MILESTONED_EVENT',
  'DEMILESTONED_EVENT',
  // Former titles and repositories: the site keeps their addresses working.
  'RENAMED_TITLE_EVENT',
  'TRANSFERRED_EVENT',
] as const;

const timelinePageFragment = /* GraphQL */ `
  fragment TimelinePage on IssueTimelineItemsConnection {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      __typename
      ... on IssueComment {
        ...IssueCommentFields
      }
      ... on MarkedAsDuplicateEvent {
        createdAt
        actor {
          login
        }
        canonical {
          ... on Issue {
            number
            repository {
              nameWithOwner
            }
          }
          ... on PullRequest {
            number
            repository {
              nameWithOwner
            }
          }
        }
      }
      ... on UnmarkedAsDuplicateEvent {
        createdAt
        actor {
          login
        }
        canonical {
          ... on Issue {
            number
            repository {
              nameWithOwner
            }
          }
          ... on PullRequest {
            number
            repository {
              nameWithOwner
            }
          }
        }
      }
      ... on ClosedEvent {
        createdAt
        actor {
          login
        }
        stateReason
        closer {
          __typename
          ... on PullRequest {
            ...PullRequestFields
          }
        }
      }
      ... on ReopenedEvent {
        createdAt
        actor {
          login
        }
      }
      ... on LabeledEvent {
        createdAt
        actor {
          login
        }
        label {
          name
        }
      }
      ... on UnlabeledEvent {
        createdAt
        actor {
          login
        }
        label {
          name
        }
      }
      ... on MilestonedEvent {
        createdAt
        actor {
          login
        }
        milestoneTitle
      }
      ... on DemilestonedEvent {
        createdAt
        actor {
          login
        }
        milestoneTitle
      }
      ... on RenamedTitleEvent {
        createdAt
        previousTitle
        currentTitle
      }
      ... on TransferredEvent {
        createdAt
        fromRepository {
          nameWithOwner
        }
      }
    }
  }
`;

const issueDetailsFragments = `${timelinePageFragment}${commentFields}${actorFields}${pullRequestFields}${reactionFields}`;

/** The IssueDetails document as sent: the timeline item types are inlined (they never vary). */
export const issueDetailsDocument = issueDetailsQuery
  .replace('$timelineTypes', `[${TIMELINE_ITEM_TYPES.join(', ')}]`)
  .concat(issueDetailsFragments);

/**
 * Follow-up pages for the few items with more than 100 votes or timeline items. Each alias asks
 * for one connection of one item after its cursor; batching them keeps the point cost at one
 * request per page instead of one query (minimum one point) per item.
 */
export interface FollowUp {
  id: string;
  connection: 'votes' | 'timeline' | 'discussionVotes';
  after: string;
}

export function followUpDocument(followUps: readonly FollowUp[]): {
  query: string;
  variables: Record<string, string>;
} {
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const selections = followUps.map((followUp, index) => {
    variables[`id${index}`] = followUp.id;
    variables[`after${index}`] = followUp.after;
    declarations.push(`$id${index}: ID!`, `$after${index}: String!`);
    const body =
      followUp.connection === 'timeline'
        ? `... on Issue { timelineItems(first: 100, after: $after${index}, itemTypes: [${TIMELINE_ITEM_TYPES.join(', ')}]) { ...TimelinePage } }`
        : `... on ${followUp.connection === 'votes' ? 'Issue' : 'Discussion'} { reactions(first: 100, after: $after${index}, content: $voteContent) { totalCount pageInfo { hasNextPage endCursor } nodes { ...ReactionFields } } }`;
    return `item${index}: node(id: $id${index}) { ${body} }`;
  });
  const usesTimeline = followUps.some((followUp) => followUp.connection === 'timeline');
  const usesVotes = followUps.some((followUp) => followUp.connection !== 'timeline');
  if (usesVotes) declarations.unshift('$voteContent: ReactionContent');
  const query = `query FollowUps(${declarations.join(', ')}) {
  ...RateLimit
  ${selections.join('\n  ')}
}
${rateLimitFragment}${usesVotes ? reactionFields : ''}${usesTimeline ? `${timelinePageFragment}${commentFields}${actorFields}${pullRequestFields}` : ''}`;
  return { query, variables };
}
