/**
 * The Content-Security-Policy every page carries in a `<meta http-equiv>` (static hosts such as
 * GitHub Pages cannot send headers).
 *
 * - scripts only from the site itself, never inline: the theme toggle and search are files;
 *   `'wasm-unsafe-eval'` lets Pagefind's WebAssembly run, and allows no `eval()` of scripts;
 * - images from the site, GitHub avatars and any https host, since user content embeds images
 *   from anywhere (`data:` only for the tiny inline icons browsers may use for form controls);
 * - inline styles allowed, for the theme's colour variables;
 * - no plugins, no `<base>` hijacking, forms only to the site.
 * `frame-ancestors` is not honoured in a meta tag; a host that can send headers should add it.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' https://avatars.githubusercontent.com https: data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
