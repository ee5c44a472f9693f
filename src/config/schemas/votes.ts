import { z } from 'zod';
import { closestMatch } from '../did-you-mean.ts';
import { hintFor } from '../error-map.ts';
import { describeValue, withHint } from '../messages.ts';
import {
  REACTION_ALIASES,
  REACTION_CONTENTS,
  normaliseReaction,
  type ReactionAlias,
  type ReactionContent,
} from '../reactions.ts';

const ACCEPTED_REACTIONS: readonly (ReactionContent | ReactionAlias)[] = [
  ...REACTION_CONTENTS,
  ...(Object.keys(REACTION_ALIASES) as ReactionAlias[]),
];

const reactionSchema = z
  .enum(ACCEPTED_REACTIONS as [ReactionContent | ReactionAlias, ...(ReactionContent | ReactionAlias)[]], {
    error: (issue) => {
      const suggestion =
        typeof issue.input === 'string' ? closestMatch(issue.input, [...ACCEPTED_REACTIONS]) : undefined;
      const hint =
        suggestion === undefined
          ? `use ${REACTION_CONTENTS.join(', ')}, or a REST name or emoji such as "+1" or "👍"`
          : `did you mean "${suggestion}"?`;
      return withHint(`${describeValue(issue.input)} is not a GitHub reaction`, hint);
    },
  })
  .transform(normaliseReaction);

/** How votes are counted and ranked. */
export const votesSchema = z
  .strictObject({
    /**
     * Reactions that count as a vote, as GitHub's names (`THUMBS_UP`, `HEART`, …) or their
     * REST names and emoji (`'+1'`, `'👍'`, `'heart'`, `'❤️'`), which are normalised to the names.
     * A person reacting with several of them still counts once.
     * @default ['THUMBS_UP']
     */
    reactions: z
      .array(reactionSchema)
      .min(1, { error: hintFor('list at least one reaction, e.g. ["THUMBS_UP"]') })
      .transform((reactions) => [...new Set(reactions)])
      .default((): ReactionContent[] => ['THUMBS_UP']),
    /**
     * Whether whoever opened a request (or one of its duplicates) counts as one of its voters
     * without reacting. A reaction is a vote whoever gives it, the author included.
     * @default true
     */
    countAuthor: z.boolean().default(true),
    /**
     * For the "trending" order: a vote counts half as much after this many days, a quarter after
     * twice as many, and so on.
     * @default 14
     */
    trendingHalfLifeDays: z.number().positive().default(14),
  })
  .prefault({});

export type VotesConfig = z.output<typeof votesSchema>;
