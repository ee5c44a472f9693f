import type { Area } from './labels.ts';

/**
 * Words for everything around the requests: bug reports, questions, and the comments people
 * leave. Templates use `{name}` placeholders filled by `fill`.
 */

export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

export type BugReport = readonly [area: Area, title: string, error: string];

export const BUG_REPORTS: readonly BugReport[] = [
  ['build', 'Build crashes with "Maximum call stack size exceeded" on deeply nested pages', 'RangeError: Maximum call stack size exceeded\n    at resolveLayout (lumen/dist/render/layouts.js:88:12)'],
  ['dev-server', 'Dev server does not pick up new files until restart', 'watcher: ignoring add event for content/blog/new-post.md'],
  ['markdown', 'Code blocks inside list items lose their indentation', ''],
  ['images', 'Image processing fails for PNG files with an ICC profile', 'Error: Input buffer has corrupt header: pngload_buffer: libspng read error'],
  ['i18n', 'Locale prefix is missing from pagination links', ''],
  ['routing', 'Trailing slash redirect loop on Cloudflare Pages', ''],
  ['cli', 'lumen new fails on Windows when the path contains spaces', "Error: ENOENT: no such file or directory, open 'C:\\Users\\Ana Maria\\sites\\blog\\lumen.config.ts'"],
  ['feeds', 'RSS feed contains relative image URLs', ''],
  ['build', 'Build output differs between macOS and Linux (file ordering)', ''],
  ['themes', 'Mobile menu cannot be closed with the Escape key', ''],
  ['content', "Front matter dates are shifted by one day in UTC-negative timezones", ''],
  ['dev-server', 'Hot reload stops working after a template syntax error', ''],
  ['seo', 'Sitemap includes pages marked as drafts', ''],
  ['search', 'Search index is empty when the site uses a base path', ''],
  ['markdown', 'Headings with inline code produce broken anchor ids', ''],
  ['build', 'Memory leak when building more than 20k pages', 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'],
  ['plugins', 'Plugin hook buildEnd is called twice in watch mode', ''],
  ['images', 'Generated srcset includes widths larger than the original image', ''],
  ['themes', 'Dark code blocks are unreadable in print', ''],
  ['cli', 'lumen build exits with code 0 even when pages failed to render', ''],
  ['routing', 'Pages named index.md inside a folder generate /folder/index/ as well', ''],
  ['content', 'Tags with uppercase letters create two separate tag pages', ''],
  ['i18n', 'Date formatting ignores the configured locale on list pages', ''],
  ['deploy', 'GitHub Pages deployment serves stale CSS after a release', ''],
  ['markdown', 'Tables with pipes inside inline code are split into extra columns', ''],
  ['dev-server', 'Port already in use error is not helpful', 'Error: listen EADDRINUSE: address already in use :::4321'],
  ['build', 'TypeError when a collection is empty', "TypeError: Cannot read properties of undefined (reading 'date')\n    at sortEntries (lumen/dist/content/collections.js:142:31)"],
  ['accessibility', 'Search dialog traps focus after closing', ''],
  ['feeds', 'Atom feed has invalid updated timestamps', ''],
  ['images', 'AVIF encoding is extremely slow on ARM runners', ''],
  ['plugins', 'Plugins cannot read the resolved config in the setup hook', ''],
  ['cli', 'Config file written in ESM fails to load with Node 22.12', "Error [ERR_REQUIRE_ESM]: require() of ES Module lumen.config.mjs not supported."],
  ['routing', 'Unicode slugs are percent-encoded twice', ''],
  ['content', 'Excerpt includes the contents of HTML comments', ''],
  ['themes', 'Table of contents overlaps the footer on short pages', ''],
  ['build', 'Cache directory grows without bound', ''],
  ['markdown', 'Footnote references break when the same note is cited twice', ''],
  ['dev-server', 'Dev server serves 404 for files with uppercase extensions', ''],
];

export const QUESTION_TITLES: readonly string[] = [
  'How do I access page front matter inside a partial?',
  'Is it possible to have two blogs in one site?',
  'What is the recommended way to add a global CSS file?',
  'Can I use Lumen without Node.js installed on the server?',
  'How do I sort tags by number of posts?',
  'Does Lumen support MDX?',
  'How to exclude a folder from the build?',
  'Can layouts be written in plain HTML?',
  'What does the "collection entry has no slug" warning mean?',
  'How can I pass data from a page to its layout?',
  'Is there a way to run code only in production builds?',
  'Why is my custom 404 page not used on Netlify?',
];

export const QA_DISCUSSION_TITLES: readonly string[] = [
  'Best way to structure a site with docs and blog?',
  'How are people handling image-heavy sites?',
  'Migrating a 3,000 post WordPress blog: experiences?',
  'Using Lumen for a company intranet: is that sensible?',
  'Tips for keeping build times low on CI',
  'How do you test your Lumen themes?',
];

/** Kinds of sites people say they run, to make support comments specific. */
export const SITE_KINDS: readonly string[] = [
  'our company docs',
  'my personal blog',
  'a university course site',
  'the docs for our open-source library',
  'a recipe site with about 2,000 pages',
  "our city's open-data portal",
  'a multilingual NGO site',
  'a product changelog',
  'our design system documentation',
  'a photography portfolio',
  'a conference website',
  'our internal handbook',
  'a podcast site',
  'a community wiki',
];

export const SUPPORT_COMMENTS: readonly string[] = [
  '+1',
  '+1, would love this',
  'Would love to see this!',
  'This would be a huge help for {site}.',
  'We need this for {site} as well. Right now we work around it with a post-build script.',
  "Same situation here with {site}. It's the one thing that keeps us from switching fully.",
  "This is the main reason we haven't moved {site} to Lumen yet.",
  'Big +1. For context, we use Lumen for {site} (around {count} pages) and this bites us every week.',
  'Adding our use case: {site}. Happy to test a preview build if that helps.',
  'Is there any workaround in the meantime?',
  "I'd also like this. Hugo has had something similar for years, so it'd make migrating easier.",
  'Agreed, this would make Lumen a no-brainer for {site}.',
  'Really want this ❤️',
  "Subscribing. We're evaluating Lumen for {site} and this is on our checklist.",
  'One more vote from {site}. cc @{mention} since you mentioned this in the Discord too.',
  "I looked into the code a bit: it seems the renderer would need to know about this early on. Happy to help if someone points me in the right direction.",
  'Please! Our editors keep asking me for this.',
  '+1 from {site}. Would be fine with it being behind a flag at first.',
  "I think this is related to #{related}, might make sense to design them together.",
  'Any chance this could land in the next minor? It blocks our migration.',
];

export const BUG_CONFIRMATIONS: readonly string[] = [
  'Can confirm, same thing here on {os}.',
  'Seeing this too since upgrading.',
  'Same problem. Downgrading to the previous minor works around it for now.',
  '+1, happens on our CI as well.',
  'I can reproduce this with the minimal template.',
  'Is there a workaround until this is fixed?',
  'Might be related to #{related}.',
];

export const MAINTAINER_BUG_REPLIES: readonly string[] = [
  'Thanks for the report! Could you share a minimal reproduction (a repository or a StackBlitz)?',
  'Thanks, I can reproduce this. It looks like a regression from #{related}.',
  'Confirmed. A fix is welcome if anyone wants to pick it up; the relevant code is in `src/build/`.',
];

export const QUESTION_REPLIES: readonly string[] = [
  'We do this by keeping each section in its own collection and sharing the layout. Works well so far.',
  "I had the same question last month. The trick is to use a layout override; the docs page on layouts has an example.",
  'For what it is worth, we split the site into two builds and deploy them under one domain.',
  'Following, I would like to know the answer too.',
  'This worked for me:\n\n```ts\n// lumen.config.ts\nexport default defineConfig({\n  collections: { blog: { path: "content/blog" }, docs: { path: "content/docs" } },\n});\n```',
  'Thanks, that solved it!',
];

export const MAINTAINER_ANSWERS: readonly string[] = [
  'Good question! The recommended way is a layout override; see https://lumen.dev/docs/guides/layouts/.',
  'This is supported since v1.2: set the option in `lumen.config.ts` and restart the dev server.',
  "There isn't a built-in way yet. If you think there should be, please open an idea in the Ideas category so others can vote on it.",
];

export const PING_COMMENTS: readonly string[] = [
  'Any update on this?',
  'Bump',
  'Is this still being considered?',
  "It's been a while — any news?",
  '+1 any progress?',
];

export const CONTRIBUTOR_OFFERS: readonly string[] = [
  "I'd be happy to open a PR for this if the maintainers agree on the approach. Would a config option be acceptable, or should it be a plugin?",
  'I have a rough prototype of this in a fork: https://github.com/{login}/lumen/tree/{branch}. Feedback welcome before I polish it.',
  "I can take this one. I'll start with the config schema and the docs, then the implementation.",
];

export const WORKAROUND_COMMENTS: readonly string[] = [
  'For anyone who needs this today, this is what we do in a post-build step:\n\n```js\n// scripts/after-build.mjs\nimport { readdir, readFile, writeFile } from "node:fs/promises";\n\nfor (const file of await readdir("dist", { recursive: true })) {\n  if (!file.endsWith(".html")) continue;\n  const html = await readFile(`dist/${file}`, "utf8");\n  await writeFile(`dist/${file}`, html.replaceAll("<main>", "<main id=\\"content\\">"));\n}\n```\n\nNot pretty, but it works until there is proper support.',
  'Workaround: override the layout and do it there.\n\n```html\n<!-- layouts/_default.lumen -->\n{{#if page.data.custom}}\n  {{> custom-partial }}\n{{/if}}\n```',
  'You can get most of the way with a plugin:\n\n```ts\nimport { definePlugin } from "@lumen/kit";\n\nexport default definePlugin({\n  name: "my-workaround",\n  transformPage(page) {\n    page.data.extra ??= computeExtra(page);\n    return page;\n  },\n});\n```',
  "We solved it at the hosting level instead (a rewrite rule in `_redirects`). It's a hack though, native support would be much nicer.",
];

export const MAINTAINER_TRIAGE: readonly string[] = [
  "Thanks for the detailed write-up! This comes up fairly often, so we'll discuss it in the next triage meeting.",
  'Thanks @{author}. Could you share a minimal example of your setup? It would help us understand which part is missing today.',
  "Good idea. I'm labelling this for review; the main open question is whether it belongs in core or in a plugin.",
  "Thanks for opening this! We'd like to see how many people need it before committing, so please add a 👍 to the issue rather than a +1 comment.",
  'Interesting. There is some overlap with #{related}; let us think about both together.',
];

export const MAINTAINER_PLANNED: readonly string[] = [
  "We discussed this and we'd like to do it. Tentatively scheduled for {milestone}.",
  "This is on the plan for {milestone}. If anyone wants to help, the first step is the config design; let's sketch it here.",
  'Accepted. The design we agreed on:\n\n- a single config option, off by default\n- no breaking changes to existing sites\n- docs and an example in the starter\n\nTargeting {milestone}.',
];

export const MAINTAINER_IN_PROGRESS: readonly string[] = [
  '@{assignee} has started on this; follow along in #{pull}.',
  'Work in progress in #{pull}. Feedback on the API there is very welcome.',
];

export const MAINTAINER_SHIPPED: readonly string[] = [
  'Shipped in [{release}](https://github.com/{repository}/releases/tag/{release}) 🎉 Thanks everyone for the feedback!',
  'This is out in {release}. Docs: https://lumen.dev/docs/ — let us know how it works for you.',
  'Released in {release}! Thanks @{author} for the original request.',
];

export const MAINTAINER_DECLINED: readonly string[] = [
  "Thanks for the suggestion. After discussing it we've decided not to add this to core: it would add complexity for a small number of sites, and it can be done with a plugin. Closing as not planned.",
  "We're going to pass on this one. It conflicts with how incremental builds work, and we'd rather keep the model simple. Thanks for understanding!",
  "This is better handled by the hosting provider than by Lumen, so we won't build it in. Closing.",
];

export const STALE_BOT_COMMENT =
  'This issue has been automatically marked as stale because it has not had recent activity. It will be closed if no further activity occurs. Thank you for your contributions.';

export const NOT_STALE_REPLIES: readonly string[] = ['Not stale, still needed.', 'Still relevant for us.', 'Please keep this open.'];

export const SPAM_TITLES: readonly string[] = [
  'Best cheap hosting 2026 — 90% off today only',
  'Download free premium themes crack',
  'Buy followers instagram fast delivery',
  'Casino bonus codes no deposit',
];

export const SPAM_BODY =
  'Check out our amazing offer at https://totally-legit-deals.example/promo?ref=lumen !!! Limited time. Best prices guaranteed.';

export const INVALID_TITLES: readonly string[] = [
  'test',
  'asdf',
  'My website is down please help',
];

export const BOT_ISSUE = {
  renovateTitle: 'Dependency Dashboard',
  renovateBody:
    'This issue lists Renovate updates and detected dependencies. Read the [Dependency Dashboard](https://docs.renovatebot.com/key-concepts/dashboard/) docs to learn more.\n\n## Awaiting Schedule\n\nThese updates are awaiting their schedule. Click on a checkbox to get an update now.\n\n - [ ] <!-- unschedule-branch=renovate/eslint-monorepo -->chore(deps): update eslint monorepo\n - [ ] <!-- unschedule-branch=renovate/vitest -->chore(deps): update vitest to v5\n\n## Detected dependencies\n\n<details><summary>npm</summary>\n<blockquote>\n\n<details><summary>package.json</summary>\n\n - `esbuild ^0.25.0`\n - `sharp ^0.34.1`\n - `unified ^11.0.5`\n\n</details>\n\n</blockquote>\n</details>\n',
};

export const LOCALES_FOR_EXAMPLES: readonly string[] = ['fr', 'de', 'es', 'ja', 'pt-BR', 'it', 'nl', 'pl', 'uk', 'ko'];

export const OTHER_GENERATORS: readonly string[] = ['Hugo', 'Eleventy', 'Astro', 'Jekyll', 'Docusaurus', 'VitePress', 'Zola', 'Hexo'];
