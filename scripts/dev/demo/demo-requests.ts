import { DAY, HOUR, NOW, at, growingTime, timeBetween } from './clock.ts';
import type { DuplicateExpression, PullPlan, RequestPlan } from './demo-plan.ts';
import {
  DOCS_REPOSITORY,
  MAIN_REPOSITORY,
  PRIVATE_REPOSITORY,
  PROJECT_START,
  RELEASES,
  type ReleaseSchedule,
} from './demo-project.ts';
import { DOCS_IDEAS, DOCS_REQUEST_IN_MAIN_REPOSITORY } from './docs-ideas.ts';
import { FAMILY_IDEAS } from './feature-idea-families.ts';
import { HANDWRITTEN_IDEAS, type FeatureIdea } from './feature-ideas.ts';
import type { DuplicateHow } from './ground-truth.ts';
import { lowerFirst, rephraseTitle } from './markdown-bodies.ts';
import { PARAPHRASES, type Paraphrase } from './paraphrases.ts';
import type { Cast, Person } from './people.ts';
import { must, type Random } from './random.ts';
import type { SlotRegistry } from './slots.ts';
import { drawVoteCount, recentBurst } from './votes.ts';

/**
 * Plans every request of the demo: ~280 enhancement issues and ~60 `ideas` Discussions in
 * lumen-dev/lumen, ~20 requests in lumen-dev/lumen-docs, who asked, how popular they are, what
 * happened to them, and every kind of duplicate marking GitHub allows.
 */

const MAIN_ISSUE_REQUESTS = 280;
const MAIN_DISCUSSION_REQUESTS = 60;
const UNMARKED_PAIRS = 25;
const UNMARKED_PAIRS_AS_DISCUSSIONS = 8;

export interface DemoRequestPlans {
  main: RequestPlan[];
  docs: RequestPlan[];
  /** Pull requests that ship requests (features) and documentation. */
  pulls: PullPlan[];
  unmarkedPairs: Array<[RequestPlan, RequestPlan]>;
  repeatVoter: { voter: Person; canonical: RequestPlan; votedOn: RequestPlan[] };
}

interface Text {
  title: string;
  problem: string;
  proposal: string;
}

const TOP_REQUESTS = [
  { title: 'Support for i18n routing with fallback locales', votes: 262, createdAt: '2024-07-09T18:22:41Z', comments: 130, trending: true },
  { title: 'Incremental builds when only one page changed', votes: 214, createdAt: '2024-08-21T07:03:12Z', comments: 46, trending: true },
  { title: 'Dark mode for the default theme', votes: 187, createdAt: '2024-06-20T20:41:55Z', comments: 38, trending: false },
  { title: 'Built-in client-side search for the default theme', votes: 143, createdAt: '2024-09-30T12:15:03Z', comments: 31, trending: false },
  { title: 'Content collections with schema validation', votes: 118, createdAt: '2025-02-11T09:48:27Z', comments: 22, trending: false },
] as const;

const CONTROVERSIAL_TITLE = 'Partial hydration for interactive components';
const SELF_REFERENCE_TITLE = 'Build hooks before and after the build';
const UNKNOWN_TARGET_TITLE = 'Emoji shortcodes in Markdown';
const PRIVATE_TARGET_TITLE = 'Bundle size budget warnings';
const UNDONE_TITLE = 'Feeds per tag and per author';
const UNDONE_CANONICAL_TITLE = 'Full-content RSS feed option';
const CHAIN_CANONICAL_TITLE = 'Persistent build cache between CI runs';
const CYCLE_TITLE = 'Search keyboard shortcut';
/** The idea behind the cycle's first request, which files it under `CYCLE_TITLE`. */
const CYCLE_IDEA_TITLE = 'Keyboard shortcut to open search';
const DISCUSSION_BODY_TARGET_TITLE = 'Redirects file with wildcard and splat support';
const URL_TARGET_TITLE = 'Footnotes support';

/** Paraphrases the scenarios use themselves; the rest are available for unmarked pairs. */
const RESERVED_PARAPHRASES = new Set([
  'Support for i18n routing with fallback locales',
  'Incremental builds when only one page changed',
  'Dark mode for the default theme',
  'Built-in client-side search for the default theme',
  'Content collections with schema validation',
  DISCUSSION_BODY_TARGET_TITLE,
  URL_TARGET_TITLE,
  UNDONE_TITLE,
  CHAIN_CANONICAL_TITLE,
]);

