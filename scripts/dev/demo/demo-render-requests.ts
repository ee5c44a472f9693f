import type { SimDiscussion, SimIssue } from '../github-simulator/store-types.ts';
import { DAY, HOUR, MINUTE, NOW, timeBetween } from './clock.ts';
import { addConversation } from './comment-threads.ts';
import { planRef, targetRef, type DuplicateMarking, type RequestPlan } from './demo-plan.ts';
import { DOCS_REPOSITORY, versionAt } from './demo-project.ts';
import { TITLE_PAYLOADS, hostileBody } from './hostile-payloads.ts';
import type { WorldIds } from './ids.ts';
import {
  addComment,
  addLabel,
  closeIssue,
  finishDiscussion,
  finishIssue,
  markDuplicate,
  react,
  removeLabel,
  reopenIssue,
  startDiscussion,
  startIssue,
  unmarkDuplicate,
  type IssueDraft,
} from './item-builder.ts';
import { EFFORT_LABELS, IMPACT_LABELS, LABEL, PRIORITY_LABELS, areaLabel } from './labels.ts';
import { requestBody } from './markdown-bodies.ts';
import type { Cast, Person } from './people.ts';
import type { Random } from './random.ts';
import { formatReference } from './references.ts';
import { MAINTAINER_DECLINED, MAINTAINER_IN_PROGRESS, MAINTAINER_PLANNED, MAINTAINER_SHIPPED, fill } from './vocabulary.ts';
import { addVoteReactions, voteTime } from './votes.ts';

/** Turns planned requests into issues and Discussions, with a history consistent with their fate. */

export interface RenderContext {
  random: Random;
  cast: Cast;
  ids: WorldIds;
  milestoneNumber(repository: string, title: string): number;
  /** Up to `count` numbers of items created before `time` in the repository. */
  earlierNumbers(repository: string, time: number, count: number): number[];
  /** Who can vote: everyone but the organization and bots. */
  voters: readonly Person[];
}

function duplicateSentence(marking: DuplicateMarking, fromRepository: string): string {
  return `Duplicate of ${formatReference(targetRef(marking), fromRepository, marking.expression.style)}`;
}

function bodyOf(context: RenderContext, plan: RequestPlan): string {
  const { random } = context;
  let body = requestBody(random, {
    problem: plan.problem,
    proposal: plan.proposal,
    area: plan.area,
    related: context.earlierNumbers(plan.slot.repository, plan.slot.createdAt, random.int(0, 2)),
    mention: random.chance(0.5) ? random.pick(context.cast.maintainers).login : null,
    lumenVersion: versionAt(plan.slot.createdAt),
  });
  if (plan.hostileBody.length > 0) body = `${hostileBody(plan.hostileBody)}\n\n---\n\n${body}`;
  if (plan.marking?.expression.bodyNote === true) {
    const note = duplicateSentence(plan.marking, plan.slot.repository);
    body = random.chance(0.5) ? `${note}\n\n${body}` : `${body}\n\n**Edit:** ${note} — sorry, I did not search well enough.`;
  }
  return body;
}

function titleOf(plan: RequestPlan): string {
  return plan.hostileTitle === null ? plan.title : TITLE_PAYLOADS[plan.hostileTitle];
}

/** Latest time anything may happen on this request. */
function endOf(plan: RequestPlan): number {
  const fate = plan.fate;
  if (fate.kind === 'shipped' || fate.kind === 'declined' || fate.kind === 'discussion-closed' || fate.kind === 'completed') return fate.closedAt;
  if (plan.marking?.expression.close === true && !plan.marking.expression.undone) return plan.marking.markedAt;
  return NOW - MINUTE;
}

function addVotes(context: RenderContext, plan: RequestPlan, target: IssueDraft['reactions'], thumbsUp: number): void {
  const { random } = context;
  const closedAt = endOf(plan) < NOW - MINUTE ? endOf(plan) : null;
  const timing = {
    from: plan.slot.createdAt + MINUTE,
    // People keep voting for a while after a request is closed, then stop.
    until: closedAt === null ? NOW - MINUTE : Math.min(NOW - MINUTE, closedAt + 45 * DAY),
    burst: plan.burst,
  };
  addVoteReactions(random, target, thumbsUp, { pool: context.voters, deletedShare: 0.02 }, timing, {
    shipped: plan.fate.kind === 'shipped',
    controversial: plan.controversial,
  });
  for (const voter of plan.requiredVoters) react(target, 'THUMBS_UP', voter, voteTime(random, timing));
  if (random.chance(0.03)) react(target, 'THUMBS_UP', random.pick([context.cast.bots.renovate, context.cast.bots.actions]), voteTime(random, timing));
}

