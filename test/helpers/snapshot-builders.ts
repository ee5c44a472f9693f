/**
 * Small builders for snapshot data in model tests: each test states only what matters to it
 * and gets a valid item (checked against the snapshot schema) for everything else.
 */
import { parseConfig, type RoadmapConfig, type RoadmapConfigInput } from '../../src/config/index.ts';
import type { Snapshot } from '../../src/snapshot/read-snapshot.ts';
import {
  SNAPSHOT_SCHEMA_VERSION,
  discussionItemSchema,
  issueItemSchema,
  repositorySnapshotSchema,
  type Actor,
  type Comment,
  type DiscussionItem,
  type IssueItem,
  type ItemEvent,
  type Release,
  type RepositorySnapshot,
  type Vote,
} from '../../src/snapshot/schema.ts';

export const MAIN = 'acme/widgets';
export const DOCS = 'acme/docs';
export const SYNCED_AT = '2025-06-01T00:00:00Z';

export function person(login: string, type: Actor['type'] = 'User'): Actor {
  return { login, type, avatarUrl: `https://avatars.githubusercontent.com/u/${login.length}?v=4` };
}

export function vote(login: string | null, createdAt = '2025-01-10T00:00:00Z', content: Vote['content'] = 'THUMBS_UP'): Vote {
  const type = login === null ? null : login.endsWith('[bot]') ? 'Bot' : 'User';
  return { login, type, content, createdAt };
}

export function comment(body: string, options: { author?: string | null; association?: Comment['authorAssociation']; createdAt?: string } = {}): Comment {
  const author = options.author === undefined ? 'maintainer' : options.author;
  return {
    id: `c-${Math.abs(hash(body + (options.createdAt ?? '')))}`,
    author: author === null ? null : person(author),
    authorAssociation: options.association ?? 'MEMBER',
    body,
    createdAt: options.createdAt ?? '2025-02-01T00:00:00Z',
    url: 'https://github.com/acme/widgets/issues/1#issuecomment-1',
  };
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) | 0;
  return value;
}

function day(n: number): string {
  return new Date(Date.UTC(2025, 0, n)).toISOString().replace('.000Z', 'Z');
}

type IssueOverrides = Partial<Omit<IssueItem, 'type'>> & { number: number };
type DiscussionOverrides = Partial<Omit<DiscussionItem, 'type'>> & { number: number };

export function issue(overrides: IssueOverrides): IssueItem {
  const repository = overrides.repository ?? MAIN;
  return issueItemSchema.parse({
    type: 'issue',
    repository,
    id: `I_${repository}_${overrides.number}`,
    url: `https://github.com/${repository}/issues/${overrides.number}`,
    title: `Request ${overrides.number}`,
    body: '',
    author: person(`author${overrides.number}`),
    authorAssociation: 'NONE',
    labels: ['enhancement'],
    locked: false,
    createdAt: day(overrides.number),
    updatedAt: day(overrides.number + 1),
    closedAt: null,
    votes: [],
    commentCount: overrides.comments?.length ?? 0,
    comments: [],
    formerAddresses: [],
    state: 'OPEN',
    stateReason: null,
    milestone: null,
    events: [],
    closingPullRequests: [],
    ...overrides,
  });
}

export function discussion(overrides: DiscussionOverrides): DiscussionItem {
  const repository = overrides.repository ?? MAIN;
  return discussionItemSchema.parse({
    type: 'discussion',
    repository,
    id: `D_${repository}_${overrides.number}`,
    url: `https://github.com/${repository}/discussions/${overrides.number}`,
    title: `Idea ${overrides.number}`,
    body: '',
    author: person(`author${overrides.number}`),
    authorAssociation: 'NONE',
    labels: [],
    locked: false,
    createdAt: day(overrides.number),
    updatedAt: day(overrides.number + 1),
    closedAt: null,
    votes: [],
    commentCount: 0,
    comments: [],
    formerAddresses: [],
    state: 'OPEN',
    stateReason: null,
    category: { name: 'Ideas', slug: 'ideas' },
    upvoteCount: 0,
    ...overrides,
  });
}

/** Marked as a duplicate of `target` by GitHub, then closed as a duplicate. */
export function markedDuplicate(target: { repository?: string; number: number }, at = '2025-03-01T00:00:00Z'): Pick<IssueItem, 'events' | 'state' | 'stateReason' | 'closedAt'> {
  const events: ItemEvent[] = [
    { kind: 'marked_as_duplicate', createdAt: at, actor: 'maintainer', canonical: { repository: target.repository ?? MAIN, number: target.number } },
    { kind: 'closed', createdAt: at, actor: 'maintainer', stateReason: 'DUPLICATE', closer: null },
  ];
  return { events, state: 'CLOSED', stateReason: 'DUPLICATE', closedAt: at };
}

export function release(overrides: Partial<Release> & { tagName: string; publishedAt: string }): Release {
  const repository = overrides.repository ?? MAIN;
  return {
    repository,
    name: overrides.tagName,
    body: '',
    url: `https://github.com/${repository}/releases/tag/${overrides.tagName}`,
    author: person('maintainer'),
    isPrerelease: false,
    createdAt: overrides.publishedAt,
    tagCommit: null,
    ...overrides,
  };
}

export function repository(name: string, overrides: Partial<RepositorySnapshot> = {}): RepositorySnapshot {
  return repositorySnapshotSchema.parse({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    repository: name,
    url: `https://github.com/${name}`,
    description: null,
    isPrivate: false,
    labels: [],
    milestones: [],
    releases: [],
    ...overrides,
  });
}

export function snapshotOf(items: Snapshot['items'], repositories: RepositorySnapshot[] = [repository(MAIN), repository(DOCS)]): Snapshot {
  return {
    manifest: {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      generator: 'open-roadmap',
      syncedAt: SYNCED_AT,
      apiUrl: 'https://api.github.com',
      sources: [],
      files: [],
    },
    repositories,
    items,
  };
}

/** A validated configuration over MAIN and DOCS, every default applied, with `overrides` on top. */
export function configWith(overrides: Partial<RoadmapConfigInput> = {}): RoadmapConfig {
  return parseConfig({
    site: { title: 'Acme roadmap' },
    sources: [{ repo: MAIN }, { repo: DOCS }],
    ...overrides,
  });
}
