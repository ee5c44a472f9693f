import type { ReactionContent } from '../github-simulator/store-types.ts';
import { DAY, NOW } from './clock.ts';
import { react, type ReactionSet } from './item-builder.ts';
import type { Person } from './people.ts';
import type { Random } from './random.ts';

/**
 * Votes: 👍 reactions with a power-law count per request and realistic timing (most soon after
 * the request appears, a long tail, and for some requests a recent burst that makes them trend).
 */

/** Heavy-tailed 👍 count: about half the requests get none, a few dozen get many. */
export function drawVoteCount(random: Random, cap: number): number {
  return Math.min(cap, Math.floor(random.pareto(1, 1.05)) - 1);
}

export interface Burst {
  start: number;
  end: number;
  /** Share of the votes that fall inside the burst. */
  share: number;
}

/** A recent burst, as when a request gets linked from a popular post. */
export function recentBurst(random: Random, createdAt: number): Burst {
  const end = NOW - random.int(0, 3) * DAY;
  const start = Math.max(createdAt, end - random.int(4, 14) * DAY);
  return { start, end, share: random.between(0.35, 0.7) };
}

export interface VoteTiming {
  from: number;
  until: number;
  burst: Burst | null;
}

export function voteTime(random: Random, timing: VoteTiming): number {
  const span = Math.max(timing.until - timing.from, 60_000);
  const roll = random.next();
  if (timing.burst !== null && roll < timing.burst.share) {
    return random.between(timing.burst.start, Math.max(timing.burst.start + 60_000, timing.burst.end));
  }
  // Interest peaks when a request is new and decays; the rest trickles in over its lifetime.
  if (random.chance(0.55)) return timing.from + Math.min(span, -Math.log(1 - random.next()) * Math.min(span / 6, 20 * DAY));
  return timing.from + random.next() * span;
}

export interface ReactionCrowd {
  /** Accounts that may react; reactions by the same account and content are never repeated. */
  pool: readonly Person[];
  /** Share of reactions whose account was later deleted. */
  deletedShare: number;
}

/** Adds `count` reactions of one content from distinct accounts (plus some deleted ones). */
export function addReactions(
  random: Random,
  target: ReactionSet,
  content: ReactionContent,
  count: number,
  crowd: ReactionCrowd,
  timing: VoteTiming,
): void {
  if (count <= 0) return;
  const deleted = Math.round(count * crowd.deletedShare * random.between(0.5, 1.5));
  const fromAccounts = Math.max(0, count - deleted);
  for (const member of random.sample(crowd.pool, fromAccounts)) react(target, content, member, voteTime(random, timing));
  for (let index = 0; index < count - fromAccounts; index++) react(target, content, null, voteTime(random, timing));
}

/** 👍 plus the other reactions people leave alongside them. */
export function addVoteReactions(
  random: Random,
  target: ReactionSet,
  thumbsUp: number,
  crowd: ReactionCrowd,
  timing: VoteTiming,
  mood: { shipped: boolean; controversial: boolean },
): void {
  addReactions(random, target, 'THUMBS_UP', thumbsUp, crowd, timing);
  const share = (fraction: number): number => Math.floor(thumbsUp * fraction * random.between(0.5, 1.5));
  addReactions(random, target, 'HEART', share(0.12), crowd, timing);
  addReactions(random, target, 'ROCKET', share(0.05), crowd, timing);
  addReactions(random, target, 'EYES', share(0.03), crowd, timing);
  if (mood.shipped) addReactions(random, target, 'HOORAY', share(0.15) + 1, crowd, timing);
  if (mood.controversial) addReactions(random, target, 'THUMBS_DOWN', share(0.25) + random.int(2, 8), crowd, timing);
  else if (random.chance(0.08)) addReactions(random, target, 'THUMBS_DOWN', random.int(1, 2), crowd, timing);
  if (random.chance(0.03)) addReactions(random, target, 'LAUGH', 1, crowd, timing);
  if (random.chance(0.03)) addReactions(random, target, 'CONFUSED', 1, crowd, timing);
}
