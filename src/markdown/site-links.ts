/**
 * References to requests stay on the site: a link to an issue or Discussion that the roadmap
 * publishes (`#12` as remark-github links it, `owner/repo#12`, `GH-12`, or its address written
 * out) leads to the request's page instead of GitHub. A link to a comment (`#issuecomment-…`),
 * to a pull request, or to an item the roadmap does not publish goes to GitHub as before.
 */

/** `owner/name#12`, lower-cased, as the model keys items (see `src/model/item-key.ts`). */
export type ItemKeyText = string;

/** The item a link to GitHub points at, or null: `https://github.com/Acme/App/issues/12` → `acme/app#12`. */
export function linkedItemKey(href: string, origins: readonly string[]): ItemKeyText | null {
  if (!URL.canParse(href)) return null;
  const url = new URL(href);
  if (!origins.includes(url.origin) || url.search !== '' || url.hash !== '') return null;
  const match = /^\/([^/]+)\/([^/]+)\/(?:issues|discussions)\/(\d+)\/?$/.exec(url.pathname);
  if (!match) return null;
  const [, owner = '', name = '', number = ''] = match;
  return `${decodeURIComponent(owner)}/${decodeURIComponent(name)}#${Number(number)}`.toLowerCase();
}

// What may be a reference in Markdown source. Found generously: it only narrows which of the
// site's addresses a text is given (and so which changes make it render again); the renderer
// decides on the links it actually made.
const SHORT_REFERENCE = /(?:^|[^\w/#&])(?:([\w.-]+\/[\w.-]+))?#(\d+)\b/g;
const GH_REFERENCE = /\bGH-(\d+)\b/gi;
const ADDRESS = /\bhttps?:\/\/[^/\s]+\/([\w.-]+)\/([\w.-]+)\/(?:issues|discussions)\/(\d+)\b/g;

/** The items a text may reference, as keys, for a text written in `repository`. */
export function referencedItemKeys(markdown: string, repository: string): Set<ItemKeyText> {
  const keys = new Set<ItemKeyText>();
  const add = (repo: string, number: string) => keys.add(`${repo}#${Number(number)}`.toLowerCase());
  for (const match of markdown.matchAll(SHORT_REFERENCE)) add(match[1] ?? repository, match[2] ?? '');
  for (const match of markdown.matchAll(GH_REFERENCE)) add(repository, match[1] ?? '');
  for (const match of markdown.matchAll(ADDRESS)) add(`${match[1]}/${match[2]}`, match[3] ?? '');
  return keys;
}

/** The site addresses of the published items among `keys`, for `RenderMarkdownOptions.siteLinks`. */
export function siteLinksFor(keys: Iterable<ItemKeyText>, addresses: ReadonlyMap<ItemKeyText, string>): Record<ItemKeyText, string> {
  const links: Record<ItemKeyText, string> = {};
  for (const key of [...keys].sort()) {
    const address = addresses.get(key);
    if (address !== undefined) links[key] = address;
  }
  return links;
}
