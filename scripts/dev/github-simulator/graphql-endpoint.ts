/**
 * `POST /graphql`, in GitHub's order: parse, validate against GitHub's schema, apply GitHub's own
 * pagination and node-limit rules, price the query and charge the budget, then execute.
 * Every answer that got this far is HTTP 200, errors included, as on GitHub.
 */
import { execute, getArgumentValues, getVariableValues, Kind, validate, type OperationDefinitionNode } from 'graphql';
import { findOperation, walkConnections } from './connection-walk.ts';
import { createMutationRoot, unsupportedMutationFields } from './graphql-mutations.ts';
import { createRootValue } from './graphql-resolvers.ts';
import {
  executionErrorLikeGithub,
  syntaxErrorLikeGithub,
  validationErrorsLikeGithub,
  variableErrorsLikeGithub,
  type GithubGraphqlError,
} from './graphql-errors.ts';
import type { ParsedGraphqlRequest } from './graphql-request.ts';
import type { ResolverContext } from './graphql-context.ts';
import { githubSchema } from './graphql-schema.ts';
import { formatGithubTime } from './github-time.ts';
import { nodeLimitError, paginationErrors } from './github-rules.ts';
import type { SimResponse } from './http-response.ts';
import { costOfConnections } from './query-cost.ts';
import { usedOf, type RateLimitBucket } from './rate-limits.ts';
import type { SimActor } from './store-types.ts';
import type { WorldIndex } from './world-index.ts';

export interface GraphqlCall {
  request: Extract<ParsedGraphqlRequest, { problem: null }>;
  index: WorldIndex;
  viewer: SimActor;
  bucket: RateLimitBucket;
  /** When the request arrived; stamps what a mutation creates. Default: the clock. */
  now?: Date;
  /** The token may read GitHub Projects; default true. */
  canReadProjects?: boolean;
}

export interface GraphqlAnswer {
  response: SimResponse;
  /** Points charged to the budget. */
  cost: number;
}

function errorsOnly(errors: GithubGraphqlError[]): GraphqlAnswer {
  return { response: { status: 200, body: { errors } }, cost: 0 };
}

/** GitHub's answer once the GraphQL budget is spent (HTTP 200, like every GraphQL error). */
export function graphqlRateLimited(viewer: SimActor): SimResponse {
  return {
    status: 200,
    body: { errors: [{ type: 'RATE_LIMITED', message: `API rate limit already exceeded for user ID ${String(viewer.id)}.` }] },
  };
}

/** `rateLimit(dryRun: true)` asks for the price only. */
function isDryRun(operation: OperationDefinitionNode, variables: Record<string, unknown>): boolean {
  const rateLimitField = githubSchema().getQueryType()?.getFields()['rateLimit'];
  if (!rateLimitField) return false;
  return operation.selectionSet.selections.some(
    (selection) =>
      selection.kind === Kind.FIELD &&
      selection.name.value === 'rateLimit' &&
      getArgumentValues(rateLimitField, selection, variables)['dryRun'] === true,
  );
}

export async function answerGraphql(call: GraphqlCall): Promise<GraphqlAnswer> {
  const { request, bucket } = call;
  const schema = githubSchema();
  if (request.syntaxError || !request.document) {
    return errorsOnly(request.syntaxError ? [syntaxErrorLikeGithub(request.syntaxError)] : []);
  }
  const document = request.document;
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return errorsOnly(validationErrorsLikeGithub(validationErrors, document));

  const operation = findOperation(document, request.requestedOperationName);
  if (!operation) {
    return errorsOnly([
      {
        message: request.requestedOperationName
          ? `No operation named "${request.requestedOperationName}"`
          : 'An operation name is required',
      },
    ]);
  }
  if (operation.operation === 'subscription' || (operation.operation === 'mutation' && unsupportedMutationFields(operation).length > 0)) {
    return errorsOnly([
      {
        type: 'UNSUPPORTED',
        message: `The GitHub simulator answers queries and the addDiscussionComment mutation only, so this ${operation.operation} did not run. Create issue comments through the REST endpoint instead.`,
      },
    ]);
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
  if (coerced.errors) return errorsOnly(variableErrorsLikeGithub(coerced.errors, operation));

  const uses = walkConnections(schema, document, operation, coerced.coerced);
  const { cost, nodeCount } = costOfConnections(uses);
  const tooManyNodes = nodeLimitError(nodeCount);
  if (tooManyNodes) return errorsOnly([tooManyNodes]);
  const paginationProblems = paginationErrors(uses);
  const blockedRootKeys = new Set(paginationProblems.map((problem) => String(problem.path?.[0])));

  const dryRun = isDryRun(operation, coerced.coerced);
  if (!dryRun) {
    if (bucket.remaining < cost) return { response: graphqlRateLimited(call.viewer), cost: 0 };
    bucket.remaining -= cost;
  }

  const context: ResolverContext = {
    index: call.index,
    authenticated: true,
    viewer: call.viewer,
    canReadProjects: call.canReadProjects ?? true,
    now: call.now ?? new Date(),
    dryRun,
    blockedRootKeys,
    rateLimit: {
      cost,
      limit: bucket.limit,
      remaining: bucket.remaining,
      used: usedOf(bucket),
      resetAt: formatGithubTime(bucket.resetAt),
      nodeCount,
    },
  };
  const result = await execute({
    schema,
    document,
    rootValue: operation.operation === 'mutation' ? createMutationRoot(context, call.now ?? new Date()) : createRootValue(context),
    contextValue: context,
    variableValues: request.variables,
    operationName: request.requestedOperationName,
  });

  const data = (result.data ?? null) as Record<string, unknown> | null;
  if (data) for (const key of blockedRootKeys) data[key] = null;
  const errors: GithubGraphqlError[] = [
    ...paginationProblems,
    ...(result.errors ?? [])
      .filter((error) => !blockedRootKeys.has(String(error.path?.[0])))
      .map(executionErrorLikeGithub),
  ];
  return {
    response: { status: 200, body: errors.length > 0 ? { data, errors } : { data } },
    cost: dryRun ? 0 : cost,
  };
}
