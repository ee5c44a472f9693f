/**
 * The true demand behind a request: the people who voted on it or on any of its duplicates,
 * each counted once, however many duplicates they reacted to and with however many of the
 * configured reactions.
 *
 * - Bots, `exclude.users` and deleted accounts (GitHub's "ghost", login null) never count.
 *   Items with an excluded label never reach this point (see `publishable-items.ts`).
 * - With `votes.countAuthor`, whoever opened the request or a duplicate counts as a voter, as
 *   on most feedback boards: asking is wanting. Without it their own reaction is ignored too.
 * - Discussion upvotes are anonymous: GitHub gives only a count. A person may both upvote a
 *   Discussion and react to it, and the same anonymous person may upvote two merged
 *   Discussions, so we never add up what could be the same people twice: the anonymous votes
 *   are the largest, over the request's Discussions, of (upvotes − named voters of that
 *   Discussion). The total is therefore a floor, never an inflated figure.
 * @see https://docs.github.com/en/graphql/reference/interfaces#votable
 */
import type { ExcludeConfig } from '../config/schemas/exclude.ts';
import type { VotesConfig } from '../config/schemas/votes.ts';
import type { Item } from '../snapshot/schema.ts';
import { isExcludedAccount } from './excluded-accounts.ts';
import type { VoteTally, Voter } from './types.ts';

export interface VoterRules {
  votes: Pick<VotesConfig, 'reactions' | 'countAuthor'>;
  exclude: ExcludeConfig;
  /** The avatar to show for a login (votes carry only logins). */
  avatarFor: (login: string) => string;
}

/** Counts the people behind `items`: a canonical item and its duplicates. */
export function uniqueVoters(items: readonly Item[], rules: VoterRules): VoteTally {
  const reactions = new Set<string>(rules.votes.reactions);
  const people = new Map<string, Voter>();
  let anonymous = 0;
  let anonymousSince: string | null = null;

  const count = (login: string, votedAt: string, avatarUrl: string | undefined): void => {
    const key = login.toLowerCase();
    const known = people.get(key);
    if (known === undefined) {
      people.set(key, { login, avatarUrl: avatarUrl ?? rules.avatarFor(login), votedAt });
    } else if (votedAt < known.votedAt) {
      people.set(key, { ...known, votedAt });
    }
  };

  for (const item of items) {
    const named = new Set<string>();
    const authorLogin = item.author?.login.toLowerCase() ?? null;
    for (const vote of item.votes) {
      if (vote.login === null || !reactions.has(vote.content)) continue;
      if (isExcludedAccount(vote.login, vote.type, rules.exclude)) continue;
      if (!rules.votes.countAuthor && vote.login.toLowerCase() === authorLogin) continue;
      count(vote.login, vote.createdAt, undefined);
      named.add(vote.login.toLowerCase());
    }
    if (rules.votes.countAuthor && item.author && !isExcludedAccount(item.author.login, item.author.type, rules.exclude)) {
      count(item.author.login, item.createdAt, item.author.avatarUrl);
      named.add(item.author.login.toLowerCase());
    }
    if (item.type === 'discussion') {
      const unnamed = Math.max(0, item.upvoteCount - named.size);
      if (unnamed > anonymous) {
        anonymous = unnamed;
        anonymousSince = item.createdAt;
      }
    }
  }

  const voters = [...people.values()].sort(
    (a, b) => a.votedAt.localeCompare(b.votedAt) || a.login.toLowerCase().localeCompare(b.login.toLowerCase()),
  );
  return { total: voters.length + anonymous, people: voters, anonymous, anonymousSince };
}
