import type { SimDiscussion, SimIssue } from '../github-simulator/store-types.ts';
import { DAY, HOUR, MINUTE, NOW, growingTime, timeBetween } from './clock.ts';
import { addConversation } from './comment-threads.ts';
import { planRef, type PullPlan } from './demo-plan.ts';
import { MAIN_REPOSITORY, PROJECT_START, RELEASES, nodeVersionAt, versionAt, type ReleaseSchedule } from './demo-project.ts';
import type { RenderContext } from './demo-render-requests.ts';
import type { BodyPayloadKind } from './hostile-payloads.ts';
import { addComment, addLabel, closeIssue, finishDiscussion, finishIssue, removeLabel, startDiscussion, startIssue } from './item-builder.ts';
import { LABEL, areaLabel, type Area } from './labels.ts';
import { bugBody, lowerFirst, questionBody } from './markdown-bodies.ts';
import type { Cast, Person } from './people.ts';
import type { Random } from './random.ts';
import type { Slot, SlotRegistry } from './slots.ts';
import {
  BOT_ISSUE,
  BUG_REPORTS,
  INVALID_TITLES,
  QA_DISCUSSION_TITLES,
  QUESTION_TITLES,
  SPAM_BODY,
  SPAM_TITLES,
} from './vocabulary.ts';
import { addReactions } from './votes.ts';

/**
 * Everything in the main repository that is not a request: bug reports, questions, spam,
 * nonsense, the Renovate dashboard, Q&A Discussions, and the bug-fix and dependency pull requests
 * that fill the release notes. A roadmap must ignore all of it, which is why it is here.
 */

export type OtherIssueKind = 'bug' | 'question' | 'spam' | 'invalid' | 'dashboard';

export interface OtherIssuePlan {
  slot: Slot;
  kind: OtherIssueKind;
  title: string;
  area: Area | null;
  error: string;
  author: Person | null;
  outcome: { kind: 'open' } | { kind: 'fixed'; pull: PullPlan } | { kind: 'closed'; reason: 'COMPLETED' | 'NOT_PLANNED'; at: number };
  hostileComment: BodyPayloadKind[];
}

export interface QuestionDiscussionPlan {
  slot: Slot;
  title: string;
  author: Person | null;
}

export interface OtherPlans {
  issues: OtherIssuePlan[];
  questions: QuestionDiscussionPlan[];
  pulls: PullPlan[];
}

/** The first release published after `time`, if any. */
export function releaseAfter(time: number): ReleaseSchedule | null {
  return RELEASES.find((release) => release.publishedAt > time) ?? null;
}

const DEPENDENCY_BUMPS = [
  ['esbuild', '0.24.2', '0.25.0'],
  ['sharp', '0.33.5', '0.34.1'],
  ['unified', '11.0.4', '11.0.5'],
  ['vite', '6.0.7', '6.2.0'],
  ['chokidar', '4.0.1', '4.0.3'],
  ['@types/node', '22.10.2', '24.0.1'],
  ['typescript', '5.7.2', '5.8.3'],
  ['vitest', '3.0.4', '4.0.2'],
  ['shiki', '1.24.0', '3.2.1'],
  ['yaml', '2.6.1', '2.7.0'],
  ['actions/checkout', '4.2.1', '4.2.2'],
  ['actions/setup-node', '4.1.0', '4.4.0'],
  ['eslint', '9.17.0', '9.25.1'],
  ['postcss', '8.4.49', '8.5.3'],
] as const;

