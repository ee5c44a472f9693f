/**
 * Writes Atom 1.0 feeds: the changelog's releases and each request's status changes.
 * Every value is escaped here; callers pass plain text, and HTML only as `contentHtml`
 * (already sanitized), which goes in escaped as `type="html"`.
 * @see https://www.rfc-editor.org/rfc/rfc4287
 */
import { escapeXml } from './xml-escape.ts';

export interface AtomEntry {
  /** A permanent, unique id: a tag: URI or the entry's URL. */
  id: string;
  title: string;
  url: string;
  updated: string;
  published?: string;
  summary?: string;
  contentHtml?: string;
  author?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own URL. */
  selfUrl: string;
  /** The HTML page the feed belongs to. */
  pageUrl: string;
  updated: string;
  author: string;
  entries: readonly AtomEntry[];
}

function element(name: string, value: string | undefined, attributes = ''): string {
  return value === undefined ? '' : `    <${name}${attributes}>${escapeXml(value)}</${name}>\n`;
}

export function atomFeed(feed: AtomFeed): string {
  const entries = feed.entries
    .map(
      (entry) =>
        '  <entry>\n' +
        element('id', entry.id) +
        element('title', entry.title) +
        `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>\n` +
        element('updated', entry.updated) +
        element('published', entry.published) +
        (entry.author ? `    <author><name>${escapeXml(entry.author)}</name></author>\n` : '') +
        element('summary', entry.summary) +
        element('content', entry.contentHtml, ' type="html"') +
        '  </entry>\n',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom">\n' +
    `  <id>${escapeXml(feed.id)}</id>\n` +
    `  <title>${escapeXml(feed.title)}</title>\n` +
    (feed.subtitle ? `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>\n` : '') +
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>\n` +
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>\n` +
    `  <updated>${escapeXml(feed.updated)}</updated>\n` +
    `  <author><name>${escapeXml(feed.author)}</name></author>\n` +
    '  <generator>Open Roadmap</generator>\n' +
    entries +
    '</feed>\n'
  );
}

export function atomResponse(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