export function planDemoRequests(random: Random, cast: Cast, slots: SlotRegistry): DemoRequestPlans {
  const ideasByTitle = new Map<string, FeatureIdea>();
  for (const idea of [...HANDWRITTEN_IDEAS, ...FAMILY_IDEAS]) ideasByTitle.set(idea.title, idea);
  const idea = (title: string): FeatureIdea => must(ideasByTitle.get(title), `idea "${title}"`);
  const paraphrase = (title: string): Paraphrase => must(PARAPHRASES[title], `paraphrase of "${title}"`);

  const regulars = cast.participants.slice(0, 30);
  function pickAuthor(createdAt: number): Person | null {
    const roll = random.next();
    if (roll < 0.04) return null;
    if (roll < 0.09) return random.pick(cast.maintainers);
    if (roll < 0.1 && createdAt < at('2024-09-01T00:00:00Z')) return cast.mannequin;
    return random.chance(0.35) ? random.pick(regulars) : random.pick(cast.participants);
  }

  const main: RequestPlan[] = [];
  const docs: RequestPlan[] = [];

  function request(
    repository: string,
    kind: 'issue' | 'discussion',
    text: Text,
    area: FeatureIdea['area'] | null,
    createdAt: number,
    overrides: Partial<RequestPlan> = {},
  ): RequestPlan {
    const votes = overrides.votes ?? drawVoteCount(random, repository === DOCS_REPOSITORY ? 40 : 95);
    const plan: RequestPlan = {
      slot: slots.reserve(repository, createdAt),
      kind,
      title: text.title,
      problem: text.problem,
      proposal: text.proposal,
      area,
      author: pickAuthor(createdAt),
      votes,
      burst: random.chance(0.07) ? recentBurst(random, createdAt) : null,
      controversial: false,
      comments: Math.min(40, random.int(0, 3) + Math.floor(votes / 6)),
      locked: false,
      fate: { kind: 'open', status: 'untriaged', milestone: null, pull: null },
      marking: null,
      hostileTitle: null,
      hostileBody: [],
      hostileComment: [],
      requiredVoters: [],
      category: 'ideas',
      ...overrides,
    };
    (repository === DOCS_REPOSITORY ? docs : main).push(plan);
    return plan;
  }

  const recentEnd = NOW - 2 * DAY;
  /** A time after `plan` (by `minimumDays` when there is room), never later than `recentEnd`. */
  const laterThan = (plan: RequestPlan, minimumDays: number): number => {
    const from = Math.min(plan.slot.createdAt + minimumDays * DAY, Math.max(plan.slot.createdAt + HOUR, recentEnd - DAY));
    return growingTime(random, from, Math.max(from, recentEnd));
  };

  // --- The most wanted requests, with fixed popularity so the board always has a clear top.
  const topRequest = (index: number): RequestPlan => {
    const entry = must(TOP_REQUESTS[index], 'top request');
    const createdAt = at(entry.createdAt);
    return request(MAIN_REPOSITORY, 'issue', idea(entry.title), idea(entry.title).area, createdAt, {
      votes: entry.votes,
      comments: entry.comments,
      burst: entry.trending ? recentBurst(random, createdAt) : null,
      author: random.pick(regulars),
    });
  };
  const i18n = topRequest(0);
  const incremental = topRequest(1);
  const darkMode = topRequest(2);
  const search = topRequest(3);
  const collections = topRequest(4);
  const controversial = request(MAIN_REPOSITORY, 'issue', idea(CONTROVERSIAL_TITLE), 'build', at('2025-04-17T10:30:00Z'), {
    votes: 48,
    controversial: true,
    comments: 24,
    locked: true,
  });

  // --- Originals for the duplicate scenarios.
  const scenarioOriginal = (title: string): RequestPlan =>
    request(MAIN_REPOSITORY, 'issue', idea(title), idea(title).area, growingTime(random, PROJECT_START + 20 * DAY, NOW - 200 * DAY));
  const selfReferencing = scenarioOriginal(SELF_REFERENCE_TITLE);
  const unknownTarget = scenarioOriginal(UNKNOWN_TARGET_TITLE);
  const privateTarget = scenarioOriginal(PRIVATE_TARGET_TITLE);
  const undoneCanonical = scenarioOriginal(UNDONE_CANONICAL_TITLE);
  // Early enough that the whole mark / object / unmark story fits before now.
  const undone = request(MAIN_REPOSITORY, 'issue', idea(UNDONE_TITLE), 'feeds', growingTime(random, undoneCanonical.slot.createdAt + 20 * DAY, NOW - 60 * DAY));
  const chainCanonical = scenarioOriginal(CHAIN_CANONICAL_TITLE);
  const cycleFirst = request(MAIN_REPOSITORY, 'issue', idea(CYCLE_IDEA_TITLE), 'search', growingTime(random, PROJECT_START + 60 * DAY, NOW - 150 * DAY));
  cycleFirst.title = CYCLE_TITLE;
  const discussionBodyTarget = scenarioOriginal(DISCUSSION_BODY_TARGET_TITLE);
  const urlTarget = scenarioOriginal(URL_TARGET_TITLE);

  // --- Originals for the unmarked pairs.
  const pairableTitles = Object.keys(PARAPHRASES).filter((title) => !RESERVED_PARAPHRASES.has(title) && ideasByTitle.has(title));
  const pairTitles = random.sample(pairableTitles, UNMARKED_PAIRS);
  const pairOriginals = pairTitles.map((title) =>
    request(MAIN_REPOSITORY, 'issue', idea(title), idea(title).area, growingTime(random, PROJECT_START, NOW - 120 * DAY)),
  );

  // --- Documentation requests (the canonical of the cross-repository duplicate among them).
  for (const docsIdea of DOCS_IDEAS) {
    // The one the main repository's request duplicates is old enough to have been found.
    const latest = docsIdea.title === DOCS_REQUEST_IN_MAIN_REPOSITORY.canonicalTitle ? NOW - 300 * DAY : recentEnd;
    request(DOCS_REPOSITORY, 'issue', docsIdea, null, growingTime(random, PROJECT_START + 30 * DAY, latest));
  }
  const docsCanonical = must(docs.find((plan) => plan.title === DOCS_REQUEST_IN_MAIN_REPOSITORY.canonicalTitle));

  // --- Duplicates.
  const maintainer = (): Person => random.pick(cast.maintainers);
  const expression = (overrides: Partial<DuplicateExpression>): DuplicateExpression => ({
    label: false,
    bodyNote: false,
    comment: false,
    event: false,
    close: false,
    style: 'number',
    undone: false,
    ...overrides,
  });
  const duplicateText = (canonical: RequestPlan): Text => ({
    title: rephraseTitle(random, canonical.title),
    problem: random.pick([
      `${canonical.problem}`,
      `Sorry if this was asked before. ${canonical.problem}`,
      `I searched but could not find anything about this. ${canonical.problem}`,
    ]),
    proposal: canonical.proposal,
  });
  function duplicate(
    repository: string,
    kind: 'issue' | 'discussion',
    canonical: RequestPlan,
    text: Text,
    how: DuplicateHow,
    shape: Partial<DuplicateExpression>,
    createdAt: number = laterThan(canonical, 10),
  ): RequestPlan {
    const plan = request(repository, kind, text, canonical.area, createdAt, {
      votes: drawVoteCount(random, 25),
      comments: random.int(0, 2),
      fate: { kind: 'duplicate' },
    });
    plan.marking = {
      how,
      target: { plan: canonical },
      expression: expression(shape),
      markedAt: timeBetween(random, createdAt + HOUR, Math.min(createdAt + 12 * DAY, NOW - HOUR)),
      actor: maintainer(),
    };
    return plan;
  }

  // (a) (b) (c): three duplicates of the most wanted request, each marked differently.
  const labelAndBody = duplicate(MAIN_REPOSITORY, 'issue', i18n, paraphrase(i18n.title), 'label+body', { label: true, bodyNote: true });
  labelAndBody.fate = { kind: 'open', status: 'untriaged', milestone: null, pull: null };
  const commentAndEvent = duplicate(MAIN_REPOSITORY, 'issue', i18n, duplicateText(i18n), 'comment+event', { comment: true, event: true, close: true });
  const stateReasonOnly = duplicate(MAIN_REPOSITORY, 'issue', i18n, duplicateText(i18n), 'state-reason', { event: true, close: true });
  // (j) One person voted on all three of them.
  const voter = must(cast.participants.at(-1), 'repeat voter');
  for (const plan of [labelAndBody, commentAndEvent, stateReasonOnly]) {
    plan.requiredVoters.push(voter);
    plan.votes = Math.max(plan.votes, 3);
  }

  // (d) Across repositories, by `owner/name#N` and by full URL.
  duplicate(MAIN_REPOSITORY, 'issue', docsCanonical, DOCS_REQUEST_IN_MAIN_REPOSITORY, 'cross-repo', {
    comment: true,
    event: true,
    close: true,
    style: 'cross-repo',
  });
  duplicate(DOCS_REPOSITORY, 'issue', urlTarget, paraphrase(URL_TARGET_TITLE), 'url', { comment: true, event: true, close: true, style: 'url' });
  const urlCanonical = random.pick([darkMode, search, collections]);
  duplicate(MAIN_REPOSITORY, 'issue', urlCanonical, duplicateText(urlCanonical), 'url', { comment: true, close: true, event: true, style: 'url' });

  // (e) Discussions pointing at issues: once in the body, once in a maintainer comment.
  duplicate(MAIN_REPOSITORY, 'discussion', discussionBodyTarget, paraphrase(DISCUSSION_BODY_TARGET_TITLE), 'discussion', {
    bodyNote: true,
    close: true,
    style: 'url',
  });
  duplicate(
    MAIN_REPOSITORY,
    'discussion',
    incremental,
    {
      title: 'Partial rebuilds for big sites?',
      problem: 'Our handbook has grown to 15k pages. Is there any way to only regenerate the pages affected by a commit?',
      proposal: 'Even a coarse version (only re-render pages whose source file changed) would cut our CI time a lot.',
    },
    'discussion',
    { comment: true, close: true },
  );

  // (f) A chain: older → middle → canonical.
  const chainMiddle = duplicate(MAIN_REPOSITORY, 'issue', chainCanonical, paraphrase(CHAIN_CANONICAL_TITLE), 'chain', {
    comment: true,
    event: true,
    close: true,
  });
  duplicate(MAIN_REPOSITORY, 'issue', chainMiddle, duplicateText(chainCanonical), 'chain', { comment: true, event: true, close: true }, laterThan(chainMiddle, 5));

  // (g) A cycle (each marked as a duplicate of the other, neither closed) and a self-reference.
  const cycleSecond = duplicate(
    MAIN_REPOSITORY,
    'issue',
    cycleFirst,
    {
      title: 'Cmd+K / Ctrl+K to focus the search box',
      problem: 'I keep reaching for Cmd+K to search the docs, like on most documentation sites, and nothing happens.',
      proposal: 'Open the search dialog with Cmd+K (Ctrl+K on Windows and Linux) and `/`.',
    },
    'cycle',
    { comment: true, event: true },
    // Early enough for the second marking, days later, to fit before now.
    growingTime(random, cycleFirst.slot.createdAt + 10 * DAY, NOW - 30 * DAY),
  );
  cycleSecond.fate = { kind: 'open', status: 'under-review', milestone: null, pull: null };
  cycleFirst.fate = { kind: 'open', status: 'under-review', milestone: null, pull: null };
  cycleFirst.marking = {
    how: 'cycle',
    target: { plan: cycleSecond },
    expression: expression({ comment: true, event: true }),
    markedAt: timeBetween(random, cycleSecond.slot.createdAt + 3 * DAY, NOW - DAY),
    actor: maintainer(),
  };
  selfReferencing.marking = {
    how: 'self',
    target: { plan: selfReferencing },
    expression: expression({ comment: true, event: true }),
    markedAt: selfReferencing.slot.createdAt + random.int(1, 9) * DAY,
    actor: maintainer(),
  };

  // (h) Targets that cannot be followed: a number that does not exist, an item in the private repo.
  unknownTarget.marking = {
    how: 'unknown-target',
    target: { ref: { repository: MAIN_REPOSITORY, number: 9999 } },
    expression: expression({ label: true, comment: true, close: true }),
    markedAt: unknownTarget.slot.createdAt + random.int(2, 20) * DAY,
    actor: maintainer(),
  };
  unknownTarget.fate = { kind: 'duplicate' };
  privateTarget.marking = {
    how: 'private-target',
    target: { ref: { repository: PRIVATE_REPOSITORY, number: 1 } },
    expression: expression({ comment: true, event: true, close: true, style: 'cross-repo' }),
    markedAt: privateTarget.slot.createdAt + random.int(2, 20) * DAY,
    actor: maintainer(),
  };
  privateTarget.fate = { kind: 'duplicate' };

  // (i) Marked, then unmarked and reopened: it stands alone again.
  undone.marking = {
    how: 'unmarked',
    target: { plan: undoneCanonical },
    expression: expression({ comment: true, event: true, close: true, undone: true }),
    markedAt: undone.slot.createdAt + random.int(1, 4) * DAY,
    actor: maintainer(),
  };
  undone.fate = { kind: 'open', status: 'under-review', milestone: null, pull: null };

  // A few more ordinary duplicates, as every tracker has.
  const ordinary: Array<[RequestPlan, Text, DuplicateHow, Partial<DuplicateExpression>]> = [
    [incremental, paraphrase(incremental.title), 'comment+event', { comment: true, event: true, close: true }],
    [darkMode, paraphrase(darkMode.title), 'comment+event', { comment: true, event: true, close: true, label: true }],
    [search, paraphrase(search.title), 'state-reason', { event: true, close: true }],
    [collections, paraphrase(collections.title), 'comment+event', { comment: true, event: true, close: true }],
    [i18n, duplicateText(i18n), 'label+body', { label: true, bodyNote: true, close: true }],
    [controversial, duplicateText(controversial), 'state-reason', { event: true, close: true }],
  ];
  for (const [canonical, text, how, shape] of ordinary) duplicate(MAIN_REPOSITORY, 'issue', canonical, text, how, shape);

  // --- Unmarked pairs: the same idea again, in other words, and nobody noticed.
  const unmarkedPairs: Array<[RequestPlan, RequestPlan]> = pairOriginals.map((original, index) => {
    const kind = index < UNMARKED_PAIRS_AS_DISCUSSIONS ? 'discussion' : 'issue';
    const copy = request(MAIN_REPOSITORY, kind, paraphrase(original.title), original.area, laterThan(original, 15));
    return [original, copy];
  });

  // --- Everything else: one distinct idea per request.
  // Ideas go by their catalogue title: a retitled request still uses its idea.
  const used = new Set([...main.map((plan) => plan.title), CYCLE_IDEA_TITLE]);
  for (const title of [...RESERVED_PARAPHRASES, ...Object.keys(PARAPHRASES)]) used.add(title);
  const freshIdeas = random.shuffle([...ideasByTitle.values()].filter((entry) => !used.has(entry.title)));
  const count = (kind: 'issue' | 'discussion'): number => main.filter((plan) => plan.kind === kind).length;
  while (count('discussion') < MAIN_DISCUSSION_REQUESTS) {
    const next = must(freshIdeas.pop(), 'fresh idea');
    request(MAIN_REPOSITORY, 'discussion', next, next.area, growingTime(random, PROJECT_START + 90 * DAY, recentEnd));
  }
  while (count('issue') < MAIN_ISSUE_REQUESTS) {
    const next = must(freshIdeas.pop(), 'fresh idea');
    request(MAIN_REPOSITORY, 'issue', next, next.area, growingTime(random, PROJECT_START, recentEnd));
  }

  const pulls = planFates(random, cast, slots, {
    main,
    docs,
    fixed: { i18n, incremental, darkMode, search, collections, controversial },
  });

  return {
    main,
    docs,
    pulls,
    unmarkedPairs,
    repeatVoter: { voter, canonical: i18n, votedOn: [labelAndBody, commentAndEvent, stateReasonOnly] },
  };
}

