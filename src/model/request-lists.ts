/**
 * Plans the static, paginated request lists: every filter (all, each status, each label, each
 * repository) in every order that has something to show, `PAGE_SIZE` per page.
 *
 * Filters × orders × pages grows fast on a big project (16 area labels × 4 orders × 400 pages
 * would be 25,600 pages for one repository), so it is bounded on purpose:
 * - the unfiltered list is paginated to the end in the "top" order, so that every request is
 *   reachable from a plain link;
 * - every other list stops after `MAX_PAGES_PER_LIST` pages and points to search for the rest.
 *   (Paginating "newest" to the end too would add a page per 25 requests, 4,000 at 100,000
 *   requests, to show what "top" already reaches.)
 * The number of pages is then at most proportional to the number of requests plus a constant
 * per filter.
 */
import GithubSlugger from 'github-slugger';
import { STATUS_IDS, type StatusId } from '../config/status-ids.ts';
import { REQUEST_SORTS, rankRequests, type Rankable, type RequestSort } from './ranking.ts';
import { requestListPath, type RequestFilter } from './site-paths.ts';

export const PAGE_SIZE = 25;
export const MAX_PAGES_PER_LIST = 8;

export interface Listable extends Rankable {
  repository: string;
  labels: readonly { name: string }[];
}

export interface RequestListPage<T> {
  filter: RequestFilter;
  sort: RequestSort;
  page: number;
  pageCount: number;
  /** Requests in this list, all pages together (including those beyond the last page). */
  total: number;
  /** Whether some requests of the list are past its last page (see `MAX_PAGES_PER_LIST`). */
  truncated: boolean;
  path: string;
  requests: T[];
}

export interface ListPlanOptions {
  /** Repository → path segment; repository filters exist only when there are several. */
  repositorySlug: (repository: string) => string;
  pageSize?: number;
  maxPagesPerList?: number;
}

/** Every filter with at least one request, in display order: all, statuses, repositories, labels by name. */
export function listFilters(requests: readonly Listable[], options: Pick<ListPlanOptions, 'repositorySlug'>): RequestFilter[] {
  const statuses = STATUS_IDS.filter((status) => requests.some((request) => request.status === status));
  const repositories = [...new Map(requests.map((request) => [request.repository.toLowerCase(), request.repository])).values()].sort();
  const labelNames = [...new Set(requests.flatMap((request) => request.labels.map((label) => label.name)))].sort((a, b) =>
    a.localeCompare(b),
  );
  const slugger = new GithubSlugger();
  return [
    { kind: 'all' },
    ...statuses.map((status): RequestFilter => ({ kind: 'status', status })),
    ...(repositories.length > 1
      ? repositories.map((repository): RequestFilter => ({ kind: 'repository', repository, slug: options.repositorySlug(repository) }))
      : []),
    ...labelNames.map((label): RequestFilter => ({ kind: 'label', label, slug: slugger.slug(label) || 'label' })),
  ];
}

/**
 * Labels so common that they say nothing on a card (every feature request carries
 * `enhancement` when a source publishes only that label): on at least `share` of the requests.
 */
export function commonLabels(requests: readonly Listable[], share = 0.5): Set<string> {
  const counts = new Map<string, number>();
  for (const request of requests) for (const label of request.labels) counts.set(label.name, (counts.get(label.name) ?? 0) + 1);
  const threshold = Math.max(2, requests.length * share);
  return new Set([...counts].filter(([, count]) => count >= threshold).map(([name]) => name));
}

export function matchesFilter(request: Listable, filter: RequestFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'status':
      return request.status === filter.status;
    case 'label':
      return request.labels.some((label) => label.name === filter.label);
    case 'repository':
      return request.repository.toLowerCase() === filter.repository.toLowerCase();
  }
}

/** The orders worth offering for a filter: "recently shipped" only where something shipped. */
export function sortsFor(filter: RequestFilter, requests: readonly Listable[]): RequestSort[] {
  return REQUEST_SORTS.filter((sort) => {
    if (sort !== 'shipped') return true;
    if (filter.kind === 'status' && filter.status !== ('shipped' satisfies StatusId)) return false;
    return requests.some((request) => matchesFilter(request, filter) && request.status === 'shipped' && request.shippedAt !== null);
  });
}

export function planRequestLists<T extends Listable>(requests: readonly T[], options: ListPlanOptions): RequestListPage<T>[] {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const maxPages = options.maxPagesPerList ?? MAX_PAGES_PER_LIST;
  const pages: RequestListPage<T>[] = [];
  for (const filter of listFilters(requests, options)) {
    const matching = requests.filter((request) => matchesFilter(request, filter));
    for (const sort of sortsFor(filter, requests)) {
      const ranked = rankRequests(matching, sort);
      const needed = Math.max(1, Math.ceil(ranked.length / pageSize));
      const exhaustive = filter.kind === 'all' && sort === 'top';
      const pageCount = exhaustive ? needed : Math.min(needed, maxPages);
      for (let page = 1; page <= pageCount; page++) {
        pages.push({
          filter,
          sort,
          page,
          pageCount,
          total: ranked.length,
          truncated: pageCount < needed,
          path: requestListPath(filter, sort, page),
          requests: ranked.slice((page - 1) * pageSize, page * pageSize),
        });
      }
    }
  }
  return pages;
}
