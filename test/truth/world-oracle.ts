/**
 * What the roadmap must say about a GitHub world, worked out from the world's raw data by the
 * documented rules (README, docs/true-demand.md) alone: which items are requests, their
 * duplicates, the people behind them, their status, and the release that shipped them. Written
 * apart from `src/model` on purpose, and simpler than it: it only has to be right, not fast.
 */
import type { SimDiscussion, SimIssue, SimRelease, SimRepository, SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import type { RoadmapConfig } from '../../src/config/index.ts';
import { STATUS_IDS, type StatusId } from '../../src/config/status-ids.ts';

export type OracleConfig = Pick<RoadmapConfig, 'sources' | 'statuses' | 'duplicates' | 'votes' | 'exclude'> & Partial<Pick<RoadmapConfig, 'project'>>;

interface OracleItem {
  key: string;
  repository: string;
  number: number;
  type: 'issue' | 'discussion';
  raw: SimIssue | SimDiscussion;
}

export interface ExpectedRequest {
  key: string;
  title: string;
  /** Keys of the items folded into it. */
  duplicates: string[];
  /** Lower-cased logins of the people who count. */
  voters: string[];
  /** Discussion upvoters there must be beyond them. */
  anonymous: number;
  status: StatusId;
  /** Tag of the release that shipped it, or null. */
  release: string | null;
}

export const keyOf = (repository: string, number: number): string => `${repository.toLowerCase()}#${number}`;

const MAINTAINER_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
const LAST = '\uffff';

// References, as GitHub links them: a link to an issue or Discussion on any host, `owner/name#12`,
// or `#12`, outside code and HTML comments.
const LINK = String.raw`https?:\/\/[^\s/<>()]+\/([\w-]+)\/([\w.-]+)\/(?:issues|discussions)\/(\d+)(?![\w/])`;
const CROSS = String.raw`(?<![\w/.-])([\w-]+)\/([\w.-]+)#(\d+)\b`;
const SHORT = String.raw`(?<![\w/&#])#(\d+)\b`;
const REFERENCE = `(?:${LINK}|${CROSS}|${SHORT})`;

function withoutCode(markdown: string): string {
  let text = markdown.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  // Fenced blocks, line by line, then inline code spans.
  const lines = text.split('\n');
  let fence: string | null = null;
  text = lines
    .map((line) => {
      const opener = /^[ \t]*(`{3,}|~{3,})/.exec(line)?.[1] ?? null;
      if (fence === null && opener !== null) {
        fence = opener;
        return '';
      }
      if (fence !== null) {
        if (opener !== null && opener[0] === fence[0] && opener.length >= fence.length) fence = null;
        return '';
      }
      return line;
    })
    .join('\n');
  return text.replace(/`+[^`\n]+`+/g, ' ');
}

function refFrom(match: RegExpExecArray, repository: string): { repository: string; number: number } | null {
  const [, linkOwner, linkName, linkNumber, crossOwner, crossName, crossNumber, shortNumber] = match;
  const [owner, name, number] =
    linkNumber !== undefined ? [linkOwner, linkName, linkNumber] : crossNumber !== undefined ? [crossOwner, crossName, crossNumber] : [null, null, shortNumber];
  const value = Number(number);
  if (!Number.isSafeInteger(value) || value <= 0) return null;
  return { repository: owner === null ? repository : `${owner}/${name}`, number: value };
}

function references(markdown: string, repository: string): string[] {
  return [...withoutCode(markdown).matchAll(new RegExp(REFERENCE, 'g'))].flatMap((match) => {
    const ref = refFrom(match, repository);
    return ref === null ? [] : [keyOf(ref.repository, ref.number)];
  });
}

function duplicateOf(markdown: string, repository: string): string | null {
  const match = new RegExp(String.raw`\bduplicate\s+of\s*:?\s*(?:(?:the\s+)?(?:issue|discussion)\s+)?${REFERENCE}`, 'i').exec(withoutCode(markdown));
  const ref = match === null ? null : refFrom(match, repository);
  return ref === null ? null : keyOf(ref.repository, ref.number);
}

/** Release notes' "Closes #12", "Fixes owner/repo#3", "Ships #4, #5 and #6". */
function closingReferences(markdown: string, repository: string): string[] {
  const text = withoutCode(markdown);
  const found: string[] = [];
  for (const keyword of text.matchAll(/\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|ship(?:s|ped)?)\b:?[ \t]+/gi)) {
    let rest = text.slice((keyword.index ?? 0) + keyword[0].length);
    for (;;) {
      const match = new RegExp(`^${REFERENCE}`).exec(rest);
      const ref = match === null ? null : refFrom(match, repository);
      if (match === null) break;
      if (ref !== null) found.push(keyOf(ref.repository, ref.number));
      rest = rest.slice(match[0].length);
      const separator = /^\s*(?:,|\band\b|&)\s*/i.exec(rest);
      if (separator === null) break;
      rest = rest.slice(separator[0].length);
    }
  }
  return found;
}

/** The world, seen through the configuration: what a careful person would publish and count. */
export function expectedRequests(world: SimWorld, config: OracleConfig): Map<string, ExpectedRequest> {
  const fullName = (repository: SimRepository): string => `${repository.owner}/${repository.name}`;
  const lower = (values: readonly string[]): Set<string> => new Set(values.map((value) => value.toLowerCase()));
  const excludedUsers = lower(config.exclude.users);
  const excludedLabels = lower(config.exclude.labels);
  const isBot = (login: string): boolean => login.toLowerCase().endsWith('[bot]') || world.users[login]?.type === 'Bot';
  const excluded = (login: string | null): boolean =>
    login !== null && ((config.exclude.bots && isBot(login)) || excludedUsers.has(login.toLowerCase()));

  // 1. The items that are published: configured, visible repositories; the source's labels and
  //    categories; no excluded label or author; still there when the details were asked for.
  const items = new Map<string, OracleItem>();
  const repositories = new Map<string, SimRepository>();
  for (const repository of world.repositories) {
    const source = config.sources.find((candidate) => candidate.repo.toLowerCase() === fullName(repository).toLowerCase());
    if (source === undefined || (repository.isPrivate && !source.allowPrivate)) continue;
    repositories.set(fullName(repository).toLowerCase(), repository);
    const keep = (raw: SimIssue | SimDiscussion, type: 'issue' | 'discussion'): void => {
      if (raw.labels.some((label) => excludedLabels.has(label.toLowerCase())) || excluded(raw.author)) return;
      items.set(keyOf(fullName(repository), raw.number), { key: keyOf(fullName(repository), raw.number), repository: fullName(repository), number: raw.number, type, raw });
    };
    if (source.issues !== false) {
      const wanted = lower(source.issues.labels);
      for (const issue of repository.issues) {
        if (issue.deletedAfterListing === true) continue;
        if (wanted.size === 0 || issue.labels.some((label) => wanted.has(label.toLowerCase()))) keep(issue, 'issue');
      }
    }
    if (source.discussions !== false) {
      const wanted = lower(source.discussions.categories);
      for (const discussion of repository.discussions) {
        const category = repository.discussionCategories.find((candidate) => candidate.slug === discussion.category);
        if (wanted.size === 0 || wanted.has(discussion.category.toLowerCase()) || wanted.has(category?.name.toLowerCase() ?? '')) keep(discussion, 'discussion');
      }
    }
  }

  // 2. What each item says about being a duplicate: the strongest signal made after its last reopening.
  const claims = new Map<string, string>();
  for (const item of items.values()) {
    const target = duplicateClaim(item, config, excluded);
    if (target !== null && target !== item.key && items.has(target)) claims.set(item.key, target);
  }
  // 3. Cycles lose the claim of their oldest member.
  const older = (a: string, b: string): boolean => {
    const [left, right] = [items.get(a)?.raw.createdAt ?? '', items.get(b)?.raw.createdAt ?? ''];
    return left !== right ? left < right : a < b;
  };
  for (const start of [...claims.keys()].sort()) {
    const path: string[] = [];
    for (let key: string | undefined = start; key !== undefined && !path.includes(key); key = claims.get(key)) path.push(key);
    const last = path.at(-1) as string;
    const loopsTo = claims.get(last);
    if (loopsTo === undefined) continue;
    const cycle = path.slice(path.indexOf(loopsTo));
    claims.delete(cycle.reduce((oldest, member) => (older(member, oldest) ? member : oldest)));
  }
  const canonicalOf = (key: string): string => {
    let current = key;
    for (let next = claims.get(current); next !== undefined; next = claims.get(current)) current = next;
    return current;
  };
  const groups = new Map<string, OracleItem[]>();
  for (const item of items.values()) {
    const root = canonicalOf(item.key);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  }

  // 4. Each canonical request: people, status, release.
  const releaseNotes = [...repositories.values()].flatMap((repository) =>
    repository.releases.filter((release) => !release.isDraft && release.publishedAt !== null).map((release) => ({ repository: fullName(repository), release })),
  );
  const projectOptions = projectStatusOptions(world, config);
  const expected = new Map<string, ExpectedRequest>();
  for (const [root, group] of groups) {
    const canonical = items.get(root) as OracleItem;
    // The project's word: the canonical item's option, else a duplicate's; counts on a closed item only when it closes it.
    const option = [canonical, ...group.filter((item) => item.key !== root)].map((item) => projectOptions.get(item.key)).find((value) => value !== undefined);
    const fromProject = option === undefined ? undefined : Object.entries(config.project?.status?.options ?? {}).find(([name]) => name.toLowerCase() === option.toLowerCase())?.[1];
    const byRules = statusOf(canonical, config);
    const closed = 'state' in canonical.raw ? canonical.raw.state === 'CLOSED' : canonical.raw.closed;
    const { people, anonymous } = countVoters(group, config, excluded);
    expected.set(root, {
      key: root,
      title: canonical.raw.title,
      duplicates: group.filter((item) => item.key !== root).map((item) => item.key).sort(),
      voters: [...people].sort(),
      anonymous,
      status: fromProject !== undefined && (!closed || fromProject === 'shipped' || fromProject === 'declined') ? fromProject : byRules,
      release: shippingRelease(canonical, group, repositories, releaseNotes),
    });
  }
  return expected;
}

/** The original an item claims to duplicate (its key), or null when no signal still stands. */
function duplicateClaim(item: OracleItem, config: OracleConfig, excluded: (login: string | null) => boolean): string | null {
  const raw = item.raw;
  const events = 'events' in raw ? raw.events : [];
  const comments = raw.comments
    .filter((comment) => !comment.isMinimized && MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation) && !excluded(comment.author))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const closed = 'state' in raw ? raw.state === 'CLOSED' : raw.closed;
  const reopenedAt =
    events.filter((event) => event.kind === 'reopened').at(-1)?.createdAt ??
    (!closed && raw.stateReason === 'REOPENED' ? LAST : null);
  const standing = (at: string): boolean => reopenedAt === null || at > reopenedAt;

  // The original the item names: "Duplicate of" in a maintainer's comment (newest first), then in
  // the body; failing that, the first reference there. Never the item itself.
  const phrased = comments.flatMap((comment) => {
    const target = duplicateOf(comment.body, item.repository);
    return target === null ? [] : [{ target, at: comment.createdAt }];
  });
  const other = (target: string): boolean => target !== item.key;
  const bodyPhrase = duplicateOf(raw.body, item.repository);
  const named =
    phrased.find((entry) => other(entry.target)) ??
    (bodyPhrase !== null && other(bodyPhrase) ? { target: bodyPhrase, at: raw.createdAt } : undefined) ??
    comments.flatMap((comment) => references(comment.body, item.repository).filter(other).slice(0, 1).map((target) => ({ target, at: comment.createdAt })))[0] ??
    references(raw.body, item.repository).filter(other).slice(0, 1).map((target) => ({ target, at: raw.createdAt }))[0] ??
    null;

  const signals: Array<{ target: string | null; at: string }> = [];
  // GitHub's marking, unless a later unmarking for the same original undid it.
  const marks = new Map<string, string>();
  for (const event of events) {
    if (event.kind === 'marked_as_duplicate') {
      const key = keyOf(event.canonical.repository, event.canonical.number);
      marks.delete(key);
      marks.set(key, event.createdAt);
    } else if (event.kind === 'unmarked_as_duplicate') {
      marks.delete(keyOf(event.canonical.repository, event.canonical.number));
    }
  }
  const mark = [...marks].at(-1);
  if (mark !== undefined) signals.push({ target: mark[0], at: mark[1] });
  if (closed && raw.stateReason === 'DUPLICATE') {
    const at = events.filter((event) => event.kind === 'closed' && event.stateReason === 'DUPLICATE').at(-1)?.createdAt ?? raw.closedAt ?? raw.updatedAt;
    signals.push({ target: mark?.[0] ?? named?.target ?? null, at });
  }
  const label = config.duplicates.label.toLowerCase();
  if (raw.labels.some((name) => name.toLowerCase() === label)) {
    const labeledAt =
      events.filter((event) => event.kind === 'labeled' && event.label.toLowerCase() === label).at(-1)?.createdAt ??
      (item.type === 'issue' ? '' : raw.createdAt);
    signals.push({ target: named?.target ?? null, at: named !== null && named.at > labeledAt ? named.at : labeledAt });
  }
  const phrase = phrased.find((entry) => other(entry.target)) ?? phrased[0];
  if (phrase !== undefined) signals.push(phrase);
  return signals.find((signal) => standing(signal.at))?.target ?? null;
}

function countVoters(
  group: readonly OracleItem[],
  config: OracleConfig,
  excluded: (login: string | null) => boolean,
): { people: Set<string>; anonymous: number } {
  const counted = new Set<string>(config.votes.reactions);
  const people = new Set<string>();
  let upvotes = 0;
  for (const { raw } of group) {
    // Every counted reaction of a living, human, non-excluded account; an author's own too.
    for (const reaction of raw.reactions) {
      if (reaction.user !== null && counted.has(reaction.content) && !excluded(reaction.user)) people.add(reaction.user.toLowerCase());
    }
    if (config.votes.countAuthor && raw.author !== null && !excluded(raw.author)) people.add(raw.author.toLowerCase());
    // GitHub gives a Discussion's upvotes only as a number, the author's own upvote included: an
    // upvote is a vote whoever gives it, so nothing is taken off; the named people cover it first.
    if ('upvoteCount' in raw) upvotes = Math.max(upvotes, raw.upvoteCount);
  }
  return { people, anonymous: Math.max(0, upvotes - people.size) };
}

/** The Status option of each issue in the configured project (live, not archived), by item key. */
function projectStatusOptions(world: SimWorld, config: OracleConfig): Map<string, string> {
  const options = new Map<string, string>();
  const project = config.project;
  const field = project?.status?.field;
  if (!project || field === undefined) return options;
  const owner = (project.organization ?? project.user ?? '').toLowerCase();
  const found = world.projects?.find((candidate) => candidate.owner.toLowerCase() === owner && candidate.number === project.number);
  for (const item of found?.items ?? []) {
    const value = item.values[field];
    if (item.isArchived || item.content.type !== 'Issue' || typeof value !== 'string') continue;
    options.set(keyOf(item.content.repository, item.content.number), value);
  }
  return options;
}

function statusOf(item: OracleItem, config: OracleConfig): StatusId {
  const raw = item.raw;
  const byLabel = new Map(Object.entries(config.statuses.labels).map(([label, status]) => [label.toLowerCase(), status]));
  const events = 'events' in raw ? raw.events : [];
  const closed = 'state' in raw ? raw.state === 'CLOSED' : raw.closed;
  // Closed: a status label counts only if added at or after the last close (Discussions have no
  // events, so never). The last close is the last close or reopen, if it is a close.
  const lastCloseOrReopen = events.filter((event) => event.kind === 'closed' || event.kind === 'reopened').at(-1);
  const lastClosedAt = lastCloseOrReopen?.kind === 'closed' ? lastCloseOrReopen.createdAt : null;
  // Several status labels: the one added last; added in the same second, the furthest along.
  const candidates = raw.labels.flatMap((label) => {
    const status = byLabel.get(label.toLowerCase());
    if (status === undefined) return [];
    const at = events.filter((event) => event.kind === 'labeled' && event.label.toLowerCase() === label.toLowerCase()).at(-1)?.createdAt ?? '';
    if (closed && (lastClosedAt === null || at === '' || at < lastClosedAt)) return [];
    return [{ status, at }];
  });
  candidates.sort((a, b) => b.at.localeCompare(a.at) || STATUS_IDS.indexOf(b.status) - STATUS_IDS.indexOf(a.status));
  if (candidates[0] !== undefined) return candidates[0].status;
  if (closed) return ['NOT_PLANNED', 'OUTDATED', 'DUPLICATE'].includes(raw.stateReason ?? '') ? config.statuses.closed.notPlanned : config.statuses.closed.completed;
  if ('milestone' in raw && raw.milestone !== null && config.statuses.milestone !== null) return config.statuses.milestone;
  return config.statuses.open;
}

const version = (name: string): string => name.trim().toLowerCase().replace(/^v(?=\d)/, '');

/**
 * The first published release that contains the change that finally closed the request as
 * completed — its last close: by a pull request merged in that release's repository before it was
 * published, or in the milestone of the request's repository named like the release, or named by
 * the release notes — provided it was closed when that release was published. Open (reopened, or
 * never closed) means not shipped; so does a close after the release, however close.
 */
function shippingRelease(
  item: OracleItem,
  group: readonly OracleItem[],
  repositories: ReadonlyMap<string, SimRepository>,
  notes: ReadonlyArray<{ repository: string; release: SimRelease }>,
): string | null {
  const raw = item.raw;
  if (!('events' in raw)) return null;
  if (raw.state !== 'CLOSED' || raw.closedAt === null) return null;
  const lastClose = raw.events.filter((event) => event.kind === 'closed').at(-1);
  if (lastClose?.kind !== 'closed' || lastClose.stateReason !== 'COMPLETED') return null;
  const closedAt = lastClose.createdAt;
  // The change lands where its pull request was merged: a docs issue fixed in the main
  // repository ships with the main repository's release.
  const closer = lastClose.closer;
  const mergedAt =
    closer === null ? null : (repositories.get(closer.repository.toLowerCase())?.pullRequests.find((pull) => pull.number === closer.number)?.mergedAt ?? null);
  const milestone = raw.milestone === null ? null : (repositories.get(item.repository.toLowerCase())?.milestones.find((candidate) => candidate.number === raw.milestone)?.title ?? null);
  const groupKeys = new Set(group.map((member) => member.key));
  const releases = [...notes].sort(
    (a, b) => (a.release.publishedAt ?? '').localeCompare(b.release.publishedAt ?? '') || a.release.tagName.localeCompare(b.release.tagName),
  );
  for (const { repository, release } of releases) {
    const published = release.publishedAt as string;
    if (closedAt > published) continue;
    const sameAs = (name: string): boolean => name.toLowerCase() === repository.toLowerCase();
    const byPull = closer !== null && mergedAt !== null && sameAs(closer.repository) && mergedAt <= published;
    const byMilestone =
      milestone !== null && sameAs(item.repository) && (version(milestone) === version(release.tagName) || (release.name !== null && version(milestone) === version(release.name)));
    const byNotes = closingReferences(release.body, repository).some((key) => groupKeys.has(key));
    if (byPull || byMilestone || byNotes) return release.tagName;
  }
  return null;
}