interface FixedRequests {
  i18n: RequestPlan;
  incremental: RequestPlan;
  darkMode: RequestPlan;
  search: RequestPlan;
  collections: RequestPlan;
  controversial: RequestPlan;
}

/** How many requests each release ships, and whether one of them is linked in an unusual way. */
const SHIPPING: Record<string, { features: number; odd: 'milestone' | 'release-notes' | null }> = {
  'v1.0.0': { features: 4, odd: null },
  'v1.1.0': { features: 5, odd: null },
  'v1.2.0': { features: 6, odd: 'milestone' },
  'v1.3.0': { features: 6, odd: null },
  'v1.4.0': { features: 6, odd: 'release-notes' },
  'v1.5.0': { features: 7, odd: 'milestone' },
  'v1.6.0': { features: 6, odd: 'release-notes' },
  'v1.7.0-beta.1': { features: 4, odd: null },
};

/** The milestone a release's requests belong to: the prerelease ships work of the upcoming v1.7.0. */
export function milestoneTitleOf(release: ReleaseSchedule): string {
  return release.tag.replace(/-.*$/, '');
}

function planFates(random: Random, cast: Cast, slots: SlotRegistry, plans: { main: RequestPlan[]; docs: RequestPlan[]; fixed: FixedRequests }): PullPlan[] {
  const { main, docs, fixed } = plans;
  const pulls: PullPlan[] = [];
  const isFree = (plan: RequestPlan): boolean =>
    plan.kind === 'issue' && plan.marking === null && plan.fate.kind === 'open' && plan.fate.status === 'untriaged' && !Object.values(fixed).includes(plan);
  const pullAuthor = (): Person => (random.chance(0.6) ? random.pick(cast.contributors) : random.pick(cast.maintainers));

  function featurePull(plan: RequestPlan, mergedAt: number, release: ReleaseSchedule | null, repository = MAIN_REPOSITORY): PullPlan {
    const openedAt = Math.max(plan.slot.createdAt + HOUR, mergedAt - random.between(6 * HOUR, 14 * DAY));
    const title = plan.area === null ? `docs: ${lowerFirst(plan.title)}` : `feat(${plan.area}): ${lowerFirst(plan.title)}`;
    const pull: PullPlan = {
      slot: slots.reserve(repository, openedAt),
      title,
      author: pullAuthor(),
      state: 'MERGED',
      mergedAt,
      mergeCommit: random.hex(40),
      closes: [plan.slot],
      section: plan.area === null ? 'docs' : 'features',
      release,
    };
    pulls.push(pull);
    return pull;
  }

  function ship(plan: RequestPlan, release: ReleaseSchedule, windowStart: number, via: 'pull-request' | 'milestone' | 'release-notes'): void {
    const windowEnd = release.publishedAt - DAY;
    const mergedAt = timeBetween(random, Math.max(windowStart, plan.slot.createdAt + 5 * DAY), windowEnd);
    if (via === 'pull-request') {
      const pull = featurePull(plan, mergedAt, release);
      plan.fate = { kind: 'shipped', release, via, pull, closedAt: mergedAt, milestone: milestoneTitleOf(release) };
    } else {
      // Closed by hand when the release went out.
      const closedAt = release.publishedAt + random.int(5, 180) * 60_000;
      plan.fate = { kind: 'shipped', release, via, pull: null, closedAt, milestone: via === 'milestone' ? milestoneTitleOf(release) : null };
    }
  }

  let windowStart = PROJECT_START + 30 * DAY;
  for (const release of RELEASES) {
    const shape = must(SHIPPING[release.tag], `shipping plan for ${release.tag}`);
    let remaining = shape.features;
    if (release.tag === 'v1.3.0') {
      ship(fixed.darkMode, release, windowStart, 'pull-request');
      remaining--;
    }
    if (release.tag === 'v1.5.0') {
      ship(fixed.search, release, windowStart, 'pull-request');
      remaining--;
    }
    const candidates = main.filter((plan) => isFree(plan) && plan.slot.createdAt < release.publishedAt - 21 * DAY);
    const chosen: RequestPlan[] = [];
    for (let index = 0; index < remaining && candidates.length > 0; index++) {
      const pick = random.weighted(candidates.map((plan) => [plan, plan.votes + 2] as const));
      candidates.splice(candidates.indexOf(pick), 1);
      chosen.push(pick);
    }
    chosen.forEach((plan, index) => {
      const via = index === 0 && shape.odd !== null ? shape.odd : 'pull-request';
      ship(plan, release, windowStart, via);
    });
    windowStart = release.publishedAt;
  }

  // Open requests: what is being built now, what is planned, what is being considered.
  const openPull = (plan: RequestPlan): PullPlan => {
    const openedAt = timeBetween(random, Math.max(plan.slot.createdAt + DAY, NOW - 40 * DAY), NOW - DAY);
    const pull: PullPlan = {
      slot: slots.reserve(MAIN_REPOSITORY, openedAt),
      title: `feat(${plan.area ?? 'docs'}): ${lowerFirst(plan.title)}`,
      author: pullAuthor(),
      state: 'OPEN',
      mergedAt: null,
      mergeCommit: null,
      closes: [plan.slot],
      section: 'features',
      release: null,
    };
    pulls.push(pull);
    return pull;
  };
  fixed.i18n.fate = { kind: 'open', status: 'in-progress', milestone: 'v1.7.0', pull: null };
  fixed.i18n.fate.pull = openPull(fixed.i18n);
  fixed.incremental.fate = { kind: 'open', status: 'planned', milestone: 'v1.8.0', pull: null };
  fixed.collections.fate = { kind: 'open', status: 'under-review', milestone: null, pull: null };
  fixed.controversial.fate = { kind: 'declined', closedAt: timeBetween(random, fixed.controversial.slot.createdAt + 60 * DAY, NOW - 30 * DAY) };

  const free = random.shuffle(main.filter(isFree));
  const take = (howMany: number): RequestPlan[] => free.splice(0, howMany);
  take(7).forEach((plan, index) => {
    plan.fate = { kind: 'open', status: 'in-progress', milestone: 'v1.7.0', pull: null };
    if (index < 4) plan.fate.pull = openPull(plan);
  });
  take(18).forEach((plan, index) => {
    plan.fate = { kind: 'open', status: 'planned', milestone: index < 7 ? 'v1.8.0' : index < 12 ? 'v2.0.0' : null, pull: null };
  });
  for (const plan of take(35)) plan.fate = { kind: 'open', status: 'under-review', milestone: null, pull: null };
  // Declining takes a discussion first, so only requests some weeks old are declined.
  const declinable = free.filter((plan) => plan.slot.createdAt < NOW - 21 * DAY).slice(0, 11);
  for (const plan of declinable) {
    free.splice(free.indexOf(plan), 1);
    plan.fate = { kind: 'declined', closedAt: timeBetween(random, plan.slot.createdAt + 7 * DAY, NOW - DAY) };
  }

  // Discussions: a few resolved or outdated, the rest open.
  const openDiscussions = random.shuffle(
    main.filter((plan) => plan.kind === 'discussion' && plan.marking === null && plan.slot.createdAt < NOW - 30 * DAY),
  );
  openDiscussions.slice(0, 6).forEach((plan, index) => {
    plan.fate = {
      kind: 'discussion-closed',
      reason: index < 3 ? 'RESOLVED' : 'OUTDATED',
      closedAt: timeBetween(random, plan.slot.createdAt + 10 * DAY, NOW - DAY),
    };
  });

  // Documentation: some requests done by docs pull requests, one by a pull request in the main repository.
  const docsFree = random.shuffle(docs.filter((plan) => plan.marking === null && plan.slot.createdAt < NOW - 30 * DAY));
  docsFree.slice(0, 7).forEach((plan, index) => {
    const mergedAt = timeBetween(random, plan.slot.createdAt + 4 * DAY, NOW - 2 * DAY);
    const pull = featurePull(plan, mergedAt, null, index === 0 ? MAIN_REPOSITORY : DOCS_REPOSITORY);
    pull.section = 'docs';
    plan.fate = { kind: 'completed', pull, closedAt: mergedAt };
  });
  for (const plan of docsFree.slice(7, 11)) plan.fate = { kind: 'open', status: 'under-review', milestone: null, pull: null };

  return pulls;
}
