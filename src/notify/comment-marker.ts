/**
 * The hidden marker in every "shipped" comment. GitHub keeps the comments, so they are the first
 * record of what was announced: before commenting, the notifier looks for its marker on the item
 * and never comments twice, even when its own ledger was lost. An HTML comment does not show on
 * GitHub. The tag is percent-encoded: git allows `-->` in a tag name, which would end the marker.
 */
export function shippedMarker(release: { repository: string; tagName: string }): string {
  return `<!-- open-roadmap:shipped:${release.repository.toLowerCase()}@${encodeURIComponent(release.tagName)} -->`;
}

export function hasShippedMarker(body: string, marker: string): boolean {
  return body.includes(marker);
}
