// @ts-check
import process from 'node:process';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteOptions } from './src/config/astro-options.ts';
import { inProject } from './src/config/project-dir.ts';
import duplicateSuggestions from './src/integrations/duplicate-suggestions.ts';
import frameHeaders from './src/integrations/frame-headers.ts';
import pagefind from './src/integrations/pagefind.ts';
import projectPublic from './src/integrations/project-public.ts';
import readmeCards from './src/integrations/readme-cards.ts';
import requestFiles from './src/integrations/request-files.ts';
import { snapshotSource } from './src/integrations/snapshot-source.ts';
import socialImages from './src/integrations/social-images.ts';
import userContentImages from './src/integrations/user-content-images.ts';

// site.url and site.base come from roadmap.config.ts, the one place a maintainer edits.
const { site, base } = await siteOptions();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Astro's caches (the content store, and the pages of the last build) live beside the image
  // cache, where CI restores them from to make the next build incremental. Builds that must not
  // share them (tests, several snapshots side by side) set ROADMAP_ASTRO_CACHE_DIR.
  cacheDir: process.env.ROADMAP_ASTRO_CACHE_DIR || inProject('./.cache/astro'),
  // The site goes into the project's folder (ROADMAP_PROJECT_DIR), where a workflow uploads it from.
  outDir: inProject('./dist'),
  // Pagefind goes before the integrations that write files after the pages: their writing,
  // begun when the pages are done, goes on while it indexes them.
  // A project's own public/ files are copied last, so a file of its own (its _headers) wins.
  integrations: [
    snapshotSource(),
    mdx(),
    duplicateSuggestions(),
    pagefind(),
    socialImages(),
    requestFiles(),
    readmeCards(),
    userContentImages(),
    frameHeaders(),
    projectPublic(),
  ],
  build: {
    // Most of a route's time is writing it out, twice with incremental builds (the page and its
    // cached copy): four at a time keep the disk busy while the next renders. A cold build of
    // 10,000 requests takes about a sixth less than one at a time (docs/performance.md).
    concurrency: 4,
  },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro marks MDX content modules with a "use astro:head-inject" directive that Vite's
          // bundler warns it may not keep, ten lines per MDX file on every build, though Astro
          // does not need it kept. Astro's to fix (withastro/astro#18087); other warnings pass.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
  experimental: {
    // Request pages, lists, redirects and social images return a `cacheKey` from
    // `getStaticPaths()`; a route whose key and code are unchanged is copied from the last build.
    incrementalBuild: true,
  },
});
