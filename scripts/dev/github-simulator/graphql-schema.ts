/**
 * GitHub's public GraphQL schema, built from the IDL that `@octokit/graphql-schema` ships.
 *
 * The IDL is read rather than the package's JSON introspection because the JSON lags behind (it
 * lacks `Issue.stateReason(enableDuplicate:)`). Building takes about half a second, so it happens
 * once per process and every simulator in that process shares the result.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLSchema } from 'graphql';

const SCHEMA_IDL = new URL('../../../node_modules/@octokit/graphql-schema/schema.graphql', import.meta.url);

let schema: GraphQLSchema | undefined;

export function githubSchema(): GraphQLSchema {
  schema ??= buildSchema(readFileSync(SCHEMA_IDL, 'utf8'), { assumeValidSDL: true });
  return schema;
}
