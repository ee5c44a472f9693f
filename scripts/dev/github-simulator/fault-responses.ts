/**
 * The answers GitHub gives when things go wrong, as injected faults and exhausted budgets need them.
 * Bodies follow what GitHub sends; `@octokit/plugin-throttling` recognises the rate-limit ones by
 * status, `retry-after`, `x-ratelimit-remaining: 0` and the "secondary rate limit" wording.
 */
import { STATUS_CODES } from 'node:http';
import { REST_DOCS, restError, type SimResponse } from './http-response.ts';
import type { RequestKind } from './request-log.ts';

const RATE_LIMIT_DOCS = {
  primary: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
  secondary: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
};

function somethingWentWrong(requestId: string): string {
  return `Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include \`${requestId}\` when reporting this issue.`;
}

/** What GitHub answers when a request runs past its time limit. */
export function badGateway(kind: RequestKind, requestId: string): SimResponse {
  return kind === 'graphql'
    ? { status: 502, body: { data: null, errors: [{ message: somethingWentWrong(requestId) }] } }
    : { status: 502, body: { message: 'Server Error' } };
}

export function secondaryRateLimited(retryAfter: number, requestId: string): SimResponse {
  return {
    status: 403,
    headers: { 'retry-after': String(retryAfter) },
    body: {
      message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      documentation_url: RATE_LIMIT_DOCS.secondary,
      status: '403',
    },
  };
}

/** REST once the core budget is spent; the server adds `x-ratelimit-remaining: 0` and the reset. */
export function restRateLimited(viewerId: number | null, requestId: string, now: Date): SimResponse {
  const who = viewerId === null ? 'for 127.0.0.1' : `for user ID ${String(viewerId)}`;
  return restError(
    403,
    `API rate limit exceeded ${who}. If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp ${now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}.`,
    RATE_LIMIT_DOCS.primary,
  );
}

export function arbitraryStatus(status: number, body: unknown): SimResponse {
  if (body !== undefined) return { status, body };
  return restError(status, STATUS_CODES[status] ?? 'Unknown Status', REST_DOCS);
}

interface Located {
  path: (string | number)[];
}

/** The first object inside a list (a connection's first node, usually), which GitHub may null. */
function firstListItem(value: unknown, path: (string | number)[]): Located | null {
  if (Array.isArray(value)) {
    if (value.length > 0 && value[0] !== null && typeof value[0] === 'object') return { path: [...path, 0] };
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = firstListItem(child, [...path, key]);
    if (found) return found;
  }
  return null;
}

function setAt(target: unknown, path: readonly (string | number)[], replacement: unknown): void {
  let cursor = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) cursor[last] = replacement;
}

/**
 * A GraphQL answer turned into one with `errors`. Partial: the real data with one field nulled
 * (the first item of the first list, which GitHub's schema allows to be null, or else the first
 * root field), as GitHub does when part of a query fails. Otherwise `data: null`.
 */
export function withGraphqlErrors(body: unknown, partial: boolean, requestId: string): unknown {
  const message = somethingWentWrong(requestId);
  const data = (body as { data?: unknown } | null)?.data;
  if (!partial || data === null || data === undefined || typeof data !== 'object') {
    return { data: null, errors: [{ message }] };
  }
  const copy = structuredClone(data) as Record<string, unknown>;
  const target = firstListItem(copy, []) ?? { path: Object.keys(copy).slice(0, 1) };
  if (target.path.length > 0) setAt(copy, target.path, null);
  const earlier = (body as { errors?: unknown[] }).errors ?? [];
  return { data: copy, errors: [...earlier, { type: 'SERVICE_UNAVAILABLE', path: target.path, message }] };
}

/** A GraphQL answer with one item's error added at `path` and null at `nulls`, the rest as it was. */
export function withGraphqlItemError(
  body: unknown,
  fault: { path: (string | number)[]; nulls?: (string | number)[]; errorType?: string; message: string },
): unknown {
  const data = (body as { data?: unknown } | null)?.data;
  if (data === null || data === undefined || typeof data !== 'object') return body;
  const copy = structuredClone(data);
  setAt(copy, fault.nulls ?? fault.path, null);
  const earlier = (body as { errors?: unknown[] }).errors ?? [];
  return { data: copy, errors: [...earlier, { ...(fault.errorType ? { type: fault.errorType } : {}), path: fault.path, message: fault.message }] };
}
