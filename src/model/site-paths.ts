/**
 * Where each page of the site lives, without the configured base (the site adds it with
 * `href()`). Kept in the model so the pages, feeds, sitemap, JSON API and social images agree
 * on every address.
 *
 * Request and release addresses start with the first source's numbers (`/requests/12-dark-mode/`);
 * issue numbers of other repositories would collide, so theirs carry the repository's name
 * (`/requests/lumen-docs-12-typos/`).
 *
 * A request's title is in its address, so a rename moves it; its stable address holds only the
 * number (`/requests/12/`, `/requests/lumen-docs-12/`) and never changes: that is the one the
 * vote badge and the status feed are pasted with. Every former address redirects (see
 * `address-redirects.ts`).
 */
import { slug as githubSlug } from 'github-slugger';
import type { SourceConfig } from '../config/schemas/sources.ts';
import type { StatusId } from '../config/status-ids.ts';
import { sameRepository } from './item-key.ts';
import type { PrioritySort } from './priority-score.ts';
import type { RequestSort } from './ranking.ts';

const LONGEST_SLUG = 60;

/** A readable, stable slug from a title: `Dark mode for the CLI` → `dark-mode-for-the-cli`. */
export function titleSlug(title: string): string {
  const full = githubSlug(title).replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (full.length <= LONGEST_SLUG) return full === '' ? 'request' : full;
  const cut = full.slice(0, LONGEST_SLUG);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut).replace(/-$/, '');
}

/**
 * The path segment naming a repository: its name (`lumen-docs`), or `owner-name` when two
 * configured repositories share a name.
 */
export function repositorySlug(repository: string, sources: readonly Pick<SourceConfig, 'repo'>[]): string {
  const [owner = '', name = ''] = repository.toLowerCase().split('/');
  const sharesName = sources.filter((source) => source.repo.toLowerCase().split('/')[1] === name).length > 1;
  return githubSlug(sharesName ? `${owner}-${name}` : name);
}

function isFirstSource(repository: string, sources: readonly Pick<SourceConfig, 'repo'>[]): boolean {
  const first = sources[0];
  return first === undefined || sameRepository(first.repo, repository);
}

/** The request's segment in URLs: `12-dark-mode`, or `lumen-docs-12-typos` outside the first source. */
export function requestSlug(
  item: { repository: string; number: number; title: string },
  sources: readonly Pick<SourceConfig, 'repo'>[],
): string {
  const prefix = isFirstSource(item.repository, sources) ? '' : `${repositorySlug(item.repository, sources)}-`;
  return `${prefix}${item.number}-${titleSlug(item.title)}`;
}

export function requestPath(
  item: { repository: string; number: number; title: string },
  sources: readonly Pick<SourceConfig, 'repo'>[],
): string {
  return `/requests/${requestSlug(item, sources)}/`;
}

/** The segment of the request's stable address: `12`, or `lumen-docs-12` outside the first source. */
export function requestStableSlug(item: { repository: string; number: number }, sources: readonly Pick<SourceConfig, 'repo'>[]): string {
  const prefix = isFirstSource(item.repository, sources) ? '' : `${repositorySlug(item.repository, sources)}-`;
  return `${prefix}${item.number}`;
}

/** The address that never changes, whatever the title: `/requests/12/`. It redirects to `requestPath`. */
export function requestStablePath(item: { repository: string; number: number }, sources: readonly Pick<SourceConfig, 'repo'>[]): string {
  return `/requests/${requestStableSlug(item, sources)}/`;
}

/**
 * Every address the item had before a rename or a transfer (`formerAddresses` in the snapshot):
 * the page of each former title, and the stable address of each former repository and number.
 * Sorted, each once, never one of its present addresses.
 */
export function formerRequestPaths(
  item: { repository: string; number: number; title: string; formerAddresses: readonly { repository: string; number: number; title: string }[] },
  sources: readonly Pick<SourceConfig, 'repo'>[],
): string[] {
  const present = new Set([requestPath(item, sources), requestStablePath(item, sources)]);
  const paths = new Set<string>();
  for (const address of item.formerAddresses) {
    paths.add(requestPath(address, sources));
    paths.add(requestStablePath(address, sources));
  }
  return [...paths].filter((path) => !present.has(path)).sort();
}

/**
 * The release's segment in URLs: its tag (`v1.6.0`), prefixed by the repository outside the
 * first source. Characters that are awkward in a path (`release/1.0`, `v1+build`) become `-`.
 */
