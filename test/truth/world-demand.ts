/**
 * The demand behind a generated world's requests, worked out from the world itself and the
 * generator's ground truth, never from the model: what a careful person would count by hand.
 * See docs/true-demand.md for the rules this follows.
 */
import type { GroundTruth, Ref } from '../../scripts/dev/demo/ground-truth.ts';
import type { SimDiscussion, SimIssue, SimWorld } from '../../scripts/dev/github-simulator/store-types.ts';
import type { RoadmapConfig } from '../../src/config/index.ts';

export type SimItem = SimIssue | SimDiscussion;

export const keyOf = (ref: Ref): string => `${ref.repository.toLowerCase()}#${ref.number}`;

export function worldItems(world: SimWorld): Map<string, SimItem> {
  const items = new Map<string, SimItem>();
  for (const repository of world.repositories) {
    const name = `${repository.owner}/${repository.name}`;
    for (const item of [...repository.issues, ...repository.discussions]) items.set(keyOf({ repository: name, number: item.number }), item);
  }
  return items;
}

/** The truth's groups: canonical request → every request that resolves to it, itself included. */
export function truthGroups(truth: GroundTruth): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const request of truth.requests) {
    const canonical = keyOf(request.canonical);
    groups.set(canonical, [...(groups.get(canonical) ?? []), keyOf(request.ref)]);
  }
  return groups;
}

/** The account that cast the most 👍 on requests: excluding it must show in the counts. */
export function busiestVoter(world: SimWorld, truth: GroundTruth): string {
  const items = worldItems(world);
  const counts = new Map<string, number>();
  for (const request of truth.requests) {
    for (const reaction of items.get(keyOf(request.ref))?.reactions ?? []) {
      if (reaction.user !== null && reaction.content === 'THUMBS_UP') counts.set(reaction.user, (counts.get(reaction.user) ?? 0) + 1);
    }
  }
  const [login] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [''];
  return login;
}

export interface ExpectedDemand {
  /** Lower-cased logins of the people who count. */
  people: Set<string>;
  /** Discussion upvoters there must be beyond them. */
  anonymous: number;
  total: number;
}

/**
 * Counts a group of world items: the configured reactions by living, human, non-excluded
 * accounts (authors' reactions to their own items included), the authors when they count
 * without reacting, and as many anonymous upvoters as the largest Discussion's upvotes exceed
 * the people named.
 */
export function expectedDemand(world: SimWorld, group: readonly SimItem[], config: RoadmapConfig): ExpectedDemand {
  const reactions = new Set<string>(config.votes.reactions);
  const excluded = new Set(config.exclude.users.map((login) => login.toLowerCase()));
  const isBot = (login: string): boolean => login.endsWith('[bot]') || world.users[login]?.type === 'Bot';
  const counts = (login: string): boolean => !(config.exclude.bots && isBot(login)) && !excluded.has(login.toLowerCase());
  const people = new Set<string>();
  let upvotes = 0;
  for (const item of group) {
    for (const reaction of item.reactions) {
      if (reaction.user === null || !reactions.has(reaction.content) || !counts(reaction.user)) continue;
      people.add(reaction.user.toLowerCase());
    }
    if (config.votes.countAuthor && item.author !== null && counts(item.author)) people.add(item.author.toLowerCase());
    if ('upvoteCount' in item) upvotes = Math.max(upvotes, item.upvoteCount);
  }
  const anonymous = Math.max(0, upvotes - people.size);
  return { people, anonymous, total: people.size + anonymous };
}

/** The expected demand of every canonical request of the truth, by key. */
export function expectedDemandByRequest(world: SimWorld, truth: GroundTruth, config: RoadmapConfig): Map<string, ExpectedDemand> {
  const items = worldItems(world);
  const demand = new Map<string, ExpectedDemand>();
  for (const [canonical, keys] of truthGroups(truth)) {
    const group = keys.map((key) => items.get(key)).filter((item) => item !== undefined);
    demand.set(canonical, expectedDemand(world, group, config));
  }
  return demand;
}
