/**
 * Model → what the pages show: Markdown rendered and sanitized, summaries written, people
 * given profile links, releases given the requests they shipped. Runs at build time only.
 */
import { MAINTAINER_ASSOCIATIONS } from '../github/enums.ts';
import { uiStrings } from '../i18n/strings.ts';
import type { MarkdownRenderer } from '../markdown/markdown-batch.ts';
import { referencedItemKeys, siteLinksFor } from '../markdown/site-links.ts';
import { isPublishedRepository } from '../model/publishable-items.ts';
import { milestonePath, repositorySlug } from '../model/site-paths.ts';
import { suggestTargets } from '../model/suggest-targets.ts';
import type { ReleaseEntry, Request } from '../model/types.ts';
import type { Actor } from '../snapshot/schema.ts';
import type { OverviewEntryData, ReleaseEntryData, RequestEntryData } from './entry-schemas.ts';
import type { LoadedRoadmap } from './load-roadmap.ts';

type TaskLabels = { done: string; open: string };

const GITHUB = 'https://github.com';
/** Voters a request page shows, first supporters first; the others are counted. */
export const VOTERS_SHOWN = 40;
/** People a release page thanks by avatar; the others are counted. */
export const THANKED_SHOWN = 48;

export interface ViewEntry<T> {
  id: string;
  data: T;
  /** Sanitized HTML of the entry's Markdown. */
  html: string;
}

/**
 * An entry before it is built: what building it reads, and how to build it. Rendering Markdown
 * is most of a build's content step (milliseconds per request, minutes at 10,000), so the loader
 * builds only entries whose inputs differ from the ones it stored last time.
 */
export interface PendingViewEntry<T> {
  id: string;
  /** Everything `build` reads, as plain JSON: equal inputs (and equal code) build equal entries. */
  inputs: unknown;
  /** Builds the entry, its Markdown rendered by `render` (see `markdown-batch.ts`). */
  build: (render: MarkdownRenderer) => ViewEntry<T>;
}

/** Where a repository is hosted (github.com, or a GitHub Enterprise Server). */
function hostOf(loaded: LoadedRoadmap, repository: string): string {
  const url = loaded.snapshot.repositories.find((entry) => entry.repository.toLowerCase() === repository.toLowerCase())?.url;
  try {
    return url ? new URL(url).origin : GITHUB;
  } catch {
    return GITHUB;
  }
}

function personOf(actor: Pick<Actor, 'login' | 'avatarUrl'> | null, host: string): RequestEntryData['author'] {
  return actor === null ? null : { login: actor.login, avatarUrl: actor.avatarUrl, url: `${host}/${encodeURIComponent(actor.login)}` };
}

/**
 * Where each published item's page is, with the site's base: a request's own page, and for a
 * merged duplicate the page of the request it was merged into. Built once per roadmap.
 */
const siteAddresses = new WeakMap<LoadedRoadmap, Map<string, string>>();

function siteAddressesOf(loaded: LoadedRoadmap): Map<string, string> {
  let addresses = siteAddresses.get(loaded);
  if (addresses === undefined) {
    const base = loaded.config.site.base.replace(/\/+$/, '');
    addresses = new Map();
    for (const request of loaded.roadmap.requests) {
      addresses.set(request.key, `${base}${request.path}`);
      for (const duplicate of request.duplicates) addresses.set(duplicate.key, `${base}${request.path}`);
    }
    siteAddresses.set(loaded, addresses);
  }
  return addresses;
}

/** The site addresses of the requests these texts, written in `repository`, may reference. */
function siteLinksOf(loaded: LoadedRoadmap, repository: string, texts: readonly string[]): Record<string, string> {
  const keys = texts.flatMap((text) => [...referencedItemKeys(text, repository)]);
  return siteLinksFor(keys, siteAddressesOf(loaded));
}

function repositoryName(repository: string): string {
  return repository.split('/')[1] ?? repository;
}

export function requestEntry(request: Request, loaded: LoadedRoadmap): PendingViewEntry<RequestEntryData> {
  // An imported request's `#12` means the first source's, as on the board it came to.
  const repository = request.channel === null ? request.repository : (loaded.config.sources[0]?.repo ?? request.repository);
  const host = hostOf(loaded, repository);
  // The trending score changes with every sync; it reaches pages through the overview instead.
  const { trendingScore: _trending, ...stable } = request;
  const milestone = request.milestone && milestonePath(request.milestone, loaded.config.sources);
  const siteLinks = siteLinksOf(loaded, repository, [request.body, ...request.comments.map((comment) => comment.body)]);
  // The labels are part of the rendered HTML, so a change of language renders the body again.
  const { taskLabels } = uiStrings(loaded.config.site.language).markdown;
  return {
    id: request.slug,
    inputs: { request: stable, host, repository, milestone, siteLinks, taskLabels },
    build: (render) => buildRequestEntry(stable, host, repository, milestone, siteLinks, taskLabels, render),
  };
}

