/**
 * Reads the configured GitHub Project (v2): its status and horizon fields, and for every issue
 * of a configured repository in it, the values of those fields. Draft issues, pull requests,
 * archived items and issues of other repositories are counted and left out: only issues are
 * requests, and an issue of a repository the roadmap does not publish (perhaps a private one)
 * must not even be named in the snapshot.
 *
 * Cost: one query per 100 items, 1 point each. Project items cannot be asked "updated since"
 * (`ProjectV2.items` orders by position only), so the first page, which also carries the
 * project's `updatedAt` and item count, decides: when neither moved since the last sync and no
 * full pass is due, the other pages are not read and the previous values stand.
 */
import { createHash } from 'node:crypto';
import type { ProjectConfig, RoadmapConfig } from '../config/index.ts';
import { closestMatch } from '../config/did-you-mean.ts';
import {
  SNAPSHOT_SCHEMA_VERSION,
  type ProjectField,
  type ProjectHorizonValue,
  type ProjectItem,
  type ProjectSnapshot,
  type ProjectState,
} from '../snapshot/schema.ts';
import type { GitHubClient } from './github-client.ts';
import { parseResponse } from './parse-response.ts';
import type { SyncProgress } from './progress.ts';
import {
  projectItemsQuery,
  projectItemsResponseSchema,
  type GqlProject,
  type GqlProjectField,
  type GqlProjectFieldValue,
  type GqlProjectItem,
} from './project-documents.ts';
import { ErrorsData } from '../errors/errors-data.ts';
import { RoadmapError } from '../errors/roadmap-error.ts';

const ITEMS_PER_PAGE = 100;

/** What a classic token, a fine-grained token and GitHub Actions need to read a project. */
export interface PreviousProject {
  state: ProjectState;
  snapshot: ProjectSnapshot;
}

export interface ProjectSyncResult {
  state: ProjectState;
  snapshot: ProjectSnapshot;
  summary: ProjectSummary;
}

export interface ProjectSummary {
  project: string;
  /** `read`: every page was read; `unchanged`: the project had not moved, the previous values stand. */
  mode: 'read' | 'unchanged';
  issues: number;
  /** Items left out, by why. */
  skipped: { drafts: number; pullRequests: number; archived: number; otherRepositories: number; hidden: number };
}

function ownerOf(project: ProjectConfig): { login: string; type: 'Organization' | 'User' } {
  return project.organization === undefined ? { login: project.user ?? '', type: 'User' } : { login: project.organization, type: 'Organization' };
}

/** `orgs/lumen-dev/projects/1`: how a project is named in messages. */
export function projectLabel(project: ProjectConfig): string {
  const owner = ownerOf(project);
  return `${owner.type === 'Organization' ? 'orgs' : 'users'}/${owner.login}/projects/${project.number}`;
}

/** Anything that changes what the project's snapshot holds: a change forces a fresh read. */
export function projectDigest(config: RoadmapConfig): string {
  const { project } = config;
  return createHash('sha256')
    .update(JSON.stringify([SNAPSHOT_SCHEMA_VERSION, project, config.sources.map((source) => source.repo.toLowerCase()).sort()]))
    .digest('hex')
    .slice(0, 16);
}

const DATA_TYPE_NAMES: Record<string, string> = { SINGLE_SELECT: 'single select', ITERATION: 'iteration', DATE: 'date' };

function describeFields(fields: readonly GqlProjectField[]): string {
  return fields.map((field) => `"${field.name}" (${DATA_TYPE_NAMES[field.dataType] ?? field.dataType.toLowerCase().replace(/_/g, ' ')})`).join(', ');
}

/** The configured field in the project's fields, or an error naming the fields it has. */
function findField(fields: readonly GqlProjectField[], name: string, option: string, label: string, allowed: readonly string[]): GqlProjectField {
  const field = fields.find((candidate) => candidate.name === name);
  if (!field) {
    const suggestion = closestMatch(name, fields.map((candidate) => candidate.name));
    throw new RoadmapError(ErrorsData.ProjectFieldMissing, { project: label, field: name, option, fields: describeFields(fields), suggestion: suggestion ?? null });
  }
  if (!allowed.includes(field.dataType)) {
    throw new RoadmapError(ErrorsData.ProjectFieldWrongType, {
      project: label,
      field: name,
      option,
      type: DATA_TYPE_NAMES[field.dataType] ?? field.dataType.toLowerCase(),
      allowed: allowed.map((type) => DATA_TYPE_NAMES[type] ?? type).join(', '),
      fields: describeFields(fields),
    });
  }
  return field;
}

