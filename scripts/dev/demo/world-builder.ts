/**
 * One way to write a GitHub world by hand, for tests and benchmarks: every object with
 * GitHub's fields filled by sensible defaults (an increasing database id, from which the
 * simulator derives node ids; times in hours after a fixed start), so a world names only what
 * it is about. Objects are plain `Sim*` values: a test may change them freely afterwards.
 *
 *   const world = createWorldBuilder({ start: '2026-01-01T00:00:00Z' });
 *   const widgets = world.repository('acme/widgets', {
 *     issues: [world.issue(1, { title: 'Dark mode', reactions: world.votes(['ada', 'bob'], 10) })],
 *   });
 *   const simWorld = { users: world.users(['ada', 'bob']), repositories: [widgets] };
 *
 * The generator's seeded worlds derive state from history instead (`item-builder.ts`).
 */
import type {
  ActorType,
  AuthorAssociation,
  ReactionContent,
  SimComment,
  SimDiscussion,
  SimDiscussionCategory,
  SimIssue,
  SimLabel,
  SimMilestone,
  SimPullRequest,
  SimReaction,
  SimRef,
  SimRelease,
  SimRepository,
  SimTimelineEvent,
  SimWorld,
} from '../github-simulator/store-types.ts';
import { HOUR, iso } from './clock.ts';

export interface WorldBuilderOptions {
  /** Hour 0 of `at`, an ISO time. */
  start: string;
  /** Ids are handed out after this one, in the order objects are built (default 1000). */
  lastId?: number;
}

/** Hours after the builder's start, or a GitHub timestamp kept as written. */
export type Time = number | string;

type CloseReason = Extract<SimTimelineEvent, { kind: 'closed' }>['stateReason'];

export interface CloseOptions {
  actor?: string | null;
  reason?: CloseReason;
  /** The pull request whose merge closed it. */
  closer?: SimRef | null;
}

