/** One line per request the simulator answered, for tests that assert how the sync talks to GitHub. */
export type RequestKind = 'graphql' | 'rest';

export interface RequestLogEntry {
  at: Date;
  method: string;
  /** Path and query string as requested, e.g. `/repos/o/r/issues?page=2`. */
  path: string;
  kind: RequestKind;
  /** GraphQL operation name (from the body, or the document's only operation); `null` for REST. */
  operationName: string | null;
  /** GraphQL variables as sent; `null` for REST. */
  variables: Record<string, unknown> | null;
  /** GraphQL document as sent; `null` for REST. */
  query: string | null;
  /** HTTP status sent, or `null` when the connection was reset on purpose. */
  status: number | null;
  /** GraphQL points deducted for this request; `null` for REST. */
  cost: number | null;
  durationMs: number;
}
