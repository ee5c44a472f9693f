/**
 * `/api/requests.json`: the canonical requests as data, for other tools (a bot that links
 * duplicates, a dashboard). Its shape is this schema; it only grows, never changes meaning.
 */
import { z } from 'zod';
import { STATUS_IDS } from '../config/status-ids.ts';
import { addressRedirects } from '../model/address-redirects.ts';
import { requestBadgePath, requestFeedPath } from '../model/site-paths.ts';
import type { Request } from '../model/types.ts';

const itemType = z.enum(['issue', 'discussion']);
/** People known only from an imported channel, counted, never named. */
const importedVoters = z.array(z.strictObject({ channel: z.string(), people: z.number().int().positive() }));
/** Requests of imported channels merged into a request: where they came from and their old page. */
const importedDuplicates = z.array(z.strictObject({ channel: z.string(), page: z.url() }));

/** What an imported request and a GitHub one have alike. */
const requestFields = {
  title: z.string(),
  /** The request's page on this site (its address moves when the title changes). */
  page: z.url(),
  /** Its address that never changes; it redirects to `page`. */
  stablePage: z.url(),
  /** Its vote badge and status feed, at the stable address: the ones to paste. */
  badge: z.url(),
  feed: z.url(),
  status: z.enum(STATUS_IDS),
  /** Unique people (GitHub and imported channels alike) plus anonymous Discussion upvotes. */
  votes: z.number().int().nonnegative(),
  /** Logins of the GitHub people counted (anonymous upvotes and imported people have none). */
  voters: z.array(z.string()),
  importedVoters,
  /** GitHub items merged into this request. */
  duplicates: z.array(z.strictObject({ repository: z.string(), number: z.number().int().positive(), type: itemType })),
  importedDuplicates,
  /** Tag of the release that shipped it. */
  release: z.string().nullable(),
  labels: z.array(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
};

export const requestsApiSchema = z.strictObject({
  /** When the snapshot behind the site was taken. */
  generatedAt: z.iso.datetime({ offset: true }),
  /** Requests from GitHub issues and Discussions. */
  requests: z.array(
    z.strictObject({
      repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
      number: z.number().int().positive(),
      type: itemType,
      /** The item on GitHub. */
      url: z.url(),
      /** Addresses it had before a rename or a transfer; each still leads to `page`. */
      formerPages: z.array(z.url()),
      ...requestFields,
    }),
  ),
  /** Requests from imported channels (email, forms, an old board), whose item is not on GitHub. */
  importedRequests: z.array(
    z.strictObject({
      /** The channel's name, as configured. */
      channel: z.string(),
      /** Where the request can be read outside this site, when the channel file gives it. */
      link: z.url().nullable(),
      ...requestFields,
    }),
  ),
});

export type RequestsApi = z.infer<typeof requestsApiSchema>;

/** What the API says of a request: the model's canonical requests have it all. */
export type ApiRequestSource = Pick<
  Request,
  | 'repository'
  | 'number'
  | 'type'
  | 'title'
  | 'url'
  | 'channel'
  | 'path'
  | 'stablePath'
  | 'formerPaths'
  | 'status'
  | 'votes'
  | 'duplicates'
  | 'release'
  | 'labels'
  | 'createdAt'
  | 'updatedAt'
>;

/** The API document, requests in the order given (the site lists them most voted first). */
export function requestsApi(generatedAt: string, requests: readonly ApiRequestSource[], pageUrl: (path: string) => string): RequestsApi {
  const held = new Set(addressRedirects(requests).map((redirect) => redirect.path));
  const common = (request: ApiRequestSource) => ({
    title: request.title,
    page: pageUrl(request.path),
    stablePage: pageUrl(request.stablePath),
    badge: pageUrl(requestBadgePath(request.stablePath)),
    feed: pageUrl(requestFeedPath(request.stablePath)),
    status: request.status,
    votes: request.votes.total,
    voters: request.votes.people.map((person) => person.login),
    importedVoters: request.votes.imported.map(({ channel, people }) => ({ channel, people })),
    duplicates: request.duplicates.flatMap(({ repository, number, type, channel }) => (channel === null ? [{ repository, number, type }] : [])),
    importedDuplicates: request.duplicates.flatMap(({ channel, path }) => (channel === null ? [] : [{ channel, page: pageUrl(path) }])),
    release: request.release?.tagName ?? null,
    labels: request.labels.map((label) => label.name),
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  });
  return {
    generatedAt,
    requests: requests.flatMap((request) =>
      request.channel === null
        ? [
            {
              repository: request.repository,
              number: request.number,
              type: request.type,
              url: request.url,
              // Only those it still holds: a live page or a merged duplicate keeps an address first.
              formerPages: request.formerPaths.filter((path) => held.has(path)).map(pageUrl),
              ...common(request),
            },
          ]
        : [],
    ),
    importedRequests: requests.flatMap((request) =>
      request.channel === null ? [] : [{ channel: request.channel, link: request.url === '' ? null : request.url, ...common(request) }],
    ),
  };
}
