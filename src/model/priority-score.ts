/**
 * A priority score for maintainers: what to work on next, from the demand behind a request and
 * the maintainers' own `impact:`, `priority:` and `effort:` labels. It is shown only on the
 * unlisted maintainers' page; the public lists rank by votes, trend, age and ship date.
 *
 *     demand = V + R + C / 4
 *     score  = demand × impact × priority / effort
 *
 * - V, votes: the request's unique voters plus anonymous upvotes (`votes.total`), as shown
 *   everywhere on the site.
 * - R, recent votes: each of those votes weighted by its age, 1 for a vote cast at sync time,
 *   ½ after `votes.trendingHalfLifeDays`, ¼ after twice that… (the trending score; 0 ≤ R ≤ V).
 *   A vote cast today thus counts twice, an old one once.
 * - C, comments on the request's own item: engagement, but cheap, so four count as one vote.
 * - impact and priority: from labels such as `impact: high` and `priority: low`, see
 *   `LEVEL_FACTORS`; 1 without a label.
 * - effort: from labels such as `effort: large` or `effort: s`, see `EFFORT_FACTORS`; 1 (medium)
 *   without a label. It divides: cheap wins rise.
 *
 * Labels are matched without regard to case and written `kind: value`, `kind:value`,
 * `kind/value` or `kind - value`. Unknown values count as no label. With several labels of one
 * kind, the largest factor counts (for effort, the most pessimistic estimate).
 */
import type { StatusId } from '../config/status-ids.ts';
import { isOpenRequest } from './status.ts';

/** `impact:` and `priority:` label values → factor. */
export const LEVEL_FACTORS: Readonly<Record<string, number>> = {
  low: 0.5,
  p3: 0.5,
  medium: 1,
  normal: 1,
  p2: 1,
  high: 2,
  p1: 2,
  critical: 3,
  urgent: 3,
  p0: 3,
};

/** `effort:` label values → factor (the score is divided by it). */
export const EFFORT_FACTORS: Readonly<Record<string, number>> = {
  xs: 0.25,
  s: 0.5,
  small: 0.5,
  m: 1,
  medium: 1,
  l: 2,
  large: 2,
  xl: 4,
};

/** How much four comments weigh against one vote. */
export const COMMENT_WEIGHT = 0.25;

export type FactorKind = 'impact' | 'priority' | 'effort';

/** The fields the score needs; both model requests and stored entries have them. */
export interface Prioritizable {
  key: string;
  status: StatusId;
  votes: { total: number };
  trendingScore: number;
  commentCount: number;
  labels: readonly { name: string }[];
}

export interface LabelFactor {
  factor: number;
  /** The label it comes from; null when the request has none of this kind (factor 1). */
  label: string | null;
}

export interface PriorityBreakdown<T extends Prioritizable = Prioritizable> {
  request: T;
  votes: number;
  recentVotes: number;
  comments: number;
  /** V + R + C / 4. */
  demand: number;
  impact: LabelFactor;
  priority: LabelFactor;
  effort: LabelFactor;
  /** demand × impact × priority / effort, rounded to six decimals so the order never depends on floating-point noise. */
  score: number;
}

const LABEL = /^\s*(impact|priority|effort)\s*(?::|\/|\s-\s)\s*(.+?)\s*$/i;

/** The factor a request's labels give for one kind. */
export function labelFactor(labels: readonly { name: string }[], kind: FactorKind): LabelFactor {
  const table = kind === 'effort' ? EFFORT_FACTORS : LEVEL_FACTORS;
  let best: LabelFactor = { factor: 1, label: null };
  for (const { name } of labels) {
    const match = LABEL.exec(name);
    if (match === null || match[1]?.toLowerCase() !== kind) continue;
    const factor = table[(match[2] ?? '').toLowerCase()];
    if (factor !== undefined && (best.label === null || factor > best.factor)) best = { factor, label: name };
  }
  return best;
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

export function priorityScore<T extends Prioritizable>(request: T): PriorityBreakdown<T> {
  const votes = request.votes.total;
  const recentVotes = request.trendingScore;
  const comments = request.commentCount;
  const demand = votes + recentVotes + comments * COMMENT_WEIGHT;
  const impact = labelFactor(request.labels, 'impact');
  const priority = labelFactor(request.labels, 'priority');
  const effort = labelFactor(request.labels, 'effort');
  return {
    request,
    votes,
    recentVotes,
    comments,
    demand: round(demand),
    impact,
    priority,
    effort,
    score: round((demand * impact.factor * priority.factor) / effort.factor),
  };
}

/** The orders of the maintainers' priority table; `score` is the default. */
export const PRIORITY_SORTS = ['score', 'votes', 'recent', 'comments', 'impact', 'priority', 'effort'] as const;
export type PrioritySort = (typeof PRIORITY_SORTS)[number];

type Row = PriorityBreakdown;

const byScore = (a: Row, b: Row): number =>
  b.score - a.score || b.votes - a.votes || a.request.key.localeCompare(b.request.key);

const COMPARATORS: Record<PrioritySort, (a: Row, b: Row) => number> = {
  score: byScore,
  votes: (a, b) => b.votes - a.votes || byScore(a, b),
  recent: (a, b) => b.recentVotes - a.recentVotes || byScore(a, b),
  comments: (a, b) => b.comments - a.comments || byScore(a, b),
  impact: (a, b) => b.impact.factor - a.impact.factor || byScore(a, b),
  priority: (a, b) => b.priority.factor - a.priority.factor || byScore(a, b),
  // Least effort first: the quick wins.
  effort: (a, b) => a.effort.factor - b.effort.factor || byScore(a, b),
};

/** Open requests with their scores, in `sort`'s order, best first. Does not change its input. */
export function rankByPriority<T extends Prioritizable>(requests: readonly T[], sort: PrioritySort = 'score'): PriorityBreakdown<T>[] {
  return requests
    .filter(isOpenRequest)
    .map((request) => priorityScore(request))
    .sort(COMPARATORS[sort] as (a: PriorityBreakdown<T>, b: PriorityBreakdown<T>) => number);
}
