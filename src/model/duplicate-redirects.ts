/**
 * Old links keep working: a merged duplicate's own address (`/requests/15-dark-theme/`, the
 * page it had, or would have had, as a request of its own) becomes a small page that sends
 * people and search engines to the request it was merged into.
 *
 * An address is never taken twice: a request's own page always wins over a redirect, and
 * of two duplicates with one address (possible only across repositories with odd names) the
 * first in request order keeps it.
 */
import type { ItemSummary } from './types.ts';

/** The fields a redirect needs; model requests have them. */
export interface Redirectable {
  key: string;
  title: string;
  path: string;
  duplicates: readonly ItemSummary[];
}

export interface DuplicateRedirect<T extends Redirectable = Redirectable> {
  /** The duplicate's own address, without the site's base: `/requests/15-dark-theme/`. */
  path: string;
  /** Its segment in URLs: `15-dark-theme`. */
  slug: string;
  duplicate: ItemSummary;
  /** The request it was merged into. */
  request: T;
}

export function duplicateRedirects<T extends Redirectable>(requests: readonly T[]): DuplicateRedirect<T>[] {
  const taken = new Set(requests.map((request) => request.path));
  const redirects: DuplicateRedirect<T>[] = [];
  for (const request of requests) {
    for (const duplicate of request.duplicates) {
      if (taken.has(duplicate.path)) continue;
      taken.add(duplicate.path);
      redirects.push({ path: duplicate.path, slug: duplicate.slug, duplicate, request });
    }
  }
  return redirects.sort((a, b) => a.path.localeCompare(b.path));
}
