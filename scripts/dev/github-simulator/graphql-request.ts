/**
 * Reads a GraphQL POST body. It is parsed before anything else so the request log and fault rules
 * can see the operation name and variables even of requests that later fail.
 */
import { GraphQLError, Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { z } from 'zod';

const bodySchema = z.object({
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

export type ParsedGraphqlRequest =
  | { problem: 'invalid-json' | 'missing-query'; operationName: string | null; variables: Record<string, unknown> | null; query: string | null }
  | {
      problem: null;
      query: string;
      variables: Record<string, unknown>;
      /** As sent, or the name of the document's only operation. */
      operationName: string | null;
      requestedOperationName: string | null;
      document: DocumentNode | null;
      syntaxError: GraphQLError | null;
    };

function onlyOperationName(document: DocumentNode): string | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return operations.length === 1 ? (operations[0]?.name?.value ?? null) : null;
}

export function parseGraphqlRequest(text: string): ParsedGraphqlRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'invalid-json', operationName: null, variables: null, query: null };
  }
  const body = bodySchema.safeParse(json);
  if (!body.success) return { problem: 'missing-query', operationName: null, variables: null, query: null };
  const { query } = body.data;
  const variables = body.data.variables ?? {};
  const requestedOperationName = body.data.operationName ?? null;
  try {
    const document = parse(query);
    return {
      problem: null,
      query,
      variables,
      operationName: requestedOperationName ?? onlyOperationName(document),
      requestedOperationName,
      document,
      syntaxError: null,
    };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { problem: null, query, variables, operationName: requestedOperationName, requestedOperationName, document: null, syntaxError: error };
  }
}
