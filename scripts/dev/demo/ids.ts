import type { Random } from './random.ts';

/**
 * Database ids. GitHub's ids grow over time with gaps (other repositories take the numbers in
 * between), so each kind of object gets its own increasing sequence starting at a plausible value.
 * Kinds use disjoint ranges, which keeps ids unique across the whole world as well.
 */
export interface IdSequence {
  next(): number;
}

export interface WorldIds {
  user: IdSequence;
  repository: IdSequence;
  issue: IdSequence;
  pullRequest: IdSequence;
  discussion: IdSequence;
  comment: IdSequence;
  event: IdSequence;
  milestone: IdSequence;
  release: IdSequence;
  category: IdSequence;
}

function createSequence(random: Random, start: number, maxGap: number): IdSequence {
  let current = start;
  return {
    next() {
      current += random.int(1, maxGap);
      return current;
    },
  };
}

/** `expectedUsers` spreads user ids over GitHub's real range (a few hundred million) whatever the cast size. */
export function createWorldIds(random: Random, expectedUsers: number): WorldIds {
  const userGap = Math.max(2, Math.floor(300_000_000 / Math.max(1, expectedUsers)));
  return {
    user: createSequence(random.fork('user'), 1_200_000, userGap),
    repository: createSequence(random.fork('repository'), 610_000_000, 5_000),
    issue: createSequence(random.fork('issue'), 2_300_000_000, 40),
    pullRequest: createSequence(random.fork('pull'), 1_900_000_000, 40),
    discussion: createSequence(random.fork('discussion'), 5_100_000, 30),
    comment: createSequence(random.fork('comment'), 2_400_000_000, 25),
    event: createSequence(random.fork('event'), 14_000_000_000, 60),
    milestone: createSequence(random.fork('milestone'), 11_000_000, 500),
    release: createSequence(random.fork('release'), 180_000_000, 4_000),
    category: createSequence(random.fork('category'), 39_000_000, 50),
  };
}
