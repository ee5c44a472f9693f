/**
 * The true demand behind a request: the people who voted on it or on any of its duplicates,
 * each counted once, however many duplicates they reacted to, in whichever channel, and with
 * however many of the configured reactions.
 *
 * - A vote is a reaction with one of `votes.reactions` (👍 by default).
 * - Bots (a `[bot]` login or GitHub type `Bot`, while `exclude.bots` is on), `exclude.users` and
 *   deleted accounts (GitHub's "ghost", login null) never count. Items with an excluded label
 *   (spam) or by an excluded author never reach this point (see `publishable-items.ts`).
 * - A reaction by anyone is a vote, the author's own on their item included: GitHub counts and
 *   shows it like any other. `votes.countAuthor` decides whether whoever opened the request or
 *   one of its duplicates also counts *without* reacting, as on most feedback boards: asking is
 *   wanting. Either way an author counts once.
 * - Discussion upvotes are anonymous: GitHub gives only a number, which includes the author's
 *   own upvote when they gave one. An upvoter may be one of the people already counted (who
 *   reacted somewhere in the group, or opened an item of it and counts as its author), and the
 *   same person may upvote two merged Discussions. So the total is the smallest number of
 *   distinct people the data allows: every named person once, plus the upvoters there must be
 *   beyond them. An author's upvote is a vote like anyone's, so `countAuthor` takes nothing off
 *   the count; it can only name the author, whom the upvotes then cover first. Exactly:
 *
 *       upvotes   = the largest upvote count among the group's Discussions
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
    for (const vote of item.votes) {
      if (vote.login === null || !reactions.has(vote.content)) continue;
      if (isExcludedAccount(vote.login, vote.type, rules.exclude)) continue;
      count(vote.login, vote.createdAt, undefined);
    }
    if (rules.votes.countAuthor && item.author && !isExcludedAccount(item.author.login, item.author.type, rules.exclude)) {
      count(item.author.login, item.createdAt, item.author.avatarUrl);
    }
    if (item.type === 'discussion' && item.upvoteCount > upvotes) {
      upvotes = item.upvoteCount;
      upvotesSince = item.createdAt;
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
    imported: [],
  };
}