export function releaseSlug(
  release: { repository: string; tagName: string },
  sources: readonly Pick<SourceConfig, 'repo'>[],
): string {
  const tag = release.tagName.replace(/[^\w.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '') || 'release';
  const prefix = isFirstSource(release.repository, sources) ? '' : `${repositorySlug(release.repository, sources)}-`;
  return `${prefix}${tag}`;
}

/**
 * The output files search can index, as a Pagefind glob: a request's page and a release's, one
 * path segment under `/requests/` and `/changelog/` (see `requestPath`, `releasePath`). The
 * request lists below `/requests/` are many and long, and have nothing to index; leaving them
 * unread takes about a quarter off indexing.
 */
export const SEARCHABLE_PAGES_GLOB = '{requests/*/index.html,changelog/*/index.html}';

export function releasePath(
  release: { repository: string; tagName: string },
  sources: readonly Pick<SourceConfig, 'repo'>[],
): string {
  return `/changelog/${releaseSlug(release, sources)}/`;
}

/**
 * A milestone's segment in URLs: its number and title (`3-v2-0`), prefixed by the repository
 * outside the first source, like a request's.
 */
export function milestoneSlug(
  milestone: { repository: string; number: number; title: string },
  sources: readonly Pick<SourceConfig, 'repo'>[],
): string {
  const prefix = isFirstSource(milestone.repository, sources) ? '' : `${repositorySlug(milestone.repository, sources)}-`;
  return `${prefix}${milestone.number}-${titleSlug(milestone.title)}`;
}

export function milestonePath(
  milestone: { repository: string; number: number; title: string },
  sources: readonly Pick<SourceConfig, 'repo'>[],
): string {
  return `/milestones/${milestoneSlug(milestone, sources)}/`;
}

export type RequestFilter =
  | { kind: 'all' }
  | { kind: 'status'; status: StatusId }
  | { kind: 'label'; label: string; slug: string }
  | { kind: 'repository'; repository: string; slug: string };

/** The path of a filtered list, without its sort: `/requests/status/planned/`. */
export function requestFilterPath(filter: RequestFilter): string {
  switch (filter.kind) {
    case 'all':
      return '/requests/';
    case 'status':
      return `/requests/status/${filter.status}/`;
    case 'label':
      return `/requests/label/${filter.slug}/`;
    case 'repository':
      return `/requests/repo/${filter.slug}/`;
  }
}

/** `/requests/top/`, `/requests/top/2/`, `/requests/status/planned/newest/3/`. */
export function requestListPath(filter: RequestFilter, sort: RequestSort, page = 1): string {
  return `${requestFilterPath(filter)}${sort}/${page > 1 ? `${page}/` : ''}`;
}

/** The social image of a page: `/requests/12-dark-mode/` → `/og/requests/12-dark-mode.png`. */
export function socialImagePath(pagePath: string): string {
  return `/og/${pagePath.replace(/^\/+|\/+$/g, '')}.png`;
}

/** The Atom feed of a request's status changes. */
export function requestFeedPath(requestPath: string): string {
  return `${requestPath}atom.xml`;
}

/** The README badge showing a request's votes. */
export function requestBadgePath(requestPath: string): string {
  return `${requestPath}badge.svg`;
}

/**
 * The maintainers' pages: unlisted (no navigation link, not in the sitemap, `noindex`), yet
 * public like every page of a static site, so they show only what the roadmap publishes anyway.
 */
export const MAINTAINER_PATHS = {
  home: '/maintainers/',
  duplicates: '/maintainers/duplicates/',
  priorities: '/maintainers/priorities/',
} as const;

/** The priority table in one order: `/maintainers/priorities/` by score, `/maintainers/priorities/effort/`… */
export function prioritiesPath(sort: PrioritySort): string {
  return sort === 'score' ? MAINTAINER_PATHS.priorities : `${MAINTAINER_PATHS.priorities}${sort}/`;
}

export const SITE_PATHS = {
  board: '/',
  requests: '/requests/',
  changelog: '/changelog/',
  changelogRss: '/changelog/rss.xml',
  changelogAtom: '/changelog/atom.xml',
  milestones: '/milestones/',
  about: '/about/',
  search: '/search/',
  /** The repositories a visitor can suggest something in, when there is more than one. */
  suggest: '/suggest/',
  api: '/api/requests.json',
  sitemap: '/sitemap.xml',
  /** The roadmap's own link-preview card, for every page without one of its own. */
  socialImage: '/og/site.png',
} as const;
