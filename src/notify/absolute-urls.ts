/**
 * Absolute addresses of the roadmap's pages, for comments and emails that are read away from
 * the site. The model gives paths without the base (`/requests/12-dark-mode/`); the site puts
 * them under `site.base` on `site.url`, and so must we.
 */
import type { SiteConfig } from '../config/schema.ts';

export function siteUrl(site: Pick<SiteConfig, 'url' | 'base'>, path: string): string {
  const base = site.base === '/' ? '' : site.base;
  return new URL(`${base}${path}`, site.url).href;
}