function toSnapshotField(field: GqlProjectField): ProjectField {
  if (field.__typename === 'ProjectV2SingleSelectField') return { dataType: 'SINGLE_SELECT', name: field.name, options: field.options.map((option) => option.name) };
  if (field.__typename === 'ProjectV2IterationField') {
    const iterations = [...field.configuration.completedIterations, ...field.configuration.iterations].sort((a, b) => a.startDate.localeCompare(b.startDate));
    return { dataType: 'ITERATION', name: field.name, iterations };
  }
  return { dataType: 'DATE', name: field.name };
}

/** Configured option names the field does not have: a typo, or an option renamed on GitHub. */
function warnAboutUnknownOptions(field: ProjectField | null, mapped: Record<string, string> | undefined, option: string, progress: SyncProgress): void {
  if (field?.dataType !== 'SINGLE_SELECT' || mapped === undefined) return;
  const known = new Set(field.options.map((name) => name.toLowerCase()));
  for (const name of Object.keys(mapped)) {
    if (known.has(name.toLowerCase())) continue;
    const suggestion = closestMatch(name, field.options);
    progress.warn(
      `${option} maps "${name}", which the field "${field.name}" does not have (its options: ${field.options.map((entry) => `"${entry}"`).join(', ')})${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`,
    );
  }
}

function horizonValue(value: GqlProjectFieldValue): ProjectHorizonValue | null {
  if (!value) return null;
  if (value.__typename === 'ProjectV2ItemFieldSingleSelectValue' && 'name' in value && typeof value.name === 'string') return { kind: 'option', name: value.name };
  if (value.__typename === 'ProjectV2ItemFieldIterationValue' && 'iterationId' in value) {
    return { kind: 'iteration', iterationId: value.iterationId, title: value.title, startDate: value.startDate, duration: value.duration };
  }
  if (value.__typename === 'ProjectV2ItemFieldDateValue' && 'date' in value && typeof value.date === 'string') return { kind: 'date', date: value.date };
  return null;
}

function statusValue(value: GqlProjectFieldValue): string | null {
  return value && value.__typename === 'ProjectV2ItemFieldSingleSelectValue' && 'name' in value && typeof value.name === 'string' ? value.name : null;
}

async function readPage(client: GitHubClient, project: ProjectConfig, after: string | null, withFields: boolean, label: string): Promise<GqlProject> {
  const owner = ownerOf(project);
  const variables = {
    login: owner.login,
    number: project.number,
    isOrganization: owner.type === 'Organization',
    first: ITEMS_PER_PAGE,
    after,
    withFields,
    withStatus: project.status !== undefined,
    statusField: project.status?.field ?? '',
    withHorizon: project.horizon !== undefined,
    horizonField: project.horizon?.field ?? '',
  };
  let result;
  try {
    // Errors about the owner or the project itself come back as item errors, to be told apart here.
    result = await client.graphql<unknown>(projectItemsQuery, variables, {
      itemOf: (path) => (path.length <= 2 && (path[0] === 'organization' || path[0] === 'user') ? 0 : null),
    });
  } catch (error) {
    if (error instanceof RoadmapError && /INSUFFICIENT_SCOPES|FORBIDDEN|not accessible|read:project/i.test(error.message)) {
      throw new RoadmapError(ErrorsData.ProjectAccessDenied, { project: label, detail: error.message.replace(/\.$/, '') }, { cause: error });
    }
    throw error;
  }
  for (const itemError of result.itemErrors) {
    if (itemError.type === 'INSUFFICIENT_SCOPES' || itemError.type === 'FORBIDDEN') {
      throw new RoadmapError(ErrorsData.ProjectAccessDenied, { project: label, detail: `${itemError.type}: ${itemError.message}` });
    }
  }
  const data = parseResponse(projectItemsResponseSchema, result.data, `the items of the project ${label}`);
  const ownerData = owner.type === 'Organization' ? data.organization : data.user;
  if (!ownerData) {
    throw new RoadmapError(ErrorsData.ProjectOwnerNotFound, { project: label, kind: owner.type === 'Organization' ? 'organization' : 'user', login: owner.login });
  }
  if (!ownerData.projectV2) {
    throw new RoadmapError(ErrorsData.ProjectNotFound, { project: label, number: project.number, login: owner.login });
  }
  return ownerData.projectV2;
}

