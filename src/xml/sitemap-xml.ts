/**
 * Sitemaps: an index at `/sitemap.xml` pointing to sitemaps of at most `URLS_PER_SITEMAP`
 * addresses each, as the protocol caps a sitemap at 50,000 URLs and a big roadmap has more.
 * @see https://www.sitemaps.org/protocol.html
 */
import { escapeXml } from './xml-escape.ts';

export const URLS_PER_SITEMAP = 45_000;

export interface SitemapUrl {
  url: string;
  lastModified?: string | undefined;
}

export function sitemapUrlset(urls: readonly SitemapUrl[]): string {
  const entries = urls
    .map(
      (entry) =>
        `  <url><loc>${escapeXml(entry.url)}</loc>${entry.lastModified ? `<lastmod>${escapeXml(entry.lastModified)}</lastmod>` : ''}</url>\n`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</urlset>\n`;
}

export function sitemapIndex(sitemaps: readonly SitemapUrl[]): string {
  const entries = sitemaps
    .map(
      (entry) =>
        `  <sitemap><loc>${escapeXml(entry.url)}</loc>${entry.lastModified ? `<lastmod>${escapeXml(entry.lastModified)}</lastmod>` : ''}</sitemap>\n`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</sitemapindex>\n`;
}

export function xmlResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