export function planOtherIssues(random: Random, cast: Cast, slots: SlotRegistry): OtherPlans {
  const issues: OtherIssuePlan[] = [];
  const pulls: PullPlan[] = [];
  const recentEnd = NOW - DAY;
  const author = (createdAt: number): Person | null => {
    if (random.chance(0.04)) return null;
    if (createdAt < PROJECT_START + 60 * DAY && random.chance(0.2)) return cast.mannequin;
    return random.pick(cast.participants);
  };
  const fixPull = (plan: OtherIssuePlan, title: string): PullPlan => {
    const earliest = plan.slot.createdAt + random.between(HOUR, 3 * DAY);
    const mergedAt = Math.min(timeBetween(random, earliest, Math.min(plan.slot.createdAt + 40 * DAY, recentEnd)), NOW - HOUR);
    const pull: PullPlan = {
      slot: slots.reserve(MAIN_REPOSITORY, Math.max(plan.slot.createdAt + 30 * MINUTE, mergedAt - random.between(HOUR, 6 * DAY))),
      title,
      author: random.chance(0.5) ? random.pick(cast.contributors) : random.pick(cast.maintainers),
      state: 'MERGED',
      mergedAt,
      mergeCommit: random.hex(40),
      closes: [plan.slot],
      section: 'fixes',
      release: releaseAfter(mergedAt),
    };
    pulls.push(pull);
    return pull;
  };

  BUG_REPORTS.forEach(([area, title, error], index) => {
    const createdAt = growingTime(random, PROJECT_START + 10 * DAY, recentEnd - 5 * DAY);
    const plan: OtherIssuePlan = {
      slot: slots.reserve(MAIN_REPOSITORY, createdAt),
      kind: 'bug',
      title,
      area,
      error,
      author: index === 0 ? cast.mannequin : author(createdAt),
      outcome: { kind: 'open' },
      hostileComment: index === 5 ? ['commentHidingMarkup', 'linkTitleAttribute'] : [],
    };
    const roll = random.next();
    if (roll < 0.65) plan.outcome = { kind: 'fixed', pull: fixPull(plan, `fix(${area}): ${lowerFirst(title)}`) };
    else if (roll < 0.75) plan.outcome = { kind: 'closed', reason: 'NOT_PLANNED', at: timeBetween(random, createdAt + DAY, recentEnd) };
    issues.push(plan);
  });

  for (const title of QUESTION_TITLES) {
    const createdAt = growingTime(random, PROJECT_START + 10 * DAY, recentEnd);
    issues.push({
      slot: slots.reserve(MAIN_REPOSITORY, createdAt),
      kind: 'question',
      title,
      area: null,
      error: '',
      author: author(createdAt),
      outcome: random.chance(0.75) ? { kind: 'closed', reason: 'COMPLETED', at: timeBetween(random, createdAt + HOUR, Math.min(createdAt + 14 * DAY, recentEnd)) } : { kind: 'open' },
      hostileComment: [],
    });
  }
  for (const [kind, titles] of [['spam', SPAM_TITLES], ['invalid', INVALID_TITLES]] as const) {
    for (const title of titles) {
      const createdAt = growingTime(random, PROJECT_START + 100 * DAY, recentEnd);
      issues.push({
        slot: slots.reserve(MAIN_REPOSITORY, createdAt),
        kind,
        title,
        area: null,
        error: '',
        author: random.pick(cast.participants.slice(-40)),
        outcome: { kind: 'closed', reason: 'NOT_PLANNED', at: timeBetween(random, createdAt + 10 * MINUTE, Math.min(createdAt + 2 * DAY, recentEnd)) },
        hostileComment: [],
      });
    }
  }
  issues.push({
    slot: slots.reserve(MAIN_REPOSITORY, PROJECT_START + 45 * DAY),
    kind: 'dashboard',
    title: BOT_ISSUE.renovateTitle,
    area: null,
    error: '',
    author: cast.bots.renovate,
    outcome: { kind: 'open' },
    hostileComment: [],
  });

  // Dependency updates, a couple per release, merged by the bots' pull requests.
  let previous = PROJECT_START + 30 * DAY;
  for (const release of RELEASES) {
    for (const [name, from, to] of random.sample(DEPENDENCY_BUMPS, random.int(1, 3))) {
      const mergedAt = timeBetween(random, previous, release.publishedAt - DAY);
      pulls.push({
        slot: slots.reserve(MAIN_REPOSITORY, mergedAt - random.between(HOUR, 5 * DAY)),
        title: `chore(deps): bump ${name} from ${from} to ${to}`,
        author: random.chance(0.5) ? cast.bots.dependabot : cast.bots.renovate,
        state: 'MERGED',
        mergedAt,
        mergeCommit: random.hex(40),
        closes: [],
        section: 'dependencies',
        release,
      });
    }
    previous = release.publishedAt;
  }
  // One the maintainers did not want, and one still waiting.
  pulls.push({
    slot: slots.reserve(MAIN_REPOSITORY, NOW - 20 * DAY),
    title: 'chore(deps): bump sharp from 0.34.1 to 0.35.0-rc.1',
    author: cast.bots.dependabot,
    state: 'CLOSED',
    mergedAt: null,
    mergeCommit: null,
    closes: [],
    section: 'dependencies',
    release: null,
  });
  pulls.push({
    slot: slots.reserve(MAIN_REPOSITORY, NOW - 3 * DAY),
    title: 'chore(deps): update dependency vitest to v5',
    author: cast.bots.renovate,
    state: 'OPEN',
    mergedAt: null,
    mergeCommit: null,
    closes: [],
    section: 'dependencies',
    release: null,
  });

  const questions = QA_DISCUSSION_TITLES.map((title) => {
    const createdAt = growingTime(random, PROJECT_START + 120 * DAY, recentEnd);
    return { slot: slots.reserve(MAIN_REPOSITORY, createdAt), title, author: author(createdAt) };
  });
  return { issues, questions, pulls };
}