/** Triage: area, status and sizing labels, added by maintainers over time. */
function triage(context: RenderContext, plan: RequestPlan, issue: IssueDraft, until: number): number {
  const { random, cast } = context;
  const triagedAt = timeBetween(random, plan.slot.createdAt + HOUR, Math.min(plan.slot.createdAt + 20 * DAY, until - HOUR));
  const maintainer = random.pick(cast.maintainers);
  if (plan.area !== null && plan.slot.repository !== DOCS_REPOSITORY) addLabel(issue, areaLabel(plan.area), maintainer, triagedAt);
  return triagedAt;
}

function addSizing(context: RenderContext, plan: RequestPlan, issue: IssueDraft, actor: Person, at: number): void {
  const { random } = context;
  if (issue.events.some((event) => event.kind === 'labeled' && event.label.startsWith('priority:'))) return;
  // Demand drives priority, loosely.
  const [high, medium, low] = PRIORITY_LABELS;
  addLabel(issue, plan.votes >= 40 ? high : random.weighted([[high, 1], [medium, 3], [low, 2]] as const), actor, at);
  if (random.chance(0.6)) addLabel(issue, random.pick(IMPACT_LABELS), actor, at);
  if (random.chance(0.6)) addLabel(issue, random.pick(EFFORT_LABELS), actor, at);
}

