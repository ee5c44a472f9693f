/**
 * The `_headers` file that says who may show the site's pages in a frame, for hosts that read it
 * (Netlify, Cloudflare Pages). A `<meta>` Content-Security-Policy cannot say it: browsers ignore
 * `frame-ancestors` there, so it takes a response header, and GitHub Pages sends none of a
 * site's choosing (docs/embedding.md).
 *
 * The widget page (`/embed/`) may be framed by the configured `embed.frameAncestors`; every
 * other page by nobody. The rules never overlap: both hosts send every header of every rule a
 * path matches, and a page under two policies would be held to both. So instead of one rule for
 * everything, there is one per top-level folder and file of the output, the widget's excepted.
 * @see https://docs.netlify.com/routing/headers/
 * @see https://developers.cloudflare.com/pages/configuration/headers/
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/frame-ancestors
 */

/** The widget's folder, under the base. */
export const EMBED_FOLDER = 'embed';

/** Folders of files that are never shown in a frame themselves (scripts, styles, the search index, images). */
const NOT_PAGES = new Set(['_astro', 'pagefind', 'cards', 'og', 'user-content']);

export interface OutputTopLevel {
  /** Names of the output's top-level folders. */
  folders: readonly string[];
  /** Names of the output's top-level HTML files (`index.html`, `404.html`). */
  pages: readonly string[];
}

export function frameHeaders({ base, output, frameAncestors }: { base: string; output: OutputTopLevel; frameAncestors: readonly string[] }): string {
  const prefix = base.replace(/\/+$/, '');
  const refuse = ["  Content-Security-Policy: frame-ancestors 'none'", '  X-Frame-Options: DENY'];
  const rules: string[][] = [
    [`${prefix}/${EMBED_FOLDER}/*`, `  Content-Security-Policy: frame-ancestors ${frameAncestors.join(' ')}`],
    [`${prefix}/`, ...refuse],
  ];
  for (const page of [...output.pages].sort()) rules.push([`${prefix}/${page}`, ...refuse]);
  for (const folder of [...output.folders].sort()) {
    if (folder !== EMBED_FOLDER && !NOT_PAGES.has(folder)) rules.push([`${prefix}/${folder}/*`, ...refuse]);
  }
  return `# Who may show these pages in a frame (written by the build from embed.frameAncestors).\n${rules.map((rule) => rule.join('\n')).join('\n\n')}\n`;
}
