/**
 * GitHub reactions that can count as votes, and the other spellings people use for them.
 *
 * The snapshot stores GraphQL's `ReactionContent` names; the REST API and GitHub's own UI use
 * `+1`, `heart` or the emoji itself, so those are accepted too and normalised to the enum.
 */
import type { ReactionContent } from '../github/enums.ts';

export { REACTION_CONTENTS, type ReactionContent } from '../github/enums.ts';

/** REST names and emoji, each mapped to the GraphQL name. */
export const REACTION_ALIASES = {
  '+1': 'THUMBS_UP',
  '👍': 'THUMBS_UP',
  '-1': 'THUMBS_DOWN',
  '👎': 'THUMBS_DOWN',
  laugh: 'LAUGH',
  '😄': 'LAUGH',
  hooray: 'HOORAY',
  '🎉': 'HOORAY',
  confused: 'CONFUSED',
  '😕': 'CONFUSED',
  heart: 'HEART',
  '❤️': 'HEART',
  // The heart without its emoji variation selector, as some keyboards type it.
  '❤': 'HEART',
  rocket: 'ROCKET',
  '🚀': 'ROCKET',
  eyes: 'EYES',
  '👀': 'EYES',
} as const satisfies Record<string, ReactionContent>;

export type ReactionAlias = keyof typeof REACTION_ALIASES;

export function normaliseReaction(reaction: ReactionContent | ReactionAlias): ReactionContent {
  return reaction in REACTION_ALIASES ? REACTION_ALIASES[reaction as ReactionAlias] : (reaction as ReactionContent);
}