function applyFate(context: RenderContext, plan: RequestPlan, issue: IssueDraft): void {
  const { random, cast } = context;
  const fate = plan.fate;
  const maintainer = (): Person => random.pick(cast.maintainers);
  const say = (template: string, at: number, values: Record<string, string | number> = {}): void => {
    addComment(issue, {
      author: maintainer(),
      body: fill(template, { author: plan.author?.login ?? 'ghost', repository: plan.slot.repository, ...values }),
      at: Math.min(at, NOW - MINUTE),
    });
  };
  const end = endOf(plan);
  switch (fate.kind) {
    case 'open': {
      if (fate.status === 'untriaged') {
        if (random.chance(0.4)) triage(context, plan, issue, end);
        return;
      }
      const reviewAt = triage(context, plan, issue, end);
      const reviewer = maintainer();
      addLabel(issue, LABEL.underReview, reviewer, reviewAt);
      if (fate.status === 'under-review') {
        if (random.chance(0.3)) addSizing(context, plan, issue, reviewer, reviewAt);
        return;
      }
      const plannedAt = timeBetween(random, reviewAt + HOUR, Math.min(reviewAt + 120 * DAY, end - 2 * HOUR));
      const planner = maintainer();
      removeLabel(issue, LABEL.underReview, planner, plannedAt);
      addLabel(issue, LABEL.planned, planner, plannedAt);
      addSizing(context, plan, issue, planner, plannedAt);
      if (fate.milestone !== null) say(random.pick(MAINTAINER_PLANNED), plannedAt + MINUTE, { milestone: fate.milestone });
      if (fate.status === 'planned') return;
      const startedAt = fate.pull === null ? timeBetween(random, plannedAt + HOUR, end - HOUR) : Math.max(plannedAt + HOUR, fate.pull.slot.createdAt);
      removeLabel(issue, LABEL.planned, planner, startedAt);
      addLabel(issue, LABEL.inProgress, planner, startedAt);
      if (fate.pull !== null) {
        say(random.pick(MAINTAINER_IN_PROGRESS), startedAt + MINUTE, { assignee: fate.pull.author.login, pull: fate.pull.slot.number });
      }
      return;
    }
    case 'shipped': {
      const closer = maintainer();
      const reviewAt = triage(context, plan, issue, fate.closedAt);
      let current: string | null = null;
      if (random.chance(0.7)) {
        addLabel(issue, LABEL.underReview, closer, reviewAt);
        current = LABEL.underReview;
      }
      if (random.chance(0.6)) {
        const plannedAt = timeBetween(random, reviewAt + HOUR, fate.closedAt - 3 * HOUR);
        if (current !== null) removeLabel(issue, current, closer, plannedAt);
        addLabel(issue, LABEL.planned, closer, plannedAt);
        current = LABEL.planned;
        addSizing(context, plan, issue, closer, plannedAt);
        if (fate.pull !== null && fate.pull.slot.createdAt > plannedAt + MINUTE && fate.pull.slot.createdAt < fate.closedAt) {
          removeLabel(issue, current, closer, fate.pull.slot.createdAt);
          addLabel(issue, LABEL.inProgress, closer, fate.pull.slot.createdAt);
          current = LABEL.inProgress;
        }
      }
      closeIssue(issue, { actor: closer, at: fate.closedAt, reason: 'COMPLETED', closer: fate.pull === null ? null : planRef(fate.pull) });
      // Most maintainers mark shipped requests; some forget.
      if (random.chance(0.7)) {
        const labelledAt = fate.closedAt + random.between(MINUTE, HOUR);
        if (current !== null) removeLabel(issue, current, closer, labelledAt);
        addLabel(issue, LABEL.shipped, closer, labelledAt);
      }
      if (random.chance(0.55)) {
        say(random.pick(MAINTAINER_SHIPPED), fate.release.publishedAt + random.between(10 * MINUTE, 2 * DAY), { release: fate.release.tag });
      }
      if (random.chance(0.5)) {
        addComment(issue, {
          author: plan.author ?? random.pick(cast.participants),
          body: random.pick(['Thank you so much! 🎉', 'Works great, thanks!', 'Just upgraded, this is fantastic.', 'Amazing, thanks to everyone involved ❤️']),
          at: Math.min(fate.release.publishedAt + random.between(HOUR, 20 * DAY), NOW - MINUTE),
        });
      }
      return;
    }
    case 'declined': {
      const decider = maintainer();
      const reviewAt = triage(context, plan, issue, fate.closedAt);
      const reviewed = random.chance(0.6) && reviewAt < fate.closedAt - HOUR;
      if (reviewed) addLabel(issue, LABEL.underReview, decider, reviewAt);
      if (reviewed) removeLabel(issue, LABEL.underReview, decider, fate.closedAt);
      addLabel(issue, LABEL.declined, decider, fate.closedAt);
      say(random.pick(MAINTAINER_DECLINED), fate.closedAt - MINUTE);
      closeIssue(issue, { actor: decider, at: fate.closedAt, reason: 'NOT_PLANNED' });
      return;
    }
    case 'completed': {
      const closer = maintainer();
      if (random.chance(0.5)) addLabel(issue, LABEL.planned, closer, timeBetween(random, plan.slot.createdAt + HOUR, fate.closedAt - HOUR));
      closeIssue(issue, { actor: closer, at: fate.closedAt, reason: 'COMPLETED', closer: planRef(fate.pull) });
      return;
    }
    case 'duplicate':
    case 'discussion-closed':
      return;
  }
}

function applyIssueMarking(context: RenderContext, plan: RequestPlan, issue: IssueDraft): void {
  const marking = plan.marking;
  if (marking === null) return;
  const { random } = context;
  const { expression, markedAt, actor } = marking;
  if (expression.bodyNote) issue.editedAt = markedAt;
  if (expression.label) addLabel(issue, LABEL.duplicate, actor, markedAt);
  if (expression.comment) addComment(issue, { author: actor, body: duplicateSentence(marking, plan.slot.repository), at: markedAt });
  if (expression.event) markDuplicate(issue, targetRef(marking), actor, markedAt + 1000);
  if (expression.close) closeIssue(issue, { actor, at: markedAt + 2000, reason: 'DUPLICATE' });
  if (expression.undone) {
    const objectedAt = markedAt + random.between(6 * HOUR, 4 * DAY);
    addComment(issue, {
      author: plan.author ?? random.pick(context.cast.participants),
      body: `I don't think this is the same request: ${formatReference(targetRef(marking), plan.slot.repository, 'number')} is about full-content feeds, this one is about separate feeds per tag and per author.`,
      at: objectedAt,
    });
    const reopenedAt = objectedAt + random.between(2 * HOUR, 3 * DAY);
    addComment(issue, { author: actor, body: "You're right, sorry about that! Reopening.", at: reopenedAt });
    unmarkDuplicate(issue, targetRef(marking), actor, reopenedAt + 1000);
    if (expression.close) reopenIssue(issue, actor, reopenedAt + 2000);
  }
}

