/**
 * REST page-number pagination with GitHub's `Link` header
 * (https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api):
 * `per_page` defaults to 30 and is capped at 100, `page` starts at 1, and `Link` names the
 * prev/next/last/first pages when there are any.
 */
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

function positiveInteger(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export interface RestPage<T> {
  items: T[];
  /** `Link` header value, or `null` when everything fits on one page. */
  link: string | null;
}

/** Slices `items` for the request at `requestUrl` (absolute, on the simulator). */
export function paginate<T>(items: readonly T[], requestUrl: URL): RestPage<T> {
  const perPage = Math.min(positiveInteger(requestUrl.searchParams.get('per_page'), DEFAULT_PER_PAGE), MAX_PER_PAGE);
  const page = positiveInteger(requestUrl.searchParams.get('page'), 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const pageUrl = (target: number): string => {
    const url = new URL(requestUrl);
    url.searchParams.set('page', String(target));
    return url.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    link: links.length > 0 ? links.join(', ') : null,
  };
}
