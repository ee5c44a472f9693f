/**
 * The Markdown of a "shipped" comment: the hidden marker, a headline naming the release, how many
 * people asked, and links to the release and to the request's page on the roadmap. A duplicate's
 * comment names the request it was merged into, so its followers know where the work happened.
 *
 * Nothing untrusted goes in unescaped: the tag is a code span (a tag such as `@scope/pkg@1.0`
 * would otherwise mention an account), titles are left out (GitHub shows them beside `#12`).
 */
import { shippedMarker } from './comment-marker.ts';
import { notificationStrings } from './notification-strings.ts';
import type { ReleaseShipment, ShippedItem, ShippedRequest } from './release-shipments.ts';

/** `text` as an inline code span, fenced by more backticks than it contains. */
function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text.replace(/[\r\n]+/g, ' ')}${padding}${fence}`;
}

/** An address inside `(…)` of a Markdown link: spaces and parentheses would end it early. */
function linkDestination(url: string): string {
  return `<${url.replace(/[<>\s]/g, (character) => encodeURIComponent(character))}>`;
}

/** How an item refers to another on GitHub: `#12` in the same repository, `owner/name#12` elsewhere. */
function reference(from: { repository: string }, to: { repository: string; number: number }): string {
  return from.repository.toLowerCase() === to.repository.toLowerCase() ? `#${to.number}` : `${to.repository}#${to.number}`;
}

/** `language`: the site's (`site.language`), which the comment is written in. */
export function shippedCommentBody(release: ReleaseShipment, request: ShippedRequest, item: ShippedItem, language: string): string {
  const strings = notificationStrings(language);
  const tag = codeSpan(release.tagName);
  const releaseLink = `[${tag}](${linkDestination(release.url)})`;
  const what = item.canonical
    ? strings.comment.shipsThis(releaseLink)
    : strings.comment.mergedInto(reference(item, request), releaseLink);
  const asked = strings.peopleAsked(request.votes.total, request.votes.anonymous);
  return [
    shippedMarker(release),
    `### ${strings.shippedIn(tag)}`,
    '',
    [what, asked, strings.comment.thanks].filter((sentence) => sentence !== '').join(' '),
    '',
    `[${strings.comment.roadmapLink}](${linkDestination(request.pageUrl)}) · [${strings.comment.releaseLink}](${linkDestination(release.url)})`,
    '',
  ].join('\n');
}
