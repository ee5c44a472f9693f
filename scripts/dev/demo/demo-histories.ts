/**
 * Histories real projects have and a tidy demo does not: requests reopened after they shipped and
 * shipped again later, closed as not planned and then done after all, closed in a milestone long
 * after its release, moved from one milestone to a later one, status labels left on closed issues,
 * added after the close or piled up, titles edited, issues transferred from one listed repository to another, and a
 * duplicate reopened because it was not one. Planted into an existing demo world, after its own
 * items, so the rest of the world stays as it was.
 */
import type {
  SimComment,
  SimIssue,
  SimPullRequest,
  SimReaction,
  SimRepository,
  SimTimelineEvent,
  SimWorld,
} from '../github-simulator/store-types.ts';
import { DAY, HOUR, MINUTE, NOW, iso } from './clock.ts';
import { DOCS_REPOSITORY, MAINTAINERS, MAIN_REPOSITORY, RELEASES, type ReleaseSchedule } from './demo-project.ts';
import type { Ref, ShippedRequest } from './ground-truth.ts';
import { LABEL } from './labels.ts';
import type { Random } from './random.ts';

/** What a planted history is, so tests can say which kind of history broke. */
export type HistoryKind =
  | 'reshipped-after-reopen'
  | 'not-planned-then-completed'
  | 'reopened-after-shipping'
  | 'closed-in-milestone-after-release'
  | 'milestone-moved'
  | 'milestone-moved-still-open'
  | 'status-label-left-on-closed'
  | 'several-status-labels'
  | 'status-label-added-after-close'
  | 'renamed'
  | 'transferred'
  | 'duplicate-reopened';

export interface PlantedHistory {
  kind: HistoryKind;
  ref: Ref;
  /** The release the request ships in, by the data; null when it has not shipped. */
  shippedIn: ShippedRequest | null;
}

const STABLE = RELEASES.filter((release) => !release.prerelease);

function highest(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) max = Math.max(max, value);
  return max;
}

function sequence(start: number): () => number {
  let current = start;
  return () => (current += 1);
}

/** A mutable issue under construction: events are applied in order, the final fields follow from them. */
interface Draft {
  issue: SimIssue;
  at: number;
}

