/**
 * Requests filed against Lumen's documentation repository. They are requests like any other (the
 * roadmap shows them), but about guides and reference pages rather than the generator itself.
 */
export interface DocsIdea {
  title: string;
  problem: string;
  proposal: string;
}

type DocsRow = readonly [title: string, problem: string, proposal: string];

const ROWS: readonly DocsRow[] = [
  ['Deployment guide for GitHub Pages', 'The docs mention GitHub Pages once, but not the base path or the Actions workflow you need.', 'A step-by-step guide covering the workflow file, `base`, and custom domains.'],
  ['Migration guide from Jekyll', 'Lots of people on the forum ask how Liquid tags and `_posts` map to Lumen concepts.', 'A side-by-side guide: layouts, includes, data files, permalinks, plugins.'],
  ['Document the plugin lifecycle hooks', 'The plugin API page lists hook names but not when they run or what they receive.', 'A diagram of the build with each hook, its arguments and an example.'],
  ['Recipe: comments with giscus', 'Adding comments is a frequent question with no official answer.', 'A short recipe with the theme override and the giscus settings.'],
  ['Versioned docs for 1.x and 2.x', 'People on 1.x read docs for features that only exist on main.', 'A version switcher with frozen docs per minor release.'],
  ['Translate the docs into Japanese', 'Lumen is popular in Japan but the docs are English only.', 'Set up the i18n structure and a translation guide; volunteers are ready.'],
  ['Runnable examples on StackBlitz', 'Readers want to try snippets without installing anything.', 'An "Open in StackBlitz" button on each example.'],
  ['API reference generated from TypeScript types', 'The config reference is hand-written and already out of date in places.', 'Generate the reference from the exported types and their doc comments.'],
  ['All CLI flags on one page', 'CLI options are scattered across guides.', 'A single reference page generated from the CLI definitions.'],
  ['Troubleshooting page for Windows users', 'Path separators and long paths trip up Windows users regularly.', 'A troubleshooting page with the common errors and fixes.'],
  ['Tutorial: build a blog in 15 minutes', 'The getting-started page stops right after "hello world".', 'A guided tutorial ending with a deployed blog with tags and a feed.'],
  ['Glossary of Lumen terms', 'Collections, layouts, partials, islands: newcomers mix them up.', 'A glossary page linked from the first mention of each term.'],
  ['Show config defaults in the reference', 'The reference lists options without their default values.', 'Add a "Default" column to every option table.'],
  ['Cookbook: image galleries', 'Building a gallery is a common task without an example.', 'A recipe using the image pipeline and a lightbox.'],
  ['Document environment variables', 'Which `LUMEN_*` variables exist is only discoverable by reading the source.', 'A reference page of every environment variable and its effect.'],
  ['Copy button for terminal commands in the docs', 'Copying install commands from the docs picks up the `$` prompt.', 'Add copy buttons that leave out prompts.'],
  ['Diagram of the build pipeline', 'It is hard to understand where plugins and transforms run.', 'An illustrated overview of the build stages.'],
  ['Performance tuning guide for large sites', 'Big sites hit memory limits and the docs do not say what to tune.', 'A guide covering caching, concurrency and incremental builds.'],
  ['Contributor guide for writing plugins', 'Community plugin authors reinvent testing and publishing.', 'A guide with a template repository, tests and release checklist.'],
  ['FAQ page', 'The same five questions are asked every week in Discussions.', 'An FAQ collecting them with short answers and links.'],
  ['Accessibility checklist for theme authors', 'Theme authors do not know what Lumen expects from them.', 'A checklist of landmarks, focus styles, contrast and motion.'],
  ['Security guide: content from untrusted authors', 'Sites that accept community contributions need to know what gets sanitized.', 'Explain which HTML is allowed in Markdown and how to tighten it.'],
];

export const DOCS_IDEAS: readonly DocsIdea[] = ROWS.map(([title, problem, proposal]) => ({ title, problem, proposal }));

/** A request in the main repository asking for something the docs repository already tracks. */
export const DOCS_REQUEST_IN_MAIN_REPOSITORY = {
  canonicalTitle: 'Deployment guide for GitHub Pages',
  title: 'How do I deploy to GitHub Pages? Please document it',
  problem: 'I could not find anything in the docs about deploying to GitHub Pages; my CSS 404s after the workflow runs.',
  proposal: 'A page explaining the needed workflow and settings would save people a lot of time.',
} as const;
