/**
 * The root of GraphQL execution: `repository`, `node`, `nodes`, `rateLimit` and `viewer`, plus the
 * reverse of `node-ids.ts` that turns a global id back into the object it names.
 */
import type { GraphQLError, GraphQLResolveInfo } from 'graphql';
import { actorObject } from './graphql-actors.ts';
import { discussionCommentView, issueCommentView } from './graphql-comments.ts';
import type { View } from './graphql-connections.ts';
import { canSee, type ResolverContext } from './graphql-context.ts';
import { ownerWithProjects } from './graphql-projects.ts';
import { timelineEventView } from './graphql-timeline.ts';
import {
  categoryView,
  commitView,
  discussionView,
  issueView,
  labelView,
  mergeCommitMessage,
  milestoneView,
  notFound,
  pullRequestView,
  releaseView,
  repositoryView,
} from './graphql-views.ts';
import { decodeNodeId } from './node-ids.ts';
import type { RepoIndex } from './world-index.ts';

function commitMessage(repo: RepoIndex, sha: string): string {
  const pullRequest = repo.repo.pullRequests.find((candidate) => candidate.mergeCommit === sha);
  if (pullRequest) return mergeCommitMessage(pullRequest);
  const release = repo.repo.releases.find((candidate) => candidate.tagCommit === sha);
  return release?.name ?? release?.tagName ?? '';
}

/** The object a node id names, or `null` if it does not exist or the caller may not see it. */
export function resolveNode(context: ResolverContext, id: string): View | null {
  const decoded = decodeNodeId(id);
  if (!decoded) return null;
  const [first = '', second = '', third = ''] = decoded.parts;
  switch (decoded.kind) {
    case 'User':
    case 'Bot':
    case 'Organization':
    case 'Mannequin': {
      const actor = context.index.userById(Number(first));
      return actor && actor.type === decoded.kind ? actorObject(actor) : null;
    }
    case 'Reaction':
    case 'ProjectV2':
    case 'ProjectV2Item':
    case 'ProjectV2Field':
    case 'ProjectV2ItemFieldValue':
      return null;
    case 'Issue': {
      // Moved to another repository: the id still names it.
      const moved = context.index.transferredIssue(Number(first), Number(second));
      if (moved) return canSee(context, moved.repo.repo) ? issueView(context, moved.repo, moved.issue) : null;
      break;
    }
    default:
      break;
  }
  const repo = context.index.repoById(Number(first));
  if (!repo || !canSee(context, repo.repo)) return null;
  const number = Number(second);
  switch (decoded.kind) {
    case 'Repository':
      return repositoryView(context, repo);
    case 'Issue': {
      const issue = repo.issues.get(number);
      // An issue transferred in answers to the node id it brought, not to one minted here.
      return issue && context.index.issueNodeId(repo, issue) === id ? issueView(context, repo, issue) : null;
    }
    case 'Discussion': {
      const discussion = repo.discussions.get(number);
      return discussion ? discussionView(context, repo, discussion) : null;
    }
    case 'PullRequest': {
      const pullRequest = repo.pullRequests.get(number);
      return pullRequest ? pullRequestView(context, repo, pullRequest) : null;
    }
    case 'Release': {
      const release = repo.releasesById.get(number);
      return release && (context.authenticated || !release.isDraft) ? releaseView(context, repo, release) : null;
    }
    case 'Milestone': {
      const milestone = repo.milestones.get(number);
      return milestone ? milestoneView(context, repo, milestone) : null;
    }
    case 'Label': {
      const label = repo.labels.get(second.toLowerCase());
      return label ? labelView(context, repo, label) : null;
    }
    case 'DiscussionCategory': {
      const category = repo.categoriesById.get(number);
      return category ? categoryView(context, repo, category) : null;
    }
    case 'Commit':
      return /^[0-9a-f]{40}$/.test(second) ? commitView(repo, second, commitMessage(repo, second)) : null;
    case 'IssueComment': {
      const issue = repo.issues.get(number);
      const comment = issue?.comments.find((candidate) => candidate.id === Number(third));
      return issue && comment
        ? issueCommentView(context, repo, issue, comment, () => issueView(context, repo, issue), () => repositoryView(context, repo))
        : null;
    }
    case 'DiscussionComment': {
      const discussion = repo.discussions.get(number);
      const comment = discussion?.comments.find((candidate) => candidate.id === Number(third));
      return discussion && comment
        ? discussionCommentView(context, repo, discussion, comment, () => discussionView(context, repo, discussion))
        : null;
    }
    default: {
      // Timeline events: the id says which issue and which event.
      const issue = repo.issues.get(number);
      const event = issue?.events.find((candidate) => candidate.id === Number(third));
      if (!issue || !event) return null;
      const view = timelineEventView(context, repo, issue, event);
      return view['__typename'] === decoded.kind ? view : null;
    }
  }
}

function nodeNotFound(id: string): GraphQLError {
  return notFound(`Could not resolve to a node with the global id of '${id}'`);
}

type RootResolver = (args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

export function createRootValue(context: ResolverContext): View {
  // Root fields that broke a pagination rule resolve to null without running (the endpoint
  // reports why), and a dry run (`rateLimit(dryRun: true)`) prices the query without reading data.
  const guarded =
    (resolve: (args: Record<string, unknown>) => unknown, skipped: unknown = null): RootResolver =>
    (args, _context, info) =>
      context.blockedRootKeys.has(info.path.key.toString()) || context.dryRun ? skipped : resolve(args);

  return {
    repository: guarded((args) => {
      const owner = String(args['owner']);
      const name = String(args['name']);
      const repo = context.index.repoByName(owner, name);
      if (!repo || !canSee(context, repo.repo)) {
        throw notFound(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
      }
      return repositoryView(context, repo);
    }),
    node: guarded((args) => {
      const id = String(args['id']);
      const view = resolveNode(context, id);
      if (!view) throw nodeNotFound(id);
      return view;
    }),
    // graphql-js reports an Error in a list as that item's error and leaves the item null,
    // which is what GitHub does for each id it cannot resolve.
    nodes: guarded((args) => {
      const ids = Array.isArray(args['ids']) ? args['ids'].map(String) : [];
      return ids.map((id) => resolveNode(context, id) ?? nodeNotFound(id));
    }, []),
    rateLimit: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) =>
      context.blockedRootKeys.has(info.path.key.toString()) ? null : context.rateLimit,
    viewer: () => actorObject(context.viewer, 'User'),
    organization: guarded((args) => ownerWithProjects(context, String(args['login']), 'Organization')),
    user: guarded((args) => ownerWithProjects(context, String(args['login']), 'User')),
  };
}
