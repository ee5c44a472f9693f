import { fileURLToPath } from 'node:url';
import { loadConfig } from './load-config.ts';
import { projectDir } from './project-dir.ts';

/** The repository root, where `roadmap.config.ts` and `public/` live unless ROADMAP_PROJECT_DIR says otherwise. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The options `astro.config.mjs` takes from the roadmap configuration: where the site is
 * served (`site`) and under which path (`base`).
 */
export async function siteOptions(options: { root?: string } = {}): Promise<{ site: string; base: string }> {
  const config = await loadConfig({ root: options.root ?? projectDir(process.env, PROJECT_ROOT) });
  return { site: config.site.url, base: config.site.base };
}