export async function syncProject(
  client: GitHubClient,
  config: RoadmapConfig,
  previous: PreviousProject | null,
  options: { full: boolean; now: Date },
  progress: SyncProgress,
): Promise<ProjectSyncResult> {
  const project = config.project;
  if (!project) throw new Error('syncProject needs a configured project');
  const label = projectLabel(project);
  const owner = ownerOf(project);
  const digest = projectDigest(config);

  const first = await readPage(client, project, null, true, label);
  const fields = (first.fields?.nodes ?? []).filter((field): field is GqlProjectField => field !== null);
  const statusField = project.status ? toSnapshotField(findField(fields, project.status.field, 'project.status.field', label, ['SINGLE_SELECT'])) : null;
  const horizonField = project.horizon
    ? toSnapshotField(findField(fields, project.horizon.field, 'project.horizon.field', label, ['ITERATION', 'DATE', 'SINGLE_SELECT']))
    : null;
  if (horizonField?.dataType === 'SINGLE_SELECT' && project.horizon?.options === undefined) {
    throw new RoadmapError(ErrorsData.ProjectHorizonOptionsMissing, {
      project: label,
      field: horizonField.name,
      example: horizonField.options
        .slice(0, 3)
        .map((name, index) => `${JSON.stringify(name)}: "${['now', 'next', 'later'][index] ?? 'later'}"`)
        .join(', '),
    });
  }
  warnAboutUnknownOptions(statusField, project.status?.options, 'project.status.options', progress);
  warnAboutUnknownOptions(horizonField, project.horizon?.options, 'project.horizon.options', progress);

  const unchanged =
    previous !== null &&
    !options.full &&
    previous.state.configDigest === digest &&
    previous.state.updatedAt === first.updatedAt &&
    previous.state.totalItems === first.items.totalCount;
  const nodes: GqlProjectItem[] = first.items.nodes.filter((node) => node !== null);
  let mode: ProjectSummary['mode'] = 'read';
  if (first.items.pageInfo.hasNextPage && unchanged) {
    mode = 'unchanged';
  } else {
    let pageInfo = first.items.pageInfo;
    while (pageInfo.hasNextPage) {
      const page = await readPage(client, project, pageInfo.endCursor, false, label);
      nodes.push(...page.items.nodes.filter((node) => node !== null));
      pageInfo = page.items.pageInfo;
    }
  }

  const repositories = new Map(config.sources.map((source) => [source.repo.toLowerCase(), source.repo]));
  const skipped: ProjectSummary['skipped'] = { drafts: 0, pullRequests: 0, archived: 0, otherRepositories: 0, hidden: 0 };
  const items: ProjectItem[] = [];
  for (const node of nodes) {
    if (node.isArchived) skipped.archived += 1;
    else if (node.type === 'DRAFT_ISSUE') skipped.drafts += 1;
    else if (node.type === 'PULL_REQUEST') skipped.pullRequests += 1;
    else if (node.content?.__typename !== 'Issue' || !('number' in node.content)) skipped.hidden += 1;
    else {
      const repository = repositories.get(node.content.repository.nameWithOwner.toLowerCase());
      if (repository === undefined) {
        skipped.otherRepositories += 1;
        continue;
      }
      items.push({
        repository,
        number: node.content.number,
        id: node.id,
        updatedAt: node.updatedAt,
        status: statusValue(node.status),
        horizon: horizonValue(node.horizon),
      });
    }
  }
  const snapshot: ProjectSnapshot =
    mode === 'unchanged' && previous
      ? { ...previous.snapshot, title: first.title, url: first.url, statusField, horizonField }
      : { schemaVersion: SNAPSHOT_SCHEMA_VERSION, owner: owner.login, ownerType: owner.type, number: project.number, title: first.title, url: first.url, statusField, horizonField, items };
  warnAboutUnmappedValues(snapshot, project, progress);
  const state: ProjectState = {
    owner: owner.login,
    number: project.number,
    updatedAt: first.updatedAt,
    totalItems: first.items.totalCount,
    lastFullSyncAt: mode === 'read' ? options.now.toISOString() : (previous?.state.lastFullSyncAt ?? null),
    configDigest: digest,
  };
  return { state, snapshot, summary: { project: label, mode, issues: snapshot.items.length, skipped } };
}

/** Once per option an item holds that the configuration does not map: those items keep their label-based status. */
function warnAboutUnmappedValues(snapshot: ProjectSnapshot, project: ProjectConfig, progress: SyncProgress): void {
  const checks = [
    { option: 'project.status.options', mapped: project.status?.options, values: snapshot.items.map((item) => item.status) },
    {
      option: 'project.horizon.options',
      mapped: snapshot.horizonField?.dataType === 'SINGLE_SELECT' ? project.horizon?.options : undefined,
      values: snapshot.items.map((item) => (item.horizon?.kind === 'option' ? item.horizon.name : null)),
    },
  ];
  for (const { option, mapped, values } of checks) {
    if (mapped === undefined) continue;
    const known = new Set(Object.keys(mapped).map((name) => name.toLowerCase()));
    const counts = new Map<string, number>();
    for (const value of values) if (value !== null && !known.has(value.toLowerCase())) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [value, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
      progress.warn(
        `${count} item${count === 1 ? '' : 's'} of the project ${projectLabel(project)} ${count === 1 ? 'has' : 'have'} the option "${value}", which ${option} does not map; ${option === 'project.status.options' ? 'their status comes from labels, milestones and state' : 'they are on no horizon'}. Map it in roadmap.config.ts to use it.`,
      );
    }
  }
}
