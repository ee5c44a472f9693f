/**
 * The shape of what the roadmap loaders store: view-ready data, so that pages only lay it out.
 * Markdown is already rendered and sanitized (`html` fields, and each entry's `rendered.html`);
 * every other string is plain text that Astro escapes where it is used.
 */
import { z } from 'zod';
import { STATUS_IDS } from '../config/status-ids.ts';

const status = z.enum(STATUS_IDS);
const itemType = z.enum(['issue', 'discussion']);

export const personSchema = z.object({
  login: z.string(),
  avatarUrl: z.string(),
  url: z.string(),
});

export const releaseRefSchema = z.object({
  id: z.string(),
  repository: z.string(),
  tagName: z.string(),
  name: z.string().nullable(),
  url: z.string(),
  slug: z.string(),
  path: z.string(),
  isPrerelease: z.boolean(),
  publishedAt: z.string(),
});

export const requestEntrySchema = z.object({
  key: z.string(),
  repository: z.string(),
  /** The repository's short name, for display next to the number. */
  repositoryName: z.string(),
  number: z.number(),
  type: itemType,
  title: z.string(),
  /** Plain-text summary of the body, for descriptions and cards. */
  excerpt: z.string(),
  url: z.string(),
  /** The imported channel's name (`Email`), or null for a GitHub issue or Discussion. */
  channel: z.string().nullable(),
  slug: z.string(),
  path: z.string(),
  stablePath: z.string(),
  author: personSchema.nullable(),
  status,
  statusHistory: z.array(z.object({ status, at: z.string() })),
  labels: z.array(z.object({ name: z.string(), color: z.string() })),
  milestone: z
    .object({ title: z.string(), dueOn: z.string().nullable(), url: z.string(), state: z.enum(['OPEN', 'CLOSED']), path: z.string() })
    .nullable(),
  votes: z.object({
    total: z.number(),
    anonymous: z.number(),
    /** The first `VOTERS_SHOWN` people, as the page shows them; the JSON API lists all from the model. */
    people: z.array(z.object({ login: z.string(), avatarUrl: z.string(), url: z.string() })),
    /** How many people voted, however many `people` holds. */
    peopleCount: z.number(),
    /** People known only from imported channels: counts per channel, never names. */
    imported: z.array(z.object({ channel: z.string(), people: z.number() })),
  }),
  duplicates: z.array(
    z.object({ repository: z.string(), number: z.number(), type: itemType, title: z.string(), url: z.string(), channel: z.string().nullable() }),
  ),
  closingPullRequests: z.array(
    z.object({ repository: z.string(), number: z.number(), title: z.string(), url: z.string(), mergedAt: z.string().nullable() }),
  ),
  release: releaseRefSchema.nullable(),
  shippedIn: z.array(releaseRefSchema),
  shippedAt: z.string().nullable(),
  commentCount: z.number(),
  comments: z.array(
    z.object({
      author: personSchema.nullable(),
      isMaintainer: z.boolean(),
      /** Sanitized HTML. */
      html: z.string(),
      createdAt: z.string(),
      url: z.string(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type RequestEntryData = z.infer<typeof requestEntrySchema>;

export const shippedRequestSchema = z.object({
  key: z.string(),
  repository: z.string(),
  number: z.number(),
  type: itemType,
  title: z.string(),
  path: z.string(),
  status,
  votes: z.number(),
});

export const releaseEntrySchema = releaseRefSchema.extend({
  /** The release's name, or its tag when it has none. */
  title: z.string(),
  excerpt: z.string(),
  author: personSchema.nullable(),
  shipped: z.array(shippedRequestSchema),
  /** `shipped` by the changelog's categories: each group's title and its requests' keys. */
  groups: z.array(z.object({ title: z.string(), requests: z.array(z.string()) })),
  /** The first `THANKED_SHOWN` people who asked for what it shipped. */
  thanked: z.array(personSchema),
  /** How many people asked, however many `thanked` holds. */
  thankedCount: z.number(),
});
export type ReleaseEntryData = z.infer<typeof releaseEntrySchema>;

export const overviewEntrySchema = z.object({
  syncedAt: z.string(),
  repositories: z.array(z.object({ repository: z.string(), name: z.string(), slug: z.string(), url: z.string(), description: z.string().nullable() })),
  /** Where visitors suggest something on GitHub: the public repositories that accept suggestions. */
  suggest: z.array(z.object({ repository: z.string(), url: z.string(), type: z.enum(['issue', 'discussion']) })),
  horizons: z.array(
    z.object({
      horizon: z.enum(['now', 'next', 'later']),
      repository: z.string(),
      title: z.string(),
      dueOn: z.string().nullable(),
      url: z.string(),
      /** The milestone's page on the site; null for a project's group, which links to the project. */
      path: z.string().nullable(),
      requests: z.array(z.string()),
    }),
  ),
  /**
   * Each request's trending score, by key. It decays with the snapshot's time, so it changes with
   * every sync; kept here rather than in the request entries, which then change only when the
   * request does (see `allRequests` in `collections.ts`).
   */
  trending: z.record(z.string(), z.number()),
});
export type OverviewEntryData = z.infer<typeof overviewEntrySchema>;
