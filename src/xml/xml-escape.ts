/**
 * Text and attribute values for XML documents (feeds, sitemap, SVG badge). Untrusted text may
 * hold characters XML 1.0 forbids outright (most control characters); they are dropped, since
 * a single one makes a feed unreadable for every subscriber.
 * @see https://www.w3.org/TR/xml/#charsets
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
