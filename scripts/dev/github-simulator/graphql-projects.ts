/**
 * GitHub Projects (v2) as GraphQL shows them: `Organization.projectV2(number:)` and
 * `User.projectV2(number:)`, their `fields` and `items`, and each item's `fieldValueByName`.
 * Items come in the project's order (GitHub's only `ProjectV2ItemOrder` is `POSITION`).
 * https://docs.github.com/issues/planning-and-tracking-with-projects/automating-your-project/using-the-api-to-manage-projects
 */
import { GraphQLError } from 'graphql';
import type { View } from './graphql-connections.ts';
import { connectionOf, type PageArgs } from './graphql-connections.ts';
import { canSee, type ResolverContext } from './graphql-context.ts';
import { actorObject } from './graphql-actors.ts';
import { issueView, notFound, pullRequestView } from './graphql-views.ts';
import { githubTime } from './github-time.ts';
import { GITHUB_WEB, resourcePath } from './github-urls.ts';
import { nodeId } from './node-ids.ts';
import type { SimActor, SimProject, SimProjectField, SimProjectItem } from './store-types.ts';

const FIELD_TYPENAMES: Record<SimProjectField['dataType'], string> = {
  SINGLE_SELECT: 'ProjectV2SingleSelectField',
  ITERATION: 'ProjectV2IterationField',
  DATE: 'ProjectV2Field',
  TEXT: 'ProjectV2Field',
  NUMBER: 'ProjectV2Field',
};

function projectUrl(project: SimProject, owner: SimActor): string {
  return `${GITHUB_WEB}/${owner.type === 'Organization' ? 'orgs' : 'users'}/${owner.login}/projects/${String(project.number)}`;
}

/** The last day of an iteration, for telling finished iterations from the others. */
function iterationEnd(startDate: string, duration: number): string {
  return new Date(Date.parse(`${startDate}T00:00:00Z`) + duration * 86_400_000).toISOString().slice(0, 10);
}

function fieldView(context: ResolverContext, project: SimProject, owner: SimActor, field: SimProjectField): View {
  const base: View = {
    __typename: FIELD_TYPENAMES[field.dataType],
    id: nodeId('ProjectV2Field', project.id, field.id),
    databaseId: field.id,
    name: field.name,
    dataType: field.dataType,
    createdAt: githubTime(project.createdAt),
    updatedAt: githubTime(project.updatedAt),
    project: () => projectView(context, project, owner),
  };
  if (field.dataType === 'SINGLE_SELECT') {
    return {
      ...base,
      options: (args: { names?: string[] | null }) =>
        field.options
          .filter((option) => !args.names || args.names.some((name) => name.toLowerCase() === option.name.toLowerCase()))
          .map((option) => ({ id: option.id, name: option.name, nameHTML: option.name, color: 'GRAY', description: '', descriptionHTML: '' })),
    };
  }
  if (field.dataType === 'ITERATION') {
    // GitHub splits iterations by whether they have ended, against today's date.
    const today = context.now.toISOString().slice(0, 10);
    const asView = (iteration: (typeof field.iterations)[number]) => ({ ...iteration, titleHTML: iteration.title });
    return {
      ...base,
      configuration: {
        duration: field.iterations[0]?.duration ?? 14,
        startDay: 1,
        iterations: field.iterations.filter((iteration) => iterationEnd(iteration.startDate, iteration.duration) > today).map(asView),
        completedIterations: field.iterations.filter((iteration) => iterationEnd(iteration.startDate, iteration.duration) <= today).map(asView),
      },
    };
  }
  return base;
}

/** An item's value in `field`, shaped as the `ProjectV2ItemFieldValue` union member GitHub uses; null when unset. */
function fieldValueView(context: ResolverContext, project: SimProject, owner: SimActor, item: SimProjectItem, field: SimProjectField): View | null {
  const value = item.values[field.name];
  if (value === undefined) return null;
  const common: View = {
    id: nodeId('ProjectV2ItemFieldValue', project.id, item.id, field.id),
    databaseId: null,
    createdAt: githubTime(item.createdAt),
    updatedAt: githubTime(item.updatedAt),
    creator: null,
    field: () => fieldView(context, project, owner, field),
    item: () => itemView(context, project, owner, item),
  };
  switch (field.dataType) {
    case 'SINGLE_SELECT': {
      const option = field.options.find((candidate) => candidate.name === value);
      if (!option) return null;
      return { ...common, __typename: 'ProjectV2ItemFieldSingleSelectValue', name: option.name, nameHTML: option.name, optionId: option.id, color: 'GRAY', description: '', descriptionHTML: '' };
    }
    case 'ITERATION': {
      const iteration = field.iterations.find((candidate) => candidate.title === value);
      if (!iteration) return null;
      return {
        ...common,
        __typename: 'ProjectV2ItemFieldIterationValue',
        iterationId: iteration.id,
        title: iteration.title,
        titleHTML: iteration.title,
        startDate: iteration.startDate,
        duration: iteration.duration,
      };
    }
    case 'DATE':
      return { ...common, __typename: 'ProjectV2ItemFieldDateValue', date: String(value) };
    case 'NUMBER':
      return { ...common, __typename: 'ProjectV2ItemFieldNumberValue', number: Number(value) };
    case 'TEXT':
      return { ...common, __typename: 'ProjectV2ItemFieldTextValue', text: String(value) };
  }
}

