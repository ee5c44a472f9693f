/**
 * Links within the site. Every internal link goes through `href()`, so the site works under
 * any `site.base` (`https://acme.github.io/roadmap/`) without a page knowing about it.
 */
const BASE = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** `/requests/12-dark-mode/` → `/roadmap/requests/12-dark-mode/` under base `/roadmap`. */
export function href(path: string): string {
  if (!path.startsWith('/')) throw new TypeError(`href() takes a site path starting with "/", got ${JSON.stringify(path)}`);
  return `${BASE}${path}`;
}

/** The absolute URL of a site path, for canonical links, feeds, the sitemap and social cards. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  if (site === undefined) throw new Error('`site` is not set in astro.config.mjs; absolute URLs need it (it comes from site.url in roadmap.config.ts).');
  return new URL(href(path), site).href;
}
