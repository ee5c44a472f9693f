/**
 * The mutations the simulator runs: `addDiscussionComment`, which the notifier uses to tell a
 * Discussion's followers that what they asked for shipped. Issues are commented through REST
 * (`rest-routes.ts`), as the notifier does on GitHub. Every other mutation is refused.
 *
 * Like GitHub: a locked Discussion refuses comments, the comment is written as the token's
 * account, and the Discussion's `updatedAt` moves.
 * @see https://docs.github.com/graphql/reference/mutations#adddiscussioncomment
 */
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { discussionCommentView } from './graphql-comments.ts';
import type { View } from './graphql-connections.ts';
import { canSee, type ResolverContext } from './graphql-context.ts';
import { formatGithubTime } from './github-time.ts';
import { discussionView, notFound } from './graphql-views.ts';
import { decodeNodeId } from './node-ids.ts';
import type { SimComment } from './store-types.ts';
import type { WorldIndex } from './world-index.ts';

/** Mutations the simulator can run; anything else is answered with `UNSUPPORTED`. */
export const SUPPORTED_MUTATIONS: ReadonlySet<string> = new Set(['addDiscussionComment']);

/** The root fields of a mutation the simulator does not implement, or none. */
export function unsupportedMutationFields(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections
    .filter((selection) => selection.kind === Kind.FIELD && !SUPPORTED_MUTATIONS.has(selection.name.value))
    .map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : ''));
}

/** Comment ids are unique across the world, as database ids are on GitHub. */
export function nextWorldCommentId(index: WorldIndex): number {
  let highest = 0;
  for (const repo of index.world.repositories) {
    for (const item of [...repo.issues, ...repo.discussions]) {
      for (const comment of item.comments) highest = Math.max(highest, comment.id);
    }
  }
  return highest + 1;
}

function unprocessable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type: 'UNPROCESSABLE' } });
}

interface AddDiscussionCommentInput {
  discussionId?: unknown;
  body?: unknown;
  replyToId?: unknown;
  clientMutationId?: unknown;
}

/** Root resolvers for the supported mutations. `now` stamps the new comment. */
export function createMutationRoot(context: ResolverContext, now: Date): View {
  return {
    addDiscussionComment: (args: { input?: AddDiscussionCommentInput }) => {
      const input = args.input ?? {};
      const discussionId = String(input.discussionId ?? '');
      const body = typeof input.body === 'string' ? input.body : '';
      const decoded = decodeNodeId(discussionId);
      const repo = decoded?.kind === 'Discussion' ? context.index.repoById(Number(decoded.parts[0])) : undefined;
      const discussion = repo && canSee(context, repo.repo) ? repo.discussions.get(Number(decoded?.parts[1])) : undefined;
      if (!repo || !discussion) throw notFound(`Could not resolve to a node with the global id of '${discussionId}'`);
      if (body.trim() === '') throw unprocessable("Body can't be blank");
      if (discussion.locked) throw unprocessable('Unable to create comment because discussion is locked.');

      // The comment's author must be an account of the world, like every other login in it.
      if (!context.index.user(context.viewer.login)) context.index.addUser(context.viewer);
      const at = formatGithubTime(now);
      const comment: SimComment = {
        id: nextWorldCommentId(context.index),
        author: context.viewer.login,
        authorAssociation: 'NONE',
        body,
        createdAt: at,
        updatedAt: at,
        isMinimized: false,
        minimizedReason: null,
        reactions: [],
      };
      discussion.comments.push(comment);
      discussion.updatedAt = at;
      const self = (): View => discussionView(context, repo, discussion);
      return {
        clientMutationId: typeof input.clientMutationId === 'string' ? input.clientMutationId : null,
        comment: discussionCommentView(context, repo, discussion, comment, self),
      };
    },
  };
}
