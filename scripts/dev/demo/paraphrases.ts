/**
 * The same requests written again by someone else, in their own words. Real trackers are full of
 * these: nobody searched first, and the titles share few words with the original. Keyed by the
 * original idea's title.
 */
export interface Paraphrase {
  title: string;
  problem: string;
  proposal: string;
}

export const PARAPHRASES: Readonly<Record<string, Paraphrase>> = {
  'Dark mode for the default theme': {
    title: 'Night theme / dark colour scheme toggle',
    problem: 'Reading our docs at night is painful: the stock theme has no dark variant and ignores my system setting.',
    proposal: 'A dark palette that kicks in with the OS preference, plus a switch in the navbar.',
  },
  'Incremental builds when only one page changed': {
    title: 'Rebuild only modified files instead of the whole site',
    problem: 'Editing a single Markdown file triggers a complete rebuild of our 9k-page site, which takes minutes on CI.',
    proposal: "Keep track of what each output depends on and skip pages whose inputs haven't changed.",
  },
  'Support for i18n routing with fallback locales': {
    title: 'Show the English page when a translation is missing',
    problem: 'Our Spanish site only has half the pages translated, so visitors hit 404s for the rest.',
    proposal: 'When `/es/some-page/` has no translation, render the default-language content at that URL instead of failing.',
  },
  'Redirects file with wildcard and splat support': {
    title: 'Configure URL redirects (with wildcards) in lumen.config',
    problem: 'After restructuring our docs we have 200 old URLs that need to keep working on every host we deploy to.',
    proposal: 'A `redirects` map in the config, supporting patterns like `/old/*`, that generates host-specific files and HTML fallbacks.',
  },
  'Fail the build on broken internal links': {
    title: 'Link checker for dead links between pages',
    problem: 'We regularly ship pages pointing at URLs that no longer exist, and only hear about it from readers.',
    proposal: 'After rendering, verify that every relative link and #anchor resolves, with an option to make failures fatal.',
  },
  'Copy button on code blocks': {
    title: 'One-click copy for code snippets',
    problem: 'Copying commands from the docs by selecting text is error-prone, especially on mobile.',
    proposal: 'Show a small clipboard button in the corner of each `<pre>` block.',
  },
  'Built-in client-side search for the default theme': {
    title: 'Full-text search without an external service',
    problem: "Small sites can't justify Algolia, yet the default theme has no search box at all.",
    proposal: 'Build a static index during `lumen build` and query it in the browser from a search field in the header.',
  },
  'Responsive images with srcset generated automatically': {
    title: 'Serve smaller images to mobile devices',
    problem: 'Lighthouse complains that our images are way larger than needed on phones.',
    proposal: 'Resize images into several widths at build time and write the right `srcset`/`sizes` attributes.',
  },
  'Last modified date from Git history': {
    title: 'Use the git commit date as "updated at" for pages',
    problem: 'Our "last updated" dates are stale because people forget to bump them in front matter.',
    proposal: 'Take the date of the latest commit that touched the source file.',
  },
  'Draft pages that are only built in dev': {
    title: 'Hide unfinished posts from production builds',
    problem: 'Work-in-progress articles get published as soon as they are merged.',
    proposal: 'Mark a page as unpublished in front matter and have production builds leave it out.',
  },
  'Content collections with schema validation': {
    title: 'Validate front matter against a schema',
    problem: "A missing `date` or a misspelt `tags` key breaks pages and the build doesn't complain.",
    proposal: 'Let me define required fields and types per folder and get a build error pointing at the file.',
  },
  'Table of contents sidebar that highlights the current heading': {
    title: 'Sticky "on this page" navigation for long articles',
    problem: 'Our guides are long and readers scroll up and down looking for sections.',
    proposal: 'A right-hand outline generated from h2/h3 that follows along as you scroll.',
  },
  'Parallel rendering across CPU cores': {
    title: 'Use multiple threads when building',
    problem: 'Build time scales linearly with pages and the CPU graph shows a single busy core.',
    proposal: 'Distribute page rendering over a worker pool sized to the machine.',
  },
  'Right-to-left layout support in the default theme': {
    title: 'Hebrew/Arabic pages render mirrored incorrectly',
    problem: 'For our Hebrew translation the layout stays left-to-right and the navigation ends up on the wrong side.',
    proposal: 'Detect RTL languages and flip the theme using `dir` and logical properties.',
  },
  'Sitemap with lastmod dates': {
    title: 'Add last-modified timestamps to sitemap.xml',
    problem: 'Google keeps crawling old pages because the sitemap has no modification dates.',
    proposal: 'Write `<lastmod>` for each URL using the page date or file history.',
  },
  'Pagination for any collection, not just the blog': {
    title: 'Paginate custom collections',
    problem: 'Only the blog index can be split into pages; our 700-item "projects" list is one huge page.',
    proposal: 'Make the pagination helper generic so any list can be split into numbered pages.',
  },
  'Hot reload that preserves scroll position': {
    title: 'Dev server jumps to top of page on every save',
    problem: 'When editing the bottom of a long article, every save throws me back to the top of the preview.',
    proposal: 'Keep the scroll offset across reloads, or update the content in place.',
  },
  'Footnotes support': {
    title: 'Markdown footnotes ([^1]) are not rendered',
    problem: 'Academic-style footnotes are printed as literal `[^1]` in the output.',
    proposal: 'Support the footnote extension with links back to the reference.',
  },
  'Related posts based on shared tags': {
    title: '"You might also like" section under articles',
    problem: 'Readers finish a post and leave; there is nothing suggesting what to read next.',
    proposal: 'Compute a few similar posts from overlapping tags and show them at the end.',
  },
  'Base path support for sites hosted in a subdirectory': {
    title: 'Site breaks when served from /project/ instead of the domain root',
    problem: 'On GitHub project pages our CSS and links point to `/` and 404.',
    proposal: 'Allow configuring a path prefix applied to every URL Lumen generates.',
  },
  'Shell completions for bash, zsh and fish': {
    title: 'Tab completion for the lumen CLI',
    problem: 'I have to check `--help` every time because the CLI has no completion.',
    proposal: 'Print completion scripts for common shells.',
  },
  'Feeds per tag and per author': {
    title: 'Topic-specific RSS',
    problem: 'I only want to follow the "release notes" tag, but there is a single feed for everything.',
    proposal: 'One feed per taxonomy term, linked from the term page.',
  },
  'Error overlay with source location': {
    title: 'Show template errors in the browser during development',
    problem: 'When a template throws, the browser just shows a blank page and the terminal has a long stack trace.',
    proposal: 'Render the error with the file name, line and surrounding code right in the page.',
  },
  'Skip-to-content link in the default theme': {
    title: 'Keyboard users must tab through the whole menu',
    problem: 'There is no way for keyboard and screen-reader users to jump past the navigation.',
    proposal: 'Add a "Skip to main content" link as the first focusable element.',
  },
  'Generate pages from a data file': {
    title: 'One page per entry in a JSON/YAML file',
    problem: 'We keep a list of 300 plugins in YAML and want each to have its own page.',
    proposal: 'Point a template at a data file and have Lumen render a page per record.',
  },
  'Persistent build cache between CI runs': {
    title: 'Cache processed images across builds',
    problem: 'Every CI run regenerates all image sizes from scratch, which is most of our build time.',
    proposal: 'Keep the processing results in a cache directory that CI can persist.',
  },
  'GitHub-style alerts in Markdown': {
    title: 'Support > [!TIP] / > [!CAUTION] callouts',
    problem: 'Content copied from our GitHub README loses its callout styling on the website.',
    proposal: "Recognise GitHub's blockquote alert syntax and render styled boxes.",
  },
  'Minify HTML output': {
    title: 'Compress generated HTML',
    problem: 'Our pages have kilobytes of indentation and blank lines from the templates.',
    proposal: 'Strip insignificant whitespace and comments from the HTML output when building for production.',
  },
  'Language switcher that links to the translated page': {
    title: 'Switching language should stay on the current page',
    problem: 'Choosing "Deutsch" from the menu always lands on the German home page.',
    proposal: 'Make the language menu point to the translation of the page you are on.',
  },
  'Scheduled publishing: skip pages with a future date': {
    title: 'Publish posts automatically at a set date',
    problem: 'Posts dated next week appear on the site as soon as they are merged.',
    proposal: 'Leave out pages dated in the future so a daily build publishes them on time.',
  },
  'Image captions as figure elements': {
    title: 'Captions under Markdown images',
    problem: 'To add a caption I have to write raw `<figure>` HTML.',
    proposal: 'Turn the image title into a `<figcaption>`.',
  },
  'Self-hosted fonts in the default theme': {
    title: 'Default theme calls Google Fonts (GDPR issue)',
    problem: 'Loading fonts from Google is a problem for EU sites, and the theme does it by default.',
    proposal: 'Serve the font files from the site itself.',
  },
  'Custom taxonomies beyond tags': {
    title: 'Group posts by custom fields like "series" or "level"',
    problem: 'Tags are not enough: we need several independent ways to classify content.',
    proposal: 'User-defined classification fields, each with listing pages.',
  },
  'Warn on images without alt text': {
    title: 'Lint for missing image descriptions',
    problem: 'Screen-reader users hit undescribed images all over our blog.',
    proposal: 'Report every `<img>` without an alt attribute at build time.',
  },
  'Deploy adapter for Netlify': {
    title: 'Netlify integration (redirects + headers)',
    problem: 'I maintain `netlify.toml` by hand and it keeps drifting from the site config.',
    proposal: 'Generate the Netlify config from Lumen settings.',
  },
  'Render Mermaid diagrams at build time': {
    title: 'Mermaid support without client-side JS',
    problem: 'Our architecture docs use mermaid blocks and readers need a 1 MB script to see them.',
    proposal: 'Convert mermaid fences to inline SVG when building.',
  },
  'Migration tool for Jekyll sites': {
    title: 'Import an existing Jekyll blog',
    problem: 'I have a 10-year-old Jekyll blog and would like to switch without redoing every post.',
    proposal: 'A command that converts `_posts`, front matter and permalinks to Lumen.',
  },
  'Built-in UI translations for Japanese': {
    title: 'Default theme strings in 日本語',
    problem: 'The theme UI (search, pagination, ToC title) is only in English on our Japanese site.',
    proposal: 'Include Japanese translations for the theme strings.',
  },
  'Line highlighting and line numbers in code blocks': {
    title: 'Emphasise specific lines inside a code snippet',
    problem: 'Tutorials need to draw attention to the two lines that changed in a long example.',
    proposal: 'Allow marking line ranges in the fence info string, and optional numbering.',
  },
  'Canonical URLs set automatically': {
    title: 'Add rel=canonical to every page',
    problem: 'Search Console reports duplicate content because of `/index.html` and trailing-slash variants.',
    proposal: 'Emit a canonical link tag for every page from the site URL.',
  },
};