export function renderOtherIssue(context: RenderContext, plan: OtherIssuePlan): SimIssue {
  const { random, cast } = context;
  const createdAt = plan.slot.createdAt;
  const related = context.earlierNumbers(MAIN_REPOSITORY, createdAt, 2);
  let body: string;
  switch (plan.kind) {
    case 'bug':
      body = bugBody(random, { area: plan.area ?? 'build', error: plan.error, lumenVersion: versionAt(createdAt), nodeVersion: nodeVersionAt(createdAt), related });
      break;
    case 'question':
      body = questionBody(random, plan.title);
      break;
    case 'spam':
      body = SPAM_BODY;
      break;
    case 'invalid':
      body = random.pick(['', 'test', 'it does not work']);
      break;
    case 'dashboard':
      body = BOT_ISSUE.renovateBody;
      break;
  }
  const issue = startIssue({ number: plan.slot.number, title: plan.title, body, author: plan.author, createdAt });
  const maintainer = (): Person => random.pick(cast.maintainers);
  const triagedAt = timeBetween(random, createdAt + 10 * MINUTE, Math.min(createdAt + 5 * DAY, NOW - HOUR));
  let end = NOW - MINUTE;
  switch (plan.kind) {
    case 'bug': {
      addLabel(issue, LABEL.bug, plan.author, createdAt);
      if (plan.area !== null && random.chance(0.7)) addLabel(issue, areaLabel(plan.area), maintainer(), triagedAt);
      if (plan.outcome.kind === 'open' && random.chance(0.3)) addLabel(issue, random.pick([LABEL.goodFirstIssue, LABEL.helpWanted]), maintainer(), triagedAt);
      break;
    }
    case 'question':
      addLabel(issue, LABEL.question, maintainer(), triagedAt);
      addComment(issue, {
        author: maintainer(),
        body: 'You can do this with a layout override — see https://lumen.dev/docs/guides/layouts/ for an example. Does that answer your question?',
        at: triagedAt + MINUTE,
      });
      break;
    case 'spam':
      // The issue form labelled it as a request; a maintainer relabelled, closed and locked it.
      addLabel(issue, LABEL.enhancement, plan.author, createdAt);
      if (plan.outcome.kind === 'closed') {
        removeLabel(issue, LABEL.enhancement, maintainer(), plan.outcome.at);
        addLabel(issue, LABEL.spam, maintainer(), plan.outcome.at);
      }
      issue.locked = true;
      break;
    case 'invalid':
      if (plan.outcome.kind === 'closed') addLabel(issue, LABEL.invalid, maintainer(), plan.outcome.at);
      break;
    case 'dashboard':
      addLabel(issue, LABEL.dependencies, plan.author, createdAt);
      issue.editedAt = NOW - random.int(2, 30) * HOUR;
      break;
  }
  if (plan.outcome.kind === 'fixed') {
    const pull = plan.outcome.pull;
    const mergedAt = pull.mergedAt ?? NOW - MINUTE;
    closeIssue(issue, { actor: maintainer(), at: mergedAt, reason: 'COMPLETED', closer: planRef(pull) });
    end = mergedAt;
  } else if (plan.outcome.kind === 'closed') {
    closeIssue(issue, { actor: maintainer(), at: plan.outcome.at, reason: plan.outcome.reason });
    end = plan.outcome.at;
  }
  if (plan.kind === 'bug' || plan.kind === 'question') {
    addConversation(random, cast, issue, {
      count: random.int(0, plan.kind === 'bug' ? 6 : 3),
      from: createdAt,
      until: end,
      author: plan.author,
      related,
      allowStale: plan.outcome.kind === 'open',
      hostile: plan.hostileComment,
      tone: plan.kind === 'bug' ? 'bug' : 'question',
    });
    addReactions(random, issue.reactions, 'THUMBS_UP', random.int(0, 8), { pool: context.voters, deletedShare: 0 }, { from: createdAt, until: Math.min(NOW - MINUTE, end + 30 * DAY), burst: null });
  }
  return finishIssue(issue, context.ids);
}

export function renderQuestionDiscussion(context: RenderContext, plan: QuestionDiscussionPlan): SimDiscussion {
  const { random, cast } = context;
  const discussion = startDiscussion({
    number: plan.slot.number,
    title: plan.title,
    body: questionBody(random, plan.title),
    author: plan.author,
    category: 'q-a',
    createdAt: plan.slot.createdAt,
  });
  discussion.upvoteCount = random.int(0, 12);
  addConversation(random, cast, discussion, {
    count: random.int(2, 9),
    from: plan.slot.createdAt,
    until: NOW - MINUTE,
    author: plan.author,
    related: [],
    allowStale: false,
    hostile: [],
    tone: 'question',
  });
  return finishDiscussion(discussion, context.ids);
}
