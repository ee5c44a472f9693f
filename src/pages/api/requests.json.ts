/**
 * `/api/requests.json`: every canonical request as JSON (see `src/content/requests-api.ts`),
 * most voted first. From the model rather than the content collection: the collection keeps only
 * the voters a page shows, and the API lists them all.
 */
import type { APIRoute } from 'astro';
import { loadRoadmap } from '../../content/load-roadmap.ts';
import { requestsApi } from '../../content/requests-api.ts';
import { absoluteUrl } from '../../site/href.ts';
import { compareByVotesThenKey } from '../../model/ranking.ts';

export const GET: APIRoute = async ({ site }) => {
  const { roadmap } = await loadRoadmap();
  const requests = [...roadmap.requests].sort(compareByVotesThenKey);
  const body = requestsApi(roadmap.syncedAt, requests, (path) => absoluteUrl(path, site));
  // Compact: indented, with a line per voter's login, the file was half as large again (13.6
  // against 8.8 MB at 10,000 requests). `jq .` pretty-prints it for a reader.
  // JSON.stringify escapes what JSON needs; "<" is escaped too, so the file is inert if a
  // browser is ever tricked into reading it as HTML.
  return new Response(`${JSON.stringify(body).replace(/</g, '\\u003c')}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
