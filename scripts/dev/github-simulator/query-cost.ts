/**
 * GitHub's GraphQL rate-limit score for a query, computed the way GitHub documents it
 * (https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api):
 * add up the requests needed to fulfil each connection, assuming every one reaches its `first` or
 * `last` limit (a nested connection is fetched once per item its enclosing connections can return),
 * divide by 100 and round to the nearest whole number; a query costs at least 1 point.
 */
import { getVariableValues, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { findOperation, walkConnections, type ConnectionUse } from './connection-walk.ts';
import { githubSchema } from './graphql-schema.ts';

export interface QueryCost {
  /** Points deducted from the hourly GraphQL budget. */
  cost: number;
  /** Requests GitHub needs to fulfil every connection (the sum before dividing by 100). */
  requestCount: number;
  /** The most nodes the query can return (`rateLimit { nodeCount }`; the per-call limit is 500,000). */
  nodeCount: number;
}

/** Cost of the connections found by `walkConnections`. */
export function costOfConnections(uses: readonly ConnectionUse[]): QueryCost {
  let requestCount = 0;
  let nodeCount = 0;
  for (const use of uses) {
    requestCount += use.parents;
    if (use.selectsItems) nodeCount += use.parents * Math.max(use.first ?? 0, use.last ?? 0);
  }
  return { cost: Math.max(1, Math.round(requestCount / 100)), requestCount, nodeCount };
}

export interface QueryCostOptions {
  variables?: Record<string, unknown>;
  operationName?: string;
  /** Defaults to GitHub's public schema. */
  schema?: GraphQLSchema;
}

/**
 * The rate-limit cost of one GraphQL operation. Throws when the document has several operations
 * and no `operationName` says which, or when the variables do not fit their declared types.
 */
export function calculateQueryCost(query: string | DocumentNode, options: QueryCostOptions = {}): QueryCost {
  const schema = options.schema ?? githubSchema();
  const document = typeof query === 'string' ? parse(query) : query;
  const operation = findOperation(document, options.operationName);
  if (!operation) {
    throw new Error(
      options.operationName
        ? `The document has no operation named "${options.operationName}".`
        : 'The document has several operations; pass operationName to say which one to price.',
    );
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], options.variables ?? {});
  if (coerced.errors) {
    throw new Error(`The variables do not fit the operation: ${coerced.errors.map((error) => error.message).join(' ')}`);
  }
  return costOfConnections(walkConnections(schema, document, operation, coerced.coerced));
}
