/**
 * GitHub's enums as we spell them (src/github/enums.ts) against GitHub's published GraphQL schema
 * (`@octokit/graphql-schema`): a value GitHub adds, renames or drops fails here, not in a sync.
 */
import { isEnumType, isInterfaceType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { githubSchema } from '../../scripts/dev/github-simulator/graphql-schema.ts';
import {
  ACTOR_TYPES,
  AUTHOR_ASSOCIATIONS,
  DISCUSSION_STATE_REASONS,
  ISSUE_STATE_REASONS,
  ISSUE_STATES,
  MAINTAINER_ASSOCIATIONS,
  REACTION_CONTENTS,
} from '../../src/github/enums.ts';

let schema: GraphQLSchema;
beforeAll(() => {
  schema = githubSchema();
});

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum in GitHub's schema`);
  return type.getValues().map((value) => value.name);
}

describe("GitHub's enums", () => {
  it.each([
    ['ReactionContent', REACTION_CONTENTS],
    ['CommentAuthorAssociation', AUTHOR_ASSOCIATIONS],
    ['IssueState', ISSUE_STATES],
    ['IssueStateReason', ISSUE_STATE_REASONS],
    ['DiscussionStateReason', DISCUSSION_STATE_REASONS],
  ] as const)('%s has exactly the values GitHub publishes', (name, values) => {
    expect([...values].sort()).toEqual(enumValues(name).sort());
    expect(new Set(values).size).toBe(values.length);
  });

  it('the maintainer associations are associations GitHub has', () => {
    const associations = enumValues('CommentAuthorAssociation');
    expect([...MAINTAINER_ASSOCIATIONS].every((association) => associations.includes(association))).toBe(true);
  });

  it('each actor type is a type that implements Actor', () => {
    const actor = schema.getType('Actor');
    if (!isInterfaceType(actor)) throw new Error('Actor is not an interface');
    const implementations = schema.getPossibleTypes(actor).map((type) => type.name);
    for (const type of ACTOR_TYPES) expect(implementations).toContain(type);
  });
});
