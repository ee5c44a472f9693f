/**
 * Writes the changelog's RSS 2.0 feed, for readers that do not take Atom. Escaping as in
 * `atom-feed.ts`: plain text everywhere, sanitized HTML only in `descriptionHtml`.
 * @see https://www.rssboard.org/rss-specification
 */
import { escapeXml } from './xml-escape.ts';

export interface RssItem {
  title: string;
  url: string;
  guid: string;
  publishedAt: string;
  descriptionHtml: string;
  categories?: readonly string[];
}

export interface RssChannel {
  title: string;
  description: string;
  pageUrl: string;
  selfUrl: string;
  language: string;
  items: readonly RssItem[];
}

function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function rssFeed(channel: RssChannel): string {
  const items = channel.items
    .map(
      (item) =>
        '    <item>\n' +
        `      <title>${escapeXml(item.title)}</title>\n` +
        `      <link>${escapeXml(item.url)}</link>\n` +
        `      <guid isPermaLink="false">${escapeXml(item.guid)}</guid>\n` +
        `      <pubDate>${rfc822(item.publishedAt)}</pubDate>\n` +
        (item.categories ?? []).map((category) => `      <category>${escapeXml(category)}</category>\n`).join('') +
        `      <description>${escapeXml(item.descriptionHtml)}</description>\n` +
        '    </item>\n',
    )
    .join('');
  const lastBuild = channel.items[0]?.publishedAt;
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n' +
    '  <channel>\n' +
    `    <title>${escapeXml(channel.title)}</title>\n` +
    `    <link>${escapeXml(channel.pageUrl)}</link>\n` +
    `    <description>${escapeXml(channel.description)}</description>\n` +
    `    <language>${escapeXml(channel.language)}</language>\n` +
    `    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>\n` +
    (lastBuild ? `    <lastBuildDate>${rfc822(lastBuild)}</lastBuildDate>\n` : '') +
    '    <generator>Open Roadmap</generator>\n' +
    items +
    '  </channel>\n' +
    '</rss>\n'
  );
}
