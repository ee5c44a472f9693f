/**
 * The rules GitHub adds on top of GraphQL validation ("Node limit" in
 * https://docs.github.com/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api):
 * a connection that returns items needs `first` or `last`, page sizes lie within 1..100, and one
 * call may not ask for more than 500,000 nodes. GitHub reports the pagination ones as field errors
 * with a `type` and a `path`, so the caller still gets the rest of its data.
 */
import type { ConnectionUse } from './connection-walk.ts';

export const MAX_PAGE_SIZE = 100;
export const NODE_LIMIT = 500_000;

export interface GithubError {
  type: string;
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
}

function locationOf(use: ConnectionUse): { line: number; column: number }[] {
  const token = use.node.loc?.startToken;
  return token ? [{ line: token.line, column: token.column }] : [];
}

function boundError(use: ConnectionUse, argument: 'first' | 'last', value: number): GithubError | null {
  if (value > MAX_PAGE_SIZE) {
    return {
      type: 'EXCESSIVE_PAGINATION',
      path: use.path,
      locations: locationOf(use),
      message: `Requesting ${String(value)} records on the \`${use.fieldName}\` connection exceeds the \`${argument}\` limit of ${String(MAX_PAGE_SIZE)} records.`,
    };
  }
  if (value < 1) {
    return {
      type: 'INVALID_PAGINATION',
      path: use.path,
      locations: locationOf(use),
      message: `\`${argument}\` on the \`${use.fieldName}\` connection must be between 1 and ${String(MAX_PAGE_SIZE)}, got ${String(value)}.`,
    };
  }
  return null;
}

/** One error per connection that breaks GitHub's pagination rules. */
export function paginationErrors(uses: readonly ConnectionUse[]): GithubError[] {
  const errors: GithubError[] = [];
  for (const use of uses) {
    if (use.first === null && use.last === null) {
      if (use.selectsItems) {
        errors.push({
          type: 'MISSING_PAGINATION_BOUNDARIES',
          path: use.path,
          locations: locationOf(use),
          message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${use.fieldName}\` connection.`,
        });
      }
      continue;
    }
    const error =
      (use.first !== null ? boundError(use, 'first', use.first) : null) ??
      (use.last !== null ? boundError(use, 'last', use.last) : null);
    if (error) errors.push(error);
  }
  return errors;
}

export function nodeLimitError(nodeCount: number): GithubError | null {
  if (nodeCount <= NODE_LIMIT) return null;
  return {
    type: 'MAX_NODE_LIMIT_EXCEEDED',
    message: `This query requests up to ${nodeCount.toLocaleString('en-US')} nodes which exceeds the maximum limit of ${NODE_LIMIT.toLocaleString('en-US')}.`,
  };
}
