/**
 * The true demand behind a request: the people who voted on it or on any of its duplicates,
 * each counted once, however many duplicates they reacted to, in whichever channel, and with
 * however many of the configured reactions.
 *
 * - A vote is a reaction with one of `votes.reactions` (👍 by default).
 * - Bots (a `[bot]` login or GitHub type `Bot`, while `exclude.bots` is on), `exclude.users` and
 *   deleted accounts (GitHub's "ghost", login null) never count. Items with an excluded label
 *   (spam) or by an excluded author never reach this point (see `publishable-items.ts`).
 * - With `votes.countAuthor`, whoever opened the request or one of its duplicates counts as a
 *   voter, as on most feedback boards: asking is wanting. Without it, an author's own reaction
 *   on the item they opened does not count either (their reaction on another item of the group
 *   does: that is a vote like anyone's).
 * - Discussion upvotes are anonymous: GitHub gives only a number. An upvoter may be one of the
 *   people already counted (who reacted somewhere in the group, or opened an item of it), and
 *   the same person may upvote two merged Discussions. So the total is the smallest number of
 *   distinct people the data allows: every named person once, plus the upvoters there must be
 *   beyond them. Exactly:
 *
 *       upvotes   = the largest upvote count among the group's Discussions
 *                   (minus one per Discussion when authors do not count: its author may have upvoted it)
 *       anonymous = max(0, upvotes − named people)
 *       total     = named people + anonymous
 *
 *   Anonymous upvotes are shown as such, never as people.
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
  let upvotes = 0;
  let upvotesSince: string | null = null;

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
    const authorLogin = item.author?.login.toLowerCase() ?? null;
    for (const vote of item.votes) {
      if (vote.login === null || !reactions.has(vote.content)) continue;
      if (isExcludedAccount(vote.login, vote.type, rules.exclude)) continue;
      if (!rules.votes.countAuthor && vote.login.toLowerCase() === authorLogin) continue;
      count(vote.login, vote.createdAt, undefined);
    }
    if (rules.votes.countAuthor && item.author && !isExcludedAccount(item.author.login, item.author.type, rules.exclude)) {
      count(item.author.login, item.createdAt, item.author.avatarUrl);
    }
    if (item.type === 'discussion') {
      const counted = rules.votes.countAuthor ? item.upvoteCount : Math.max(0, item.upvoteCount - 1);
      if (counted > upvotes) {
        upvotes = counted;
        upvotesSince = item.createdAt;
      }
    }
  }

  const voters = [...people.values()].sort(
    (a, b) => a.votedAt.localeCompare(b.votedAt) || a.login.toLowerCase().localeCompare(b.login.toLowerCase()),
  );
  const anonymous = Math.max(0, upvotes - voters.length);
  return {
    total: voters.length + anonymous,
    people: voters,
    anonymous,
    anonymousSince: anonymous > 0 ? upvotesSince : null,
    upvotes,
  };
}
