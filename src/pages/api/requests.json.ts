/**
 * `/api/requests.json`: every canonical request as JSON (see `src/content/requests-api.ts`),
 * most voted first. From the model rather than the content collection: the collection keeps only
 * the voters a page shows, and the API lists them all.
 */
import type { APIRoute } from 'astro';
import { loadRoadmap } from '../../content/load-roadmap.ts';
import { requestsApi } from '../../content/requests-api.ts';
import { absoluteUrl } from '../../layouts/href.ts';
import { compareByVotesThenKey } from '../../model/ranking.ts';

export const GET: APIRoute = async ({ site }) => {
  const { roadmap } = await loadRoadmap();
  const requests = [...roadmap.requests].sort(compareByVotesThenKey);
  const body = requestsApi(roadmap.syncedAt, requests, (path) => absoluteUrl(path, site));
  // JSON.stringify escapes what JSON needs; "<" is escaped too, so the file is inert if a
  // browser is ever tricked into reading it as HTML.
  return new Response(`${JSON.stringify(body, null, 2).replace(/</g, '\\u003c')}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