/** Sensible defaults for what a world rarely cares about. */
export const DEFAULT_LABELS: readonly SimLabel[] = [
  { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' },
  { name: 'bug', color: 'd73a4a', description: null },
  { name: 'duplicate', color: 'cfd3d7', description: null },
];

export const IDEAS_CATEGORY: SimDiscussionCategory = { id: 1, name: 'Ideas', slug: 'ideas', emoji: ':bulb:', description: 'Ideas' };

export function createWorldBuilder(options: WorldBuilderOptions) {
  const start = Date.parse(options.start);
  if (Number.isNaN(start)) throw new Error(`createWorldBuilder: "${options.start}" is not a time.`);
  let lastId = options.lastId ?? 1000;

  /** GitHub's timestamp `hours` after the start (fractions allowed; whole seconds, as GitHub gives). */
  const at = (time: Time): string => (typeof time === 'string' ? time : iso(start + time * HOUR));
  const id = (): number => ++lastId;

  /** Accounts by login, with ids 1, 2, … in the order given (after those already in `into`). */
  const users = (logins: readonly string[], type: ActorType = 'User', into: SimWorld['users'] = {}): SimWorld['users'] => {
    for (const login of logins) into[login] = { login, type, id: Object.keys(into).length + 1 };
    return into;
  };

  /** One reaction a minute from `hour` on, one per login (all at once at a timestamp). */
  const votes = (logins: readonly (string | null)[], hour: Time, content: ReactionContent = 'THUMBS_UP'): SimReaction[] =>
    logins.map((user, index) => ({ content, user, createdAt: typeof hour === 'string' ? hour : at(hour + index / 60) }));

  const reaction = (user: string | null, time: Time, content: ReactionContent = 'THUMBS_UP'): SimReaction => ({ content, user, createdAt: at(time) });

  const comment = (author: string | null, body: string, hour: Time, fields: Partial<SimComment> = {}): SimComment => ({
    id: fields.id ?? id(),
    author,
    authorAssociation: 'NONE',
    body,
    createdAt: at(hour),
    updatedAt: at(hour),
    isMinimized: false,
    minimizedReason: null,
    reactions: [],
    ...fields,
  });

  /** A maintainer's comment (association MEMBER), such as "Duplicate of #1". */
  const memberComment = (author: string, body: string, hour: Time, association: AuthorAssociation = 'MEMBER'): SimComment =>
    comment(author, body, hour, { authorAssociation: association });

  const event = {
    closed: (hour: Time, close: CloseOptions = {}): SimTimelineEvent => ({
      kind: 'closed',
      id: id(),
      actor: close.actor === undefined ? 'maintainer' : close.actor,
      createdAt: at(hour),
      stateReason: close.reason ?? 'COMPLETED',
      closer: close.closer ?? null,
    }),
    reopened: (hour: Time, actor: string | null = 'maintainer'): SimTimelineEvent => ({ kind: 'reopened', id: id(), actor, createdAt: at(hour) }),
    labeled: (hour: Time, label: string, actor: string | null = 'maintainer'): SimTimelineEvent => ({ kind: 'labeled', id: id(), actor, createdAt: at(hour), label }),
    markedAsDuplicate: (hour: Time, canonical: SimRef, actor: string | null = 'maintainer'): SimTimelineEvent => ({
      kind: 'marked_as_duplicate',
      id: id(),
      actor,
      createdAt: at(hour),
      canonical,
    }),
    milestoned: (hour: Time, milestoneTitle: string, actor: string | null = 'maintainer'): SimTimelineEvent => ({
      kind: 'milestoned',
      id: id(),
      actor,
      createdAt: at(hour),
      milestoneTitle,
    }),
    demilestoned: (hour: Time, milestoneTitle: string, actor: string | null = 'maintainer'): SimTimelineEvent => ({
      kind: 'demilestoned',
      id: id(),
      actor,
      createdAt: at(hour),
      milestoneTitle,
    }),
    renamed: (hour: Time, previousTitle: string, currentTitle: string, actor: string | null = 'maintainer'): SimTimelineEvent => ({
      kind: 'renamed',
      id: id(),
      actor,
      createdAt: at(hour),
      previousTitle,
      currentTitle,
    }),
    transferred: (hour: Time, from: SimRef, actor: string | null = 'maintainer'): SimTimelineEvent => ({ kind: 'transferred', id: id(), actor, createdAt: at(hour), from }),
  };

  /** The fields of an issue closed at `hour`, with its `closed` event (state and timeline agree). */
  const closedIssue = (hour: Time, close: CloseOptions = {}): Pick<SimIssue, 'state' | 'stateReason' | 'closedAt' | 'updatedAt' | 'events'> => {
    const closed = event.closed(hour, close);
    return { state: 'CLOSED', stateReason: close.reason ?? 'COMPLETED', closedAt: at(hour), updatedAt: at(hour), events: [closed] };
  };

  /** An open issue opened at hour `number`, updated an hour later; `fields` say the rest. */
  const issue = (number: number, fields: Partial<SimIssue> = {}): SimIssue => ({
    number,
    id: fields.id ?? id(),
    title: `Request number ${number}`,
    body: `Body of request ${number}.`,
    author: 'alice',
    authorAssociation: 'NONE',
    labels: ['enhancement'],
    milestone: null,
    state: 'OPEN',
    stateReason: null,
    locked: false,
    createdAt: at(number),
    updatedAt: at(number + 1),
    closedAt: null,
    reactions: [],
    comments: [],
    events: [],
    ...fields,
  });

  /** An open Discussion in "ideas" opened at hour `number`, updated an hour later. */
  const discussion = (number: number, fields: Partial<SimDiscussion> = {}): SimDiscussion => ({
    number,
    id: fields.id ?? id(),
    title: `Idea number ${number}`,
    body: `An idea, ${number}.`,
    author: 'bob',
    authorAssociation: 'NONE',
    category: 'ideas',
    labels: [],
    closed: false,
    closedAt: null,
    stateReason: null,
    locked: false,
    createdAt: at(number),
    updatedAt: at(number + 1),
    upvoteCount: 0,
    reactions: [],
    comments: [],
    ...fields,
  });

  /** An open pull request opened at hour `number`. */
  const pullRequest = (number: number, fields: Partial<SimPullRequest> = {}): SimPullRequest => ({
    number,
    id: fields.id ?? id(),
    title: `Pull request ${number}`,
    author: 'carol',
    state: 'OPEN',
    createdAt: at(number),
    mergedAt: null,
    mergeCommit: null,
    closes: [],
    ...fields,
  });

  /** A pull request merged at `mergedHour` (opened five hours before) that closes `closes`. */
  const mergedPullRequest = (number: number, mergedHour: number, closes: readonly SimRef[], fields: Partial<SimPullRequest> = {}): SimPullRequest =>
    pullRequest(number, { state: 'MERGED', createdAt: at(mergedHour - 5), mergedAt: at(mergedHour), mergeCommit: commitOf(`pr${number}`), closes: [...closes], ...fields });

  /** A published release at `hour`. */
  const release = (tagName: string, hour: Time, fields: Partial<SimRelease> = {}): SimRelease => ({
    id: fields.id ?? id(),
    tagName,
    name: null,
    body: '',
    author: 'maintainer',
    isDraft: false,
    isPrerelease: false,
    createdAt: at(hour),
    publishedAt: at(hour),
    tagCommit: commitOf(tagName),
    ...fields,
  });

  const milestone = (number: number, title: string, fields: Partial<SimMilestone> = {}): SimMilestone => ({
    number,
    id: fields.id ?? id(),
    title,
    description: null,
    state: 'OPEN',
    dueOn: null,
    createdAt: at(1),
    updatedAt: at(1),
    closedAt: null,
    ...fields,
  });

  /** A public repository `owner/name` with the default labels, the "ideas" category and nothing in it. */
  const repository = (fullName: string, fields: Partial<SimRepository> = {}): SimRepository =>
    emptyRepository(fullName, { labels: [...DEFAULT_LABELS], discussionCategories: [IDEAS_CATEGORY], ...fields, id: fields.id ?? id() });

  return { at, id, users, votes, reaction, comment, memberComment, event, closedIssue, issue, discussion, pullRequest, mergedPullRequest, release, milestone, repository };
}

export type WorldBuilder = ReturnType<typeof createWorldBuilder>;

/** A public repository `owner/name` with nothing in it, no labels and no categories; `fields` say the rest. */
export function emptyRepository(fullName: string, { id, ...fields }: Partial<SimRepository> & Pick<SimRepository, 'id'>): SimRepository {
  const [owner, name, ...more] = fullName.split('/');
  if (owner === undefined || name === undefined || more.length > 0) throw new Error(`"${fullName}" is not owner/name.`);
  return {
    owner,
    name,
    id,
    description: null,
    isPrivate: false,
    defaultBranch: 'main',
    labels: [],
    milestones: [],
    discussionCategories: [],
    issues: [],
    discussions: [],
    pullRequests: [],
    releases: [],
    ...fields,
  };
}

/** A 40-hex commit SHA that stands for `name`, the same every time. */
export function commitOf(name: string): string {
  let hash = 2166136261;
  let hex = '';
  for (let round = 0; hex.length < 40; round++) {
    for (const char of `${name}#${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex.slice(0, 40);
}

/** `owner/name#number`, as `SimRef`. */
export function ref(repository: string, number: number): SimRef {
  return { repository, number };
}
