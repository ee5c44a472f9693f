/**
 * `/robots.txt`: everything may be crawled; the sitemap says where. Under a `base`, this file
 * only takes effect if the host serves it at its root (e.g. a custom domain on GitHub Pages).
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/href.ts';
import { SITE_PATHS } from '../model/site-paths.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITE_PATHS.sitemap, site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
