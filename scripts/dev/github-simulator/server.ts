/**
 * A local stand-in for api.github.com: GraphQL at `/graphql` and the REST endpoints the sync uses,
 * served from an in-memory world, with GitHub's authentication, rate limits, pagination, ETags and
 * failure modes. Point the sync at it with GITHUB_API_URL=`url` and GITHUB_GRAPHQL_URL=`graphqlUrl`.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { arbitraryStatus, badGateway, restRateLimited, secondaryRateLimited, withGraphqlErrors, withGraphqlItemError } from './fault-responses.ts';
import { FaultInjector, type Fault } from './faults.ts';
import { answerGraphql, graphqlRateLimited } from './graphql-endpoint.ts';
import { parseGraphqlRequest, type ParsedGraphqlRequest } from './graphql-request.ts';
import { githubSchema } from './graphql-schema.ts';
import { notFoundResponse, restError, type SimResponse } from './http-response.ts';
import { createRateLimits, rateLimitHeaders, refill, type RateLimits } from './rate-limits.ts';
import type { RequestLogEntry } from './request-log.ts';
import { answerRest, isFreeRestPath } from './rest-routes.ts';
import type { SimActor, SimWorld } from './store-types.ts';
import { indexWorld, type WorldIndex } from './world-index.ts';

export type { Fault, FaultRule } from './faults.ts';
export type { RequestLogEntry } from './request-log.ts';

export interface SimulatorOptions {
  world: SimWorld;
  /** 0 (the default) picks a free port. */
  port?: number;
  /**
   * The only token accepted. Leave it out (or `null`) to accept any token. Requests without a
   * token are anonymous: REST answers them for public repositories, GraphQL refuses them.
   */
  token?: string | null;
  /** Login the token belongs to (comments are posted as it); default `roadmap-bot[bot]`. */
  viewer?: string;
  /** Default 5000, GitHub's budget for a personal access token. */
  graphqlPointsPerHour?: number;
  /** Default 5000. */
  restRequestsPerHour?: number;
  /** Clock for timestamps and rate-limit windows; tests may move it forward. */
  now?: () => Date;
  /**
   * Whether the token may read GitHub Projects; default true. False answers `projectV2` the way
   * GitHub does for a classic token without the `read:project` scope.
   */
  projectAccess?: boolean;
}

export interface Simulator {
  /** `http://127.0.0.1:PORT`, for GITHUB_API_URL or Octokit's `baseUrl`. */
  url: string;
  /** `${url}/graphql`, for GITHUB_GRAPHQL_URL. */
  graphqlUrl: string;
  /** Live: edits between requests show up in the next answer. */
  world: SimWorld;
  /** Every request, in arrival order. */
  log: RequestLogEntry[];
  faults: FaultInjector;
  /** Live budgets; tests may lower `remaining` or move `resetAt`. */
  rateLimits: RateLimits;
  resetLog(): void;
  close(): Promise<void>;
}

const GRAPHQL_AUTH_DOCS = 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql';
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const DEFAULT_VIEWER = 'roadmap-bot[bot]';

type Credentials = 'none' | 'valid' | 'invalid';

