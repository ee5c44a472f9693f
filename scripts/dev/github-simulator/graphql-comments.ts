/** Comments, reactions and reaction groups, shared by issues, Discussions and pull requests. */
import { actorView } from './graphql-actors.ts';
import { connectionOf, directionOf, type PageArgs, type View } from './graphql-connections.ts';
import type { ResolverContext } from './graphql-context.ts';
import { REACTION_CONTENTS } from '../../../src/github/enums.ts';
import { githubTime, timeValue } from './github-time.ts';
import { resourcePath, webUrls } from './github-urls.ts';
import { nodeId } from './node-ids.ts';
import type { ReactionContent, SimComment, SimDiscussion, SimIssue, SimReaction } from './store-types.ts';
import type { RepoIndex } from './world-index.ts';


/** A JSON-safe sort value for a time that may be missing (missing sorts first). */
export function timeKey(value: string | null): number {
  const time = timeValue(value);
  return Number.isFinite(time) ? time : -8.64e15;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${String(character.charCodeAt(0))};`);
}

/** A stand-in for GitHub's rendered Markdown: enough for clients that only display it. */
export function bodyHtml(body: string): string {
  return body.trim() === '' ? '' : `<p>${escapeHtml(body).replace(/\n/g, '<br>\n')}</p>`;
}

interface ReactionArgs extends PageArgs {
  content?: ReactionContent | null;
  orderBy?: { field: string; direction: string } | null;
}

/** The `reactions` connection of anything reactable. `subjectId` is the reactable's node id. */
export function reactionsConnection(
  context: ResolverContext,
  subjectId: string,
  subject: () => View,
  reactions: readonly SimReaction[],
  args: ReactionArgs,
): View {
  const positioned = reactions.map((reaction, position) => ({ reaction, position }));
  const matching = args.content ? positioned.filter((entry) => entry.reaction.content === args.content) : positioned;
  const viewerLogin = context.viewer.login.toLowerCase();
  return connectionOf(
    matching,
    args,
    {
      key: (entry) => [timeKey(entry.reaction.createdAt), entry.position],
      direction: directionOf(args.orderBy, 'ASC'),
    },
    (entry) => ({
      __typename: 'Reaction',
      id: nodeId('Reaction', subjectId, entry.position),
      databaseId: null,
      content: entry.reaction.content,
      createdAt: githubTime(entry.reaction.createdAt),
      // `Reaction.user` is typed `User` on GitHub, whatever kind of account reacted.
      user: () => actorView(context, entry.reaction.user, 'User'),
      reactable: subject,
    }),
    { viewerHasReacted: reactions.some((reaction) => reaction.user?.toLowerCase() === viewerLogin) },
  );
}

/** All eight groups, in GitHub's order, including the empty ones. */
export function reactionGroups(context: ResolverContext, subject: () => View, reactions: readonly SimReaction[]): View[] {
  const viewerLogin = context.viewer.login.toLowerCase();
  // GitHub's order, which `reactionGroups` always follows.
  return REACTION_CONTENTS.map((content) => {
    const matching = reactions.filter((reaction) => reaction.content === content);
    const earliest = matching.reduce<string | null>(
      (soonest, reaction) => (soonest === null || timeValue(reaction.createdAt) < timeValue(soonest) ? reaction.createdAt : soonest),
      null,
    );
    return {
      content,
      createdAt: githubTime(earliest),
      subject,
      viewerHasReacted: matching.some((reaction) => reaction.user?.toLowerCase() === viewerLogin),
      reactors: (args: PageArgs) =>
        connectionOf(
          matching.map((reaction, position) => ({ reaction, position })),
          args,
          { key: (entry) => [timeKey(entry.reaction.createdAt), entry.position], direction: 'ASC' },
          (entry) => actorView(context, entry.reaction.user),
        ),
    };
  });
}

interface CommentArgs extends PageArgs {
  orderBy?: { field: string; direction: string } | null;
}

function commentFields(context: ResolverContext, comment: SimComment, id: string, url: string, self: () => View): View {
  return {
    id,
    databaseId: comment.id,
    fullDatabaseId: String(comment.id),
    author: () => actorView(context, comment.author),
    authorAssociation: comment.authorAssociation,
    body: comment.body,
    bodyText: comment.body,
    bodyHTML: bodyHtml(comment.body),
    createdAt: githubTime(comment.createdAt),
    updatedAt: githubTime(comment.updatedAt),
    publishedAt: githubTime(comment.createdAt),
    lastEditedAt: comment.updatedAt === comment.createdAt ? null : githubTime(comment.updatedAt),
    createdViaEmail: false,
    includesCreatedEdit: false,
    editor: null,
    url,
    resourcePath: resourcePath(url),
    isMinimized: comment.isMinimized,
    minimizedReason: comment.minimizedReason,
    viewerDidAuthor: comment.author?.toLowerCase() === context.viewer.login.toLowerCase(),
    viewerCanReact: true,
    viewerCanUpdate: true,
    viewerCanDelete: true,
    viewerCanMinimize: true,
    viewerCannotUpdateReasons: [],
    reactions: (args: ReactionArgs) => reactionsConnection(context, id, self, comment.reactions, args),
    reactionGroups: () => reactionGroups(context, self, comment.reactions),
    userContentEdits: null,
  };
}

export function issueCommentView(
  context: ResolverContext,
  repo: RepoIndex,
  issue: SimIssue,
  comment: SimComment,
  issueView: () => View,
  repositoryView: () => View,
): View {
  const id = nodeId('IssueComment', repo.repo.id, issue.number, comment.id);
  const self = (): View => issueCommentView(context, repo, issue, comment, issueView, repositoryView);
  return {
    __typename: 'IssueComment',
    ...commentFields(context, comment, id, webUrls.issueComment(repo.fullName, issue.number, comment.id), self),
    issue: issueView,
    pullRequest: null,
    repository: repositoryView,
  };
}

export function discussionCommentView(
  context: ResolverContext,
  repo: RepoIndex,
  discussion: SimDiscussion,
  comment: SimComment,
  discussionView: () => View,
): View {
  const id = nodeId('DiscussionComment', repo.repo.id, discussion.number, comment.id);
  const self = (): View => discussionCommentView(context, repo, discussion, comment, discussionView);
  return {
    __typename: 'DiscussionComment',
    ...commentFields(context, comment, id, webUrls.discussionComment(repo.fullName, discussion.number, comment.id), self),
    discussion: discussionView,
    isAnswer: false,
    upvoteCount: 0,
    viewerHasUpvoted: false,
    viewerCanUpvote: true,
    deletedAt: null,
    replyTo: null,
    replies: (args: PageArgs) => connectionOf([], args, { key: () => [], direction: 'ASC' }, () => null),
  };
}

/** Comments oldest first, or by `orderBy: {field: UPDATED_AT}` when asked. */
export function commentsConnection(
  comments: readonly SimComment[],
  args: CommentArgs,
  toView: (comment: SimComment) => View,
): View {
  const byUpdate = args.orderBy?.field === 'UPDATED_AT';
  return connectionOf(
    comments,
    args,
    {
      key: (comment) => [timeKey(byUpdate ? comment.updatedAt : comment.createdAt), comment.id],
      direction: directionOf(args.orderBy, 'ASC'),
    },
    toView,
  );
}
