import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { changelogFeedItems } from '../../src/content/changelog-feed.ts';
import type { ReleaseEntry } from '../../src/content/collections.ts';
import { atomFeed } from '../../src/xml/atom-feed.ts';
import { rssFeed } from '../../src/xml/rss-feed.ts';
import { voteBadgeSvg } from '../../src/xml/vote-badge.ts';
import { escapeXml } from '../../src/xml/xml-escape.ts';
import { uiStrings } from '../../src/i18n/strings.ts';

const hostile = `Tom & "Jerry" <script>alert('x')</script>\u0000\u0008 \uD800 end`;

describe('XML output', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(hostile)).toBe('Tom &amp; &quot;Jerry&quot; &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;  end');
  });

  it('writes an Atom feed that parses and keeps hostile text as text', () => {
    const xml = atomFeed({
      id: 'https://example.com/feed',
      title: hostile,
      selfUrl: 'https://example.com/atom.xml?a=1&b=2',
      pageUrl: 'https://example.com/',
      updated: '2025-01-01T00:00:00Z',
      author: 'Acme',
      entries: [{ id: 'e1', title: hostile, url: 'https://example.com/1', updated: '2025-01-01T00:00:00Z', contentHtml: '<p>Hi &amp; bye</p>' }],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.entry.title).toContain('<script>');
    expect(feed.entry.content['#text']).toBe('<p>Hi &amp; bye</p>');
  });

  it('writes an RSS feed that parses', () => {
    const xml = rssFeed({
      title: hostile,
      description: 'Releases',
      pageUrl: 'https://example.com/',
      selfUrl: 'https://example.com/rss.xml',
      language: 'en',
      items: [{ title: hostile, url: 'https://example.com/1', guid: 'g1', publishedAt: '2025-01-01T00:00:00Z', descriptionHtml: '<p>x</p>' }],
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(new XMLParser().parse(xml).rss.channel.item.pubDate).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
  });

  it('draws a badge whose text cannot break out of the SVG', () => {
    const svg = voteBadgeSvg({ label: 'votes', value: '<b>42</b>', title: hostile, color: '#2f5bd3' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
  });

  it('gives the site’s copies of external images full addresses in the changelog feeds', () => {
    const release = {
      data: { path: '/changelog/v1.0.0/', title: 'v1.0.0', shipped: [], isPrerelease: false, publishedAt: '2025-01-01T00:00:00Z', author: null, excerpt: '' },
      rendered: { html: '<p><img src="/user-content/ab12.png" alt="Chart"> <img src="https://user-images.githubusercontent.com/1/a.png" alt=""></p>' },
    } as unknown as ReleaseEntry;
    const [item] = changelogFeedItems([release], new URL('https://acme.github.io'), uiStrings('en'));
    expect(item?.html).toContain('<img src="https://acme.github.io/user-content/ab12.png" alt="Chart">');
    expect(item?.html).toContain('<img src="https://user-images.githubusercontent.com/1/a.png" alt="">');
  });
});