function credentialsOf(request: IncomingMessage, token: string | null): Credentials {
  const header = request.headers.authorization;
  if (!header) return 'none';
  const presented = header.match(/^(?:token|bearer)\s+(\S+)\s*$/i)?.[1];
  if (!presented) return 'invalid';
  return token === null || presented === token ? 'valid' : 'invalid';
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function etagOf(body: string): string {
  return `W/"${createHash('sha256').update(body).digest('hex')}"`;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim() === '*' || bare(candidate) === bare(etag));
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  // Build the schema before listening, so the first request is not the slow one.
  githubSchema();
  const now = options.now ?? (() => new Date());
  const token = options.token ?? null;
  const viewerLogin = options.viewer ?? DEFAULT_VIEWER;
  const pendingTimers = new Set<{ timer: NodeJS.Timeout; release: () => void }>();
  let requestCounter = 0;

  const log: RequestLogEntry[] = [];
  const simulator: Simulator = {
    url: '',
    graphqlUrl: '',
    world: options.world,
    log,
    faults: new FaultInjector(),
    rateLimits: createRateLimits(options.graphqlPointsPerHour ?? 5000, options.restRequestsPerHour ?? 5000, now()),
    resetLog: () => {
      log.length = 0;
    },
    close: async () => {
      for (const pending of pendingTimers) {
        clearTimeout(pending.timer);
        pending.release();
      }
      pendingTimers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };

  // The token's account, taken from the world when it lists it.
  const viewerIn = (index: WorldIndex): SimActor =>
    index.user(viewerLogin) ?? { login: viewerLogin, type: viewerLogin.endsWith('[bot]') ? 'Bot' : 'User', id: 1 };

  const hold = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const pending = {
        timer: setTimeout(() => {
          pendingTimers.delete(pending);
          resolve();
        }, ms),
        release: resolve,
      };
      pendingTimers.add(pending);
    });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    const at = now();
    requestCounter += 1;
    const requestId = `5EED:${requestCounter.toString(16).toUpperCase().padStart(4, '0')}:${at.getTime().toString(16).toUpperCase()}`;
    // Joined as text so a path starting with `//` cannot be read as another host.
    const url = new URL(`${simulator.url}${request.url ?? '/'}`);
    const method = request.method ?? 'GET';
    const path = url.pathname + url.search;
    const kind = url.pathname === '/graphql' ? 'graphql' : 'rest';
    const body = await readBody(request);
    const graphqlRequest: ParsedGraphqlRequest | null =
      kind === 'graphql' && method === 'POST' && body !== null ? parseGraphqlRequest(body) : null;

    const entry: RequestLogEntry = {
      at,
      method,
      path,
      kind,
      operationName: graphqlRequest?.operationName ?? null,
      variables: graphqlRequest?.variables ?? null,
      query: graphqlRequest?.query ?? null,
      status: null,
      cost: kind === 'graphql' ? 0 : null,
      durationMs: 0,
    };
    log.push(entry);

    const bucket = kind === 'graphql' ? simulator.rateLimits.graphql : simulator.rateLimits.core;
    const resource = kind === 'graphql' ? 'graphql' : 'core';
    const send = (answer: SimResponse, extraHeaders: Record<string, string> = {}): void => {
      const headers: Record<string, string> = {
        'x-github-request-id': requestId,
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        ...extraHeaders,
        ...answer.headers,
      };
      let payload: string | undefined;
      if (answer.body !== undefined) {
        payload = JSON.stringify(answer.body);
        headers['content-type'] = 'application/json; charset=utf-8';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      entry.status = answer.status;
      entry.durationMs = performance.now() - started;
      response.writeHead(answer.status, headers);
      response.end(payload);
    };
    const withRateLimit = (): Record<string, string> => rateLimitHeaders(bucket, resource);

    const fault: Fault | null = simulator.faults.take({
      kind,
      path,
      operationName: entry.operationName,
      variables: entry.variables,
      query: entry.query,
    });
    switch (fault?.type) {
      case 'reset':
        entry.durationMs = performance.now() - started;
        request.socket.destroy();
        return;
      case 'timeout':
        await hold(fault.ms);
        if (response.destroyed) entry.durationMs = performance.now() - started;
        else send(badGateway(kind, requestId));
        return;
      case 'bad-gateway':
        send(badGateway(kind, requestId));
        return;
      case 'secondary-rate-limit':
        send(secondaryRateLimited(fault.retryAfter, requestId), withRateLimit());
        return;
      case 'status':
        send(arbitraryStatus(fault.status, fault.body), withRateLimit());
        return;
      case 'primary-rate-limit':
        // Empty the budget; the request then fails the way real exhaustion makes it fail.
        bucket.remaining = 0;
        bucket.resetAt = new Date(at.getTime() + fault.resetInSeconds * 1000);
        break;
      default:
        break;
    }

    if (body === null) {
      send(restError(413, 'The request body is larger than the 5 MB the GitHub simulator accepts; send less.'));
      return;
    }
    const credentials = credentialsOf(request, token);
    if (credentials === 'invalid') {
      send(restError(401, 'Bad credentials'));
      return;
    }
    refill(bucket, at);
    const index = indexWorld(simulator.world);
    const viewer = viewerIn(index);

    if (kind === 'graphql') {
      if (!graphqlRequest) {
        send(notFoundResponse());
        return;
      }
      if (credentials === 'none') {
        send({ status: 401, body: { message: 'This endpoint requires you to be authenticated.', documentation_url: GRAPHQL_AUTH_DOCS } });
        return;
      }
      if (graphqlRequest.problem !== null) {
        send(
          graphqlRequest.problem === 'invalid-json'
            ? restError(400, 'Problems parsing JSON', 'https://docs.github.com/graphql')
            : { status: 200, body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] } },
          withRateLimit(),
        );
        return;
      }
      if (bucket.remaining <= 0) {
        send(graphqlRateLimited(viewer), withRateLimit());
        return;
      }
      const answer = await answerGraphql({ request: graphqlRequest, index, viewer, bucket, now: at, canReadProjects: options.projectAccess ?? true });
      entry.cost = answer.cost;
      const answered =
        fault?.type === 'graphql-errors'
          ? { ...answer.response, body: withGraphqlErrors(answer.response.body, fault.partial, requestId) }
          : fault?.type === 'graphql-item-error'
            ? { ...answer.response, body: withGraphqlItemError(answer.response.body, fault) }
            : answer.response;
      send(answered, withRateLimit());
      return;
    }

    const free = isFreeRestPath(url.pathname);
    if (!free && bucket.remaining <= 0) {
      send(restRateLimited(credentials === 'valid' ? viewer.id : null, requestId, at), withRateLimit());
      return;
    }
    const answer = answerRest({
      method,
      url,
      body,
      index,
      authenticated: credentials === 'valid',
      viewer,
      apiUrl: simulator.url,
      now: at,
      rateLimits: simulator.rateLimits,
    });
    if (method === 'GET' && answer.status === 200) {
      const etag = etagOf(JSON.stringify(answer.body));
      // A conditional request answered 304 costs nothing, as on GitHub.
      if (etagMatches(request.headers['if-none-match'], etag)) {
        send({ status: 304, headers: { etag } }, withRateLimit());
        return;
      }
      if (!free) bucket.remaining -= 1;
      send({ ...answer, headers: { ...answer.headers, etag, 'cache-control': 'private, max-age=60, s-maxage=60' } }, withRateLimit());
      return;
    }
    if (!free) bucket.remaining -= 1;
    send(answer, withRateLimit());
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const reason = error instanceof Error ? error.message : String(error);
      response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      response.end(
        JSON.stringify({ message: `The GitHub simulator failed while answering this request (${reason}); this is a bug in the simulator.` }),
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  simulator.url = `http://127.0.0.1:${String(port)}`;
  simulator.graphqlUrl = `${simulator.url}/graphql`;
  return simulator;
}