function buildRequestEntry(
  request: Omit<Request, 'trendingScore'>,
  host: string,
  repository: string,
  milestonePagePath: string | null,
  siteLinks: Record<string, string>,
  taskLabels: TaskLabels,
  render: MarkdownRenderer,
): ViewEntry<RequestEntryData> {
  const markdown = { repository, githubUrl: host, taskLabels, siteLinks };
  return {
    id: request.slug,
    html: render.html(request.body, markdown),
    data: {
      key: request.key,
      repository: request.repository,
      repositoryName: repositoryName(request.repository),
      number: request.number,
      type: request.type,
      title: request.title,
      excerpt: render.excerpt(request.body),
      url: request.url,
      channel: request.channel,
      slug: request.slug,
      path: request.path,
      stablePath: request.stablePath,
      author: personOf(request.author, host),
      status: request.status,
      statusHistory: request.statusHistory,
      labels: request.labels,
      milestone: request.milestone && {
        title: request.milestone.title,
        dueOn: request.milestone.dueOn,
        url: request.milestone.url,
        state: request.milestone.state,
        path: milestonePagePath ?? '',
      },
      votes: {
        total: request.votes.total,
        anonymous: request.votes.anonymous,
        // Only the avatars the page shows, and only what an avatar shows: the most voted requests
        // have thousands of voters, which would make most of the content store (and of its
        // memory) for nothing.
        people: request.votes.people
          .slice(0, VOTERS_SHOWN)
          .map(({ login, avatarUrl }) => ({ login, avatarUrl, url: `${host}/${encodeURIComponent(login)}` })),
        peopleCount: request.votes.people.length,
        imported: request.votes.imported,
      },
      duplicates: request.duplicates.map(({ repository, number, type, title, url, channel }) => ({ repository, number, type, title, url, channel })),
      closingPullRequests: request.closingPullRequests.map(({ repository, number, title, url, mergedAt }) => ({
        repository,
        number,
        title,
        url,
        mergedAt,
      })),
      release: request.release,
      shippedIn: request.shippedIn,
      shippedAt: request.shippedAt,
      commentCount: request.commentCount,
      comments: request.comments.map((comment) => ({
        author: personOf(comment.author, host),
        isMaintainer: MAINTAINER_ASSOCIATIONS.has(comment.authorAssociation),
        html: render.html(comment.body, { ...markdown, topHeadingLevel: 4 }),
        createdAt: comment.createdAt,
        url: comment.url,
      })),
      createdAt: request.createdAt,
      updatedAt: request.updatedAt,
      closedAt: request.closedAt,
    },
  };
}

export function releaseEntry(
  release: ReleaseEntry,
  loaded: LoadedRoadmap,
  requestsByKey: ReadonlyMap<string, Request>,
): PendingViewEntry<ReleaseEntryData> {
  const host = hostOf(loaded, release.repository);
  const shipped = release.shipped.flatMap((key) => {
    const request = requestsByKey.get(key);
    if (!request) return [];
    const { repository, number, type, title, path, status } = request;
    return [{ key, repository, number, type, title, path, status, votes: request.votes.total }];
  });
  const siteLinks = siteLinksOf(loaded, release.repository, [release.body]);
  const { taskLabels } = uiStrings(loaded.config.site.language).markdown;
  return {
    id: release.slug,
    inputs: { release, host, shipped, siteLinks, taskLabels },
    build: (render) => buildReleaseEntry(release, host, shipped, siteLinks, taskLabels, render),
  };
}

function buildReleaseEntry(
  release: ReleaseEntry,
  host: string,
  shipped: ReleaseEntryData['shipped'],
  siteLinks: Record<string, string>,
  taskLabels: TaskLabels,
  render: MarkdownRenderer,
): ViewEntry<ReleaseEntryData> {
  const { body, author, shipped: _keys, groups, thanked, ...ref } = release;
  return {
    id: release.slug,
    // Release notes sit right under the release's title, so their headings start at <h2>.
    html: render.html(body, { repository: release.repository, githubUrl: host, topHeadingLevel: 2, taskLabels, siteLinks }),
    data: {
      ...ref,
      title: release.name?.trim() || release.tagName,
      excerpt: render.excerpt(body),
      author: personOf(author, host),
      shipped,
      groups,
      thanked: thanked.slice(0, THANKED_SHOWN).flatMap((person) => personOf(person, host) ?? []),
      thankedCount: thanked.length,
    },
  };
}

export function overviewEntry(loaded: LoadedRoadmap): PendingViewEntry<OverviewEntryData> {
  const entry = buildOverviewEntry(loaded);
  return { id: entry.id, inputs: entry.data, build: () => entry };
}

function buildOverviewEntry(loaded: LoadedRoadmap): ViewEntry<OverviewEntryData> {
  const { config, snapshot, roadmap } = loaded;
  // A private repository that may not be published is not even named (the footer links these).
  const published = snapshot.repositories.filter((repository) => isPublishedRepository(repository, config.sources));
  return {
    id: 'overview',
    html: '',
    data: {
      syncedAt: roadmap.syncedAt,
      repositories: published.map((repository) => ({
        repository: repository.repository,
        name: repositoryName(repository.repository),
        slug: repositorySlug(repository.repository, config.sources),
        url: repository.url,
        // Even a private repository that may be published keeps its description to itself.
        description: repository.isPrivate ? null : repository.description,
      })),
      suggest: suggestTargets(snapshot.repositories, config.sources),
      horizons: roadmap.horizons.map(({ horizon, repository, number, title, dueOn, url, requests }) => ({
        horizon,
        repository,
        title,
        dueOn,
        url,
        // A project's group has no page of its own on the site: it links to the project.
        path: roadmap.milestones.some((entry) => entry.repository === repository && entry.number === number && entry.title === title)
          ? milestonePath({ repository, number, title }, config.sources)
          : null,
        requests,
      })),
      trending: Object.fromEntries(roadmap.requests.map((request) => [request.key, request.trendingScore])),
    },
  };
}