export function renderRequestIssue(context: RenderContext, plan: RequestPlan): SimIssue {
  const { random, cast } = context;
  const fate = plan.fate;
  const milestoneTitle = fate.kind === 'open' || fate.kind === 'shipped' ? fate.milestone : null;
  const issue = startIssue({
    number: plan.slot.number,
    title: titleOf(plan),
    body: bodyOf(context, plan),
    author: plan.author,
    createdAt: plan.slot.createdAt,
    milestone: milestoneTitle === null ? null : context.milestoneNumber(plan.slot.repository, milestoneTitle),
  });
  issue.locked = plan.locked;
  // The issue form applies the label on behalf of the author.
  addLabel(issue, LABEL.enhancement, plan.author, plan.slot.createdAt);
  if (plan.slot.repository === DOCS_REPOSITORY) addLabel(issue, LABEL.documentation, plan.author, plan.slot.createdAt);
  applyFate(context, plan, issue);
  applyIssueMarking(context, plan, issue);
  addConversation(random, cast, issue, {
    count: plan.comments,
    from: plan.slot.createdAt,
    until: endOf(plan),
    author: plan.author,
    related: context.earlierNumbers(plan.slot.repository, plan.slot.createdAt, 3),
    allowStale: fate.kind === 'open' && fate.status === 'untriaged',
    hostile: plan.hostileComment,
    tone: 'request',
  });
  addVotes(context, plan, issue.reactions, plan.votes);
  if (plan.slot.repository !== DOCS_REPOSITORY && random.chance(0.05)) {
    issue.editedAt = timeBetween(random, plan.slot.createdAt + HOUR, endOf(plan));
  }
  return finishIssue(issue, context.ids);
}

export function renderRequestDiscussion(context: RenderContext, plan: RequestPlan): SimDiscussion {
  const { random, cast } = context;
  const labels: string[] = [];
  if (plan.area !== null && random.chance(0.4)) labels.push(areaLabel(plan.area));
  if (plan.fate.kind === 'open' && random.chance(0.15)) labels.push(LABEL.underReview);
  const discussion = startDiscussion({
    number: plan.slot.number,
    title: titleOf(plan),
    body: bodyOf(context, plan),
    author: plan.author,
    category: plan.category,
    createdAt: plan.slot.createdAt,
    labels,
  });
  // Discussions are voted on with upvotes; some people also leave a 👍 on the post.
  discussion.upvoteCount = plan.votes + random.int(0, 3);
  addVotes(context, plan, discussion.reactions, Math.floor(plan.votes * random.between(0.1, 0.4)));
  const marking = plan.marking;
  if (marking !== null) {
    if (marking.expression.bodyNote) discussion.editedAt = marking.markedAt;
    if (marking.expression.comment) addComment(discussion, { author: marking.actor, body: duplicateSentence(marking, plan.slot.repository), at: marking.markedAt });
    if (marking.expression.close) discussion.closed = { at: marking.markedAt + 2000, reason: 'DUPLICATE' };
  }
  if (plan.fate.kind === 'discussion-closed') {
    addComment(discussion, {
      author: random.pick(cast.maintainers),
      body:
        plan.fate.reason === 'RESOLVED'
          ? 'This is now possible with the plugin API, see the docs. Marking as resolved.'
          : 'Closing as outdated: the way themes work changed in v1.5 and this no longer applies.',
      at: plan.fate.closedAt - MINUTE,
    });
    discussion.closed = { at: plan.fate.closedAt, reason: plan.fate.reason };
  }
  addConversation(random, cast, discussion, {
    count: plan.comments,
    from: plan.slot.createdAt,
    until: endOf(plan),
    author: plan.author,
    related: context.earlierNumbers(plan.slot.repository, plan.slot.createdAt, 3),
    allowStale: false,
    hostile: plan.hostileComment,
    tone: 'request',
  });
  return finishDiscussion(discussion, context.ids);
}
