import { describe, expect, it } from 'vitest';
import { parseConfig, REACTION_CONTENTS, type RoadmapConfigInput } from '../../src/config/index.ts';

const minimal = { site: { title: 'Acme roadmap' }, sources: [{ repo: 'acme/widgets' }] } satisfies RoadmapConfigInput;

function reactionsOf(reactions: NonNullable<NonNullable<RoadmapConfigInput['votes']>['reactions']>) {
  return parseConfig({ ...minimal, votes: { reactions } }).votes.reactions;
}

describe('vote reactions', () => {
  it('accepts every GitHub reaction name as is', () => {
    expect(reactionsOf([...REACTION_CONTENTS])).toEqual([...REACTION_CONTENTS]);
  });

  it('turns REST names into GitHub reaction names', () => {
    expect(reactionsOf(['+1', '-1', 'laugh', 'hooray', 'confused', 'heart', 'rocket', 'eyes'])).toEqual([
      'THUMBS_UP',
      'THUMBS_DOWN',
      'LAUGH',
      'HOORAY',
      'CONFUSED',
      'HEART',
      'ROCKET',
      'EYES',
    ]);
  });

  it('turns emoji into GitHub reaction names, with or without the emoji variation selector', () => {
    expect(reactionsOf(['👍', '👎', '😄', '🎉', '😕', '❤️', '🚀', '👀'])).toEqual([
      'THUMBS_UP',
      'THUMBS_DOWN',
      'LAUGH',
      'HOORAY',
      'CONFUSED',
      'HEART',
      'ROCKET',
      'EYES',
    ]);
    expect(reactionsOf(['❤'])).toEqual(['HEART']);
  });

  it('lists a reaction once however many spellings of it are given', () => {
    expect(reactionsOf(['+1', 'THUMBS_UP', '👍', 'heart'])).toEqual(['THUMBS_UP', 'HEART']);
  });
});