export function plantHistories(random: Random, world: SimWorld): PlantedHistory[] {
  const repository = (fullName: string): SimRepository => {
    const found = world.repositories.find((candidate) => `${candidate.owner}/${candidate.name}` === fullName);
    if (found === undefined) throw new Error(`the world has no ${fullName}`);
    return found;
  };
  const main = repository(MAIN_REPOSITORY);
  const docs = repository(DOCS_REPOSITORY);
  const all = world.repositories;
  const issues = all.flatMap((candidate) => candidate.issues);
  const ids = {
    issue: sequence(highest(issues.map((issue) => issue.id))),
    event: sequence(highest(issues.flatMap((issue) => issue.events.map((event) => event.id)))),
    comment: sequence(
      highest(all.flatMap((candidate) => [...candidate.issues, ...candidate.discussions].flatMap((item) => item.comments.map((comment) => comment.id)))),
    ),
    pull: sequence(highest(all.flatMap((candidate) => candidate.pullRequests.map((pull) => pull.id)))),
  };
  const numbers = new Map<SimRepository, () => number>(
    [main, docs].map((candidate) => [
      candidate,
      sequence(highest([...candidate.issues, ...candidate.discussions, ...candidate.pullRequests].map((item) => item.number))),
    ]),
  );
  const nextNumber = (target: SimRepository): number => (numbers.get(target) as () => number)();
  const maintainers = MAINTAINERS.map(([login]) => login);
  const maintainerSet = new Set<string>(maintainers);
  const people = Object.values(world.users)
    .filter((user) => user.type === 'User' && !maintainerSet.has(user.login))
    .map((user) => user.login)
    .sort();
  const milestoneNumber = (title: string): number => {
    const found = main.milestones.find((milestone) => milestone.title === title);
    if (found === undefined) throw new Error(`no milestone "${title}"`);
    return found.number;
  };

  const planted: PlantedHistory[] = [];
  const maintainer = (): string => random.pick(maintainers);

  function start(target: SimRepository, title: string, createdAt: number): Draft {
    const author = random.pick(people);
    const at = Math.floor(createdAt / 1000) * 1000;
    const issue: SimIssue = {
      number: nextNumber(target),
      id: ids.issue(),
      title,
      body: `${title}.\n\nIt would help a lot in real projects; happy to test a preview build.`,
      author,
      authorAssociation: 'NONE',
      labels: [],
      milestone: null,
      state: 'OPEN',
      stateReason: null,
      locked: false,
      createdAt: iso(at),
      updatedAt: iso(at),
      closedAt: null,
      reactions: [],
      comments: [],
      events: [],
    };
    const draft = { issue, at };
    event(draft, at, { kind: 'labeled', label: LABEL.enhancement }, author);
    return draft;
  }

  type EventBody = SimTimelineEvent extends infer E ? (E extends SimTimelineEvent ? Omit<E, 'id' | 'actor' | 'createdAt'> : never) : never;

  /** Applies one timeline event, keeping the issue's fields as GitHub would after it. */
  function event(draft: Draft, time: number, body: EventBody, actor: string = maintainer()): void {
    const at = Math.max(draft.at, Math.floor(time / 1000) * 1000);
    draft.at = at;
    const { issue } = draft;
    issue.events.push({ ...body, id: ids.event(), actor, createdAt: iso(at) } as SimTimelineEvent);
    switch (body.kind) {
      case 'labeled':
        issue.labels.push(body.label);
        break;
      case 'unlabeled':
        issue.labels = issue.labels.filter((label) => label !== body.label);
        break;
      case 'closed':
        issue.state = 'CLOSED';
        issue.stateReason = body.stateReason;
        issue.closedAt = iso(at);
        break;
      case 'reopened':
        issue.state = 'OPEN';
        issue.stateReason = 'REOPENED';
        issue.closedAt = null;
        break;
      case 'renamed':
        issue.title = body.currentTitle;
        break;
      case 'milestoned':
        issue.milestone = milestoneNumber(body.milestoneTitle);
        break;
      case 'demilestoned':
        issue.milestone = null;
        break;
      default:
        break;
    }
    issue.updatedAt = iso(at);
  }

  function comment(draft: Draft, time: number, author: string, body: string): void {
    const at = Math.max(draft.at, Math.floor(time / 1000) * 1000);
    draft.at = at;
    const entry: SimComment = {
      id: ids.comment(),
      author,
      authorAssociation: maintainerSet.has(author) ? (MAINTAINERS.find(([login]) => login === author)?.[1] ?? 'MEMBER') : 'NONE',
      body,
      createdAt: iso(at),
      updatedAt: iso(at),
      isMinimized: false,
      minimizedReason: null,
      reactions: [],
    };
    draft.issue.comments.push(entry);
    draft.issue.updatedAt = iso(at);
  }

  /** A pull request merged at `time` that closes the issue, and the close it causes. */
  function closeByPull(draft: Draft, time: number, title: string): void {
    const at = Math.max(draft.at + MINUTE, Math.floor(time / 1000) * 1000);
    const ref = { repository: MAIN_REPOSITORY, number: draft.issue.number };
    const pull: SimPullRequest = {
      number: nextNumber(main),
      id: ids.pull(),
      title,
      author: maintainer(),
      state: 'MERGED',
      createdAt: iso(at - random.between(HOUR, 5 * DAY)),
      mergedAt: iso(at),
      mergeCommit: random.hex(40),
      closes: [ref],
    };
    main.pullRequests.push(pull);
    event(draft, at, { kind: 'closed', stateReason: 'COMPLETED', closer: { repository: MAIN_REPOSITORY, number: pull.number } });
  }

  /** Votes from people who were around between the issue's creation and now. */
  function vote(draft: Draft, count: number): void {
    const created = Date.parse(draft.issue.createdAt);
    const voters = random.sample(
      people.filter((login) => login !== draft.issue.author),
      count,
    );
    draft.issue.reactions = voters
      .map((login): SimReaction => ({
        content: random.chance(0.8) ? 'THUMBS_UP' : 'HEART',
        user: login,
        createdAt: iso(created + random.between(HOUR, NOW - created - HOUR)),
      }))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  function finish(kind: HistoryKind, target: SimRepository, draft: Draft, release: ReleaseSchedule | null, via: ShippedRequest['via'] = 'pull-request'): void {
    vote(draft, random.int(2, 14));
    target.issues.push(draft.issue);
    const ref = { repository: `${target.owner}/${target.name}`, number: draft.issue.number };
    planted.push({ kind, ref, shippedIn: release === null ? null : { ref, release: release.tag, via } });
  }

  const release = (index: number): ReleaseSchedule => STABLE[index] as ReleaseSchedule;
  const published = (index: number): number => release(index).publishedAt;
  /** A moment strictly between two times, away from both ends. */
  const between = (from: number, to: number): number => random.between(from + (to - from) * 0.2, from + (to - from) * 0.8);

  // Shipped, reopened (it did not work), fixed again by another pull request after a later release.
  {
    const first = random.int(1, 3);
    const last = random.int(first + 2, STABLE.length - 1);
    const draft = start(main, 'Watch mode should pick up new files in content folders', published(first - 1) + random.between(DAY, 10 * DAY));
    closeByPull(draft, between(draft.at, published(first)), 'Watch new files in content folders');
    event(draft, between(published(first), published(first + 1)), { kind: 'reopened' }, draft.issue.author ?? maintainer());
    comment(draft, draft.at + HOUR, maintainer(), 'Reopening: new folders are still missed on Linux.');
    closeByPull(draft, between(published(last - 1), published(last)), 'Watch new content folders with inotify too');
    finish('reshipped-after-reopen', main, draft, release(last));
  }
  // Closed as not planned, reopened after more people asked, then done.
  {
    const index = random.int(2, STABLE.length - 1);
    const draft = start(main, 'Per-page output formats', published(0) + random.between(DAY, 20 * DAY));
    event(draft, between(draft.at, published(index - 1)), { kind: 'closed', stateReason: 'NOT_PLANNED', closer: null });
    comment(draft, draft.at + HOUR, maintainer(), 'Not something we plan to support in core for now.');
    event(draft, between(draft.at, published(index - 1)), { kind: 'reopened' });
    closeByPull(draft, between(published(index - 1), published(index)), 'Output formats per page');
    finish('not-planned-then-completed', main, draft, release(index));
  }
  // Shipped, then reopened because it regressed, and still open.
  {
    const index = random.int(1, STABLE.length - 2);
    const draft = start(main, 'Keep scroll position on live reload', published(index - 1) + random.between(DAY, 10 * DAY));
    closeByPull(draft, between(draft.at, published(index)), 'Restore scroll position after live reload');
    event(draft, between(published(index), NOW - 2 * DAY), { kind: 'reopened' }, draft.issue.author ?? maintainer());
    comment(draft, draft.at + HOUR, maintainer(), 'This regressed; reopening until we have a test for it.');
    finish('reopened-after-shipping', main, draft, null);
  }
  // In the milestone of a release, but closed long after that release was published.
  {
    const index = random.int(1, STABLE.length - 3);
    const draft = start(main, 'Sitemap entries for paginated lists', published(index - 1) + random.between(DAY, 10 * DAY));
    event(draft, between(draft.at, published(index)), { kind: 'milestoned', milestoneTitle: release(index).tag });
    event(draft, published(index + 1) + random.between(10 * DAY, 40 * DAY), { kind: 'closed', stateReason: 'COMPLETED', closer: null });
    finish('closed-in-milestone-after-release', main, draft, null);
  }
  // Planned for one release, moved to the next while open, and closed in time for it.
  {
    const index = random.int(1, STABLE.length - 2);
    const draft = start(main, 'Configurable permalink patterns per collection', published(index - 1) + random.between(DAY, 10 * DAY));
    event(draft, between(draft.at, published(index)), { kind: 'milestoned', milestoneTitle: release(index).tag });
    const moved = between(draft.at, published(index));
    event(draft, moved, { kind: 'demilestoned', milestoneTitle: release(index).tag });
    event(draft, moved, { kind: 'milestoned', milestoneTitle: release(index + 1).tag });
    event(draft, between(published(index), published(index + 1)), { kind: 'closed', stateReason: 'COMPLETED', closer: null });
    finish('milestone-moved', main, draft, release(index + 1), 'milestone');
  }
  // Planned for a release, moved to an upcoming one, still open.
  {
    const index = STABLE.length - 1;
    const draft = start(main, 'Build hooks written in TypeScript', published(index - 1) + random.between(DAY, 10 * DAY));
    event(draft, between(draft.at, published(index)), { kind: 'milestoned', milestoneTitle: release(index).tag });
    const moved = between(draft.at, published(index));
    event(draft, moved, { kind: 'demilestoned', milestoneTitle: release(index).tag });
    event(draft, moved, { kind: 'milestoned', milestoneTitle: 'v1.8.0' });
    finish('milestone-moved-still-open', main, draft, null);
  }
  // Closed by a merged pull request with its "in progress" label left on.
  {
    const index = random.int(1, STABLE.length - 1);
    const draft = start(main, 'Draft pages visible only in dev mode', published(index - 1) + random.between(DAY, 10 * DAY));
    event(draft, between(draft.at, published(index)), { kind: 'labeled', label: LABEL.inProgress });
    closeByPull(draft, between(draft.at, published(index)), 'Hide draft pages from production builds');
    finish('status-label-left-on-closed', main, draft, release(index));
  }
  // Several status labels at once: the last one added is the maintainers' latest word.
  {
    const draft = start(main, 'Incremental image processing cache', NOW - random.between(120 * DAY, 200 * DAY));
    const labels = random.shuffle([LABEL.planned, LABEL.inProgress, LABEL.underReview]).slice(0, random.int(2, 3));
    for (const label of labels) event(draft, draft.at + random.between(HOUR, 20 * DAY), { kind: 'labeled', label });
    finish('several-status-labels', main, draft, null);
  }
  // Two status labels added in the same second: the furthest along counts.
  {
    const draft = start(main, 'Parallel page rendering', NOW - random.between(120 * DAY, 200 * DAY));
    const at = draft.at + random.between(HOUR, 20 * DAY);
    for (const label of random.shuffle([LABEL.planned, LABEL.inProgress])) event(draft, at, { kind: 'labeled', label });
    finish('several-status-labels', main, draft, null);
  }
  // Renamed, once or twice, by its author or a maintainer.
  {
    const draft = start(main, 'rss', NOW - random.between(100 * DAY, 300 * DAY));
    const titles = ['RSS feed', 'RSS and Atom feeds for every collection'].slice(0, random.int(1, 2));
    let previous = draft.issue.title;
    for (const title of titles) {
      event(draft, draft.at + random.between(HOUR, 10 * DAY), { kind: 'renamed', previousTitle: previous, currentTitle: title });
      previous = title;
    }
    finish('renamed', main, draft, null);
  }
  // Opened in the docs repository, transferred to the main one (both are listed sources).
  {
    const oldNumber = nextNumber(docs);
    const draft = start(main, 'Versioned documentation for each major release', NOW - random.between(100 * DAY, 300 * DAY));
    event(draft, draft.at + random.between(HOUR, 20 * DAY), { kind: 'transferred', from: { repository: DOCS_REPOSITORY, number: oldNumber } });
    finish('transferred', main, draft, null);
  }
  // Closed as a duplicate, then reopened: it was not one, whatever the label and comment still say.
  {
    const original = main.issues.find((candidate) => candidate.labels.includes(LABEL.enhancement) && candidate.state === 'OPEN' && candidate.events.every((entry) => entry.kind !== 'marked_as_duplicate'));
    if (original === undefined) throw new Error('the demo world has no open request to mistake for an original');
    const draft = start(main, 'Partial rebuilds when only data files change', NOW - random.between(60 * DAY, 200 * DAY));
    const marked = draft.at + random.between(HOUR, 10 * DAY);
    const who = maintainer();
    comment(draft, marked, who, `Duplicate of #${original.number}`);
    event(draft, marked, { kind: 'labeled', label: LABEL.duplicate }, who);
    event(draft, marked, { kind: 'marked_as_duplicate', canonical: { repository: MAIN_REPOSITORY, number: original.number } }, who);
    event(draft, marked + MINUTE, { kind: 'closed', stateReason: 'DUPLICATE', closer: null }, who);
    event(draft, marked + random.between(DAY, 20 * DAY), { kind: 'reopened' });
    comment(draft, draft.at + HOUR, maintainer(), 'Sorry, not the same thing after all: this one is about data files.');
    finish('duplicate-reopened', main, draft, null);
  }

  // Planned, then closed as not planned with the label left on: declined, whatever the label says.
  {
    const draft = start(main, 'Built-in comment system for posts', NOW - random.between(120 * DAY, 200 * DAY));
    event(draft, draft.at + random.between(HOUR, 10 * DAY), { kind: 'labeled', label: LABEL.planned });
    event(draft, draft.at + random.between(DAY, 30 * DAY), { kind: 'closed', stateReason: 'NOT_PLANNED', closer: null });
    finish('status-label-left-on-closed', main, draft, null);
  }
  // Closed as completed by mistake, then labelled "declined" after the close: the maintainers' word.
  {
    const draft = start(main, 'Server-side rendering of search results', NOW - random.between(120 * DAY, 200 * DAY));
    event(draft, draft.at + random.between(HOUR, 10 * DAY), { kind: 'labeled', label: LABEL.inProgress });
    event(draft, draft.at + random.between(DAY, 30 * DAY), { kind: 'closed', stateReason: 'COMPLETED', closer: null });
    event(draft, draft.at + random.between(MINUTE, 2 * DAY), { kind: 'labeled', label: LABEL.declined });
    finish('status-label-added-after-close', main, draft, null);
  }

  for (const target of [main, docs]) {
    target.issues.sort((a, b) => a.number - b.number);
    target.pullRequests.sort((a, b) => a.number - b.number);
  }
  return planted;
}
