/**
 * The Content-Security-Policy every page carries in a `<meta http-equiv>` (static hosts such as
 * GitHub Pages cannot send headers).
 *
 * - scripts only from the site itself, never inline: the theme toggle and search are files;
 *   `'wasm-unsafe-eval'` lets Pagefind's WebAssembly run, and allows no `eval()` of scripts;
 * - images only from the site and GitHub's public image hosts (`github-images.ts`), plus the
 *   GitHub Enterprise Servers the repositories live on: an image in user content from any other
 *   host is served from the site's copy or shown as a link, so a host an author chose never
 *   learns who reads the page, and this rule makes sure of it (the theme toggle's icons are
 *   files of the site for the same reason);
 * - inline styles allowed, for the theme's colour variables;
 * - no plugins, no `<base>` hijacking, forms only to the site.
 * `frame-ancestors` is not honoured in a meta tag: it goes in `_headers` (`frame-headers.ts`), for the hosts that read it.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy
 */
import { githubImageCspSources } from '../markdown/github-images.ts';

/** The policy of a site whose repositories are on `repositoryOrigins` (github.com, or a GitHub Enterprise Server). */
export function contentSecurityPolicy(repositoryOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `img-src ${["'self'", ...githubImageCspSources(repositoryOrigins)].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
