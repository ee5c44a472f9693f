/** `/api/requests.json`: every canonical request as JSON (see `src/content/requests-api.ts`). */
import type { APIRoute } from 'astro';
import { allRequests, roadmapOverview } from '../../content/collections.ts';
import { requestsApi } from '../../content/requests-api.ts';
import { absoluteUrl } from '../../layouts/href.ts';

export const GET: APIRoute = async ({ site }) => {
  const [overview, requests] = await Promise.all([roadmapOverview(), allRequests()]);
  const body = requestsApi(
    overview.syncedAt,
    requests.map((entry) => entry.data),
    (path) => absoluteUrl(path, site),
  );
  // JSON.stringify escapes what JSON needs; "<" is escaped too, so the file is inert if a
  // browser is ever tricked into reading it as HTML.
  return new Response(`${JSON.stringify(body, null, 2).replace(/</g, '\\u003c')}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
