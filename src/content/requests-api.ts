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

export const requestsApiSchema = z.strictObject({
  /** When the snapshot behind the site was taken. */
  generatedAt: z.iso.datetime({ offset: true }),
  requests: z.array(
    z.strictObject({
      repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
      number: z.number().int().positive(),
      type: itemType,
      title: z.string(),
      /** The item on GitHub. */
      url: z.url(),
      /** The request's page on this site (its address moves when the title changes). */
      page: z.url(),
      /** Its address that never changes; it redirects to `page`. */
      stablePage: z.url(),
      /** Its vote badge and status feed, at the stable address: the ones to paste. */
      badge: z.url(),
      feed: z.url(),
      /** Addresses it had before a rename or a transfer; each still leads to `page`. */
      formerPages: z.array(z.url()),
      status: z.enum(STATUS_IDS),
      /** Unique people plus anonymous Discussion upvotes. */
      votes: z.number().int().nonnegative(),
      /** Logins of the people counted (anonymous upvotes have none). */
      voters: z.array(z.string()),
      /** Items merged into this request. */
      duplicates: z.array(z.strictObject({ repository: z.string(), number: z.number().int().positive(), type: itemType })),
      /** Tag of the release that shipped it. */
      release: z.string().nullable(),
      labels: z.array(z.string()),
      createdAt: z.iso.datetime({ offset: true }),
      updatedAt: z.iso.datetime({ offset: true }),
    }),
  ),
});

export type RequestsApi = z.infer<typeof requestsApiSchema>;

/** What the API says of a request: the model's canonical requests have it all. */
export type ApiRequestSource = Pick<
  Request,
  'repository' | 'number' | 'type' | 'title' | 'url' | 'path' | 'stablePath' | 'formerPaths' | 'status' | 'votes' | 'duplicates' | 'release' | 'labels' | 'createdAt' | 'updatedAt'
>;

/** The API document, requests in the order given (the site lists them most voted first). */
export function requestsApi(generatedAt: string, requests: readonly ApiRequestSource[], pageUrl: (path: string) => string): RequestsApi {
  const held = new Set(addressRedirects(requests).map((redirect) => redirect.path));
  return {
    generatedAt,
    requests: requests.map((request) => ({
      repository: request.repository,
      number: request.number,
      type: request.type,
      title: request.title,
      url: request.url,
      page: pageUrl(request.path),
      stablePage: pageUrl(request.stablePath),
      badge: pageUrl(requestBadgePath(request.stablePath)),
      feed: pageUrl(requestFeedPath(request.stablePath)),
      // Only those it still holds: a live page or a merged duplicate keeps an address first.
      formerPages: request.formerPaths.filter((path) => held.has(path)).map(pageUrl),
      status: request.status,
      votes: request.votes.total,
      voters: request.votes.people.map((person) => person.login),
      duplicates: request.duplicates.map(({ repository, number, type }) => ({ repository, number, type })),
      release: request.release?.tagName ?? null,
      labels: request.labels.map((label) => label.name),
      createdAt: request.createdAt,
      updatedAt: request.updatedAt,
    })),
  };
}
