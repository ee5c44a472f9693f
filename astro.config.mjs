// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteOptions } from './src/config/astro-options.ts';
import pagefind from './src/integrations/pagefind.ts';
import { snapshotSource } from './src/integrations/snapshot-source.ts';
import socialImages from './src/integrations/social-images.ts';

// site.url and site.base come from roadmap.config.ts, the one place a maintainer edits.
const { site, base } = await siteOptions();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations: [snapshotSource(), mdx(), socialImages(), pagefind()],
});
