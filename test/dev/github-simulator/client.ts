/** Plain-fetch helpers for talking to a running simulator the way any HTTP client would. */
import type { Simulator } from '../../../scripts/dev/github-simulator/server.ts';
import { TOKEN } from './small-world.ts';

export interface GraphqlReply<T> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { type?: string; message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
    message?: string;
  };
}

export async function graphql<T = Record<string, unknown>>(
  sim: Simulator,
  query: string,
  options: { variables?: Record<string, unknown>; operationName?: string; token?: string | null } = {},
): Promise<GraphqlReply<T>> {
  const token = options.token === undefined ? TOKEN : options.token;
  const response = await fetch(sim.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `bearer ${token}` }) },
    body: JSON.stringify({ query, variables: options.variables ?? {}, ...(options.operationName ? { operationName: options.operationName } : {}) }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphqlReply<T>['body'] };
}

export interface RestReply<T> {
  status: number;
  headers: Headers;
  body: T;
}

export async function rest<T = unknown>(
  sim: Simulator,
  path: string,
  options: { token?: string | null; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RestReply<T>> {
  const token = options.token === undefined ? TOKEN : options.token;
  const response = await fetch(`${sim.url}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      accept: 'application/vnd.github+json',
      ...(token === null ? {} : { authorization: `token ${token}` }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
}