function contentView(context: ResolverContext, item: SimProjectItem): View | null {
  const { content } = item;
  if (content.type === 'DraftIssue') {
    return { __typename: 'DraftIssue', id: nodeId('ProjectV2Item', 0, item.id), title: content.title, body: '', createdAt: githubTime(item.createdAt), updatedAt: githubTime(item.updatedAt) };
  }
  const repo = context.index.repoByFullName(content.repository);
  // Content the viewer may not see is `null`, as GitHub redacts it.
  if (!repo || !canSee(context, repo.repo)) return null;
  if (content.type === 'Issue') {
    const issue = repo.issues.get(content.number);
    return issue ? issueView(context, repo, issue) : null;
  }
  const pullRequest = repo.pullRequests.get(content.number);
  return pullRequest ? pullRequestView(context, repo, pullRequest) : null;
}

const ITEM_TYPES: Record<SimProjectItem['content']['type'], string> = { Issue: 'ISSUE', PullRequest: 'PULL_REQUEST', DraftIssue: 'DRAFT_ISSUE' };

function itemView(context: ResolverContext, project: SimProject, owner: SimActor, item: SimProjectItem): View {
  const content = contentView(context, item);
  return {
    __typename: 'ProjectV2Item',
    id: nodeId('ProjectV2Item', project.id, item.id),
    databaseId: item.id,
    fullDatabaseId: String(item.id),
    type: content === null && item.content.type !== 'DraftIssue' ? 'REDACTED' : ITEM_TYPES[item.content.type],
    isArchived: item.isArchived ?? false,
    createdAt: githubTime(item.createdAt),
    updatedAt: githubTime(item.updatedAt),
    creator: null,
    content,
    project: () => projectView(context, project, owner),
    // GitHub matches the name exactly as the field is named.
    fieldValueByName: (args: { name: string }) => {
      const field = project.fields.find((candidate) => candidate.name === args.name);
      return field ? fieldValueView(context, project, owner, item, field) : null;
    },
  };
}

export function projectView(context: ResolverContext, project: SimProject, owner: SimActor): View {
  const url = projectUrl(project, owner);
  const position = new Map(project.items.map((item, index) => [item, index]));
  return {
    __typename: 'ProjectV2',
    id: nodeId('ProjectV2', project.id),
    databaseId: project.id,
    fullDatabaseId: String(project.id),
    number: project.number,
    title: project.title,
    shortDescription: null,
    readme: null,
    public: true,
    closed: project.closed,
    closedAt: null,
    template: false,
    createdAt: githubTime(project.createdAt),
    updatedAt: githubTime(project.updatedAt),
    url,
    resourcePath: resourcePath(url),
    owner: () => actorObject(owner),
    fields: (args: PageArgs) =>
      connectionOf(project.fields, args, { key: (field) => [project.fields.indexOf(field), field.id], direction: 'ASC' }, (field) => fieldView(context, project, owner, field)),
    field: (args: { name: string }) => {
      const field = project.fields.find((candidate) => candidate.name === args.name);
      return field ? fieldView(context, project, owner, field) : null;
    },
    items: (args: PageArgs) =>
      connectionOf(project.items, args, { key: (item) => [position.get(item) ?? 0, item.id], direction: 'ASC' }, (item) => itemView(context, project, owner, item)),
  };
}

/**
 * `projectV2(number:)` of an owner: NOT_FOUND when there is no such project, and GitHub's
 * INSUFFICIENT_SCOPES error when the token may not read projects (a classic token without
 * `read:project`; a fine-grained token or GitHub App without the Projects permission gets a
 * similar refusal).
 */
export function ownerProject(context: ResolverContext, owner: SimActor, number: number): View {
  if (!context.canReadProjects) {
    throw new GraphQLError(
      "Your token has not been granted the required scopes to execute this query. The 'projectV2' field requires one of the following scopes: ['read:project'], but your token has only been granted the: ['repo'] scopes. Please modify your token's scopes at: https://github.com/settings/tokens.",
      { extensions: { type: 'INSUFFICIENT_SCOPES' } },
    );
  }
  const project = (context.index.world.projects ?? []).find(
    (candidate) => candidate.owner.toLowerCase() === owner.login.toLowerCase() && candidate.number === number,
  );
  if (!project) throw notFound(`Could not resolve to a ProjectV2 with the number ${String(number)}.`);
  return projectView(context, project, owner);
}

/** `organization(login:)` / `user(login:)`: the account, with its `projectV2`. */
export function ownerWithProjects(context: ResolverContext, login: string, kind: 'Organization' | 'User'): View {
  const actor = context.index.user(login);
  if (!actor || (kind === 'Organization') !== (actor.type === 'Organization') || actor.type === 'Bot') {
    throw notFound(`Could not resolve to ${kind === 'Organization' ? 'an Organization' : 'a User'} with the login of '${login}'.`);
  }
  return { ...actorObject(actor, kind), projectV2: (args: { number: number }) => ownerProject(context, actor, args.number) };
}
