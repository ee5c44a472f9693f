/**
 * Every published address of a request stays valid: its stable address (`/requests/12/`) and
 * each address it had before a rename or a transfer (`/requests/12-dark-mode/` once it is called
 * "Dark theme") become small pages that send people and search engines to its page, and hold
 * copies of its vote badge and status feed (a static host cannot redirect an image).
 *
 * An address is never taken twice. A live request page always wins (a new request may take a
 * freed title), then a merged duplicate's redirect (`duplicate-redirects.ts`), then stable
 * addresses, then former ones; among equals the first request in order keeps it.
 */
import type { Request } from './types.ts';

export type AddressRedirectSubject = Pick<Request, 'path' | 'stablePath' | 'formerPaths' | 'duplicates'>;

export interface AddressRedirect<T extends AddressRedirectSubject = AddressRedirectSubject> {
  /** The address that redirects, without the site's base: `/requests/12/`. */
  path: string;
  /** Its segment in URLs: `12`. */
  slug: string;
  /** `stable`: the request's own number-only address; `former`: one it had before. */
  kind: 'stable' | 'former';
  request: T;
}

/** The segment of a `/requests/<segment>/` path. */
function segmentOf(path: string): string {
  return path.replace(/^\/requests\//, '').replace(/\/$/, '');
}

export function addressRedirects<T extends AddressRedirectSubject>(requests: readonly T[]): AddressRedirect<T>[] {
  const taken = new Set(requests.map((request) => request.path));
  for (const request of requests) for (const duplicate of request.duplicates) taken.add(duplicate.path);
  const redirects: AddressRedirect<T>[] = [];
  const claim = (path: string, kind: AddressRedirect['kind'], request: T) => {
    if (taken.has(path)) return;
    taken.add(path);
    redirects.push({ path, slug: segmentOf(path), kind, request });
  };
  for (const request of requests) claim(request.stablePath, 'stable', request);
  for (const request of requests) for (const path of request.formerPaths) claim(path, 'former', request);
  return redirects.sort((a, b) => a.path.localeCompare(b.path));
}
