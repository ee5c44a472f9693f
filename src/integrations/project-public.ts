/**
 * The files under the project's `public/` (a logo, a favicon) when the project is a folder of its
 * own (`ROADMAP_PROJECT_DIR`, see `src/config/project-dir.ts`): Astro publishes one `public/`, the
 * engine's (the search and theme scripts), so the project's are copied over it once the pages are
 * written. A file the project has wins over the engine's file of the same name.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_DIR_VARIABLE } from '../config/project-dir.ts';

export default function projectPublic(env: NodeJS.ProcessEnv = process.env): AstroIntegration {
  let enginePublic = '';
  return {
    name: 'open-roadmap:project-public',
    hooks: {
      'astro:config:done': ({ config }) => {
        enginePublic = resolve(fileURLToPath(config.publicDir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const given = env[PROJECT_DIR_VARIABLE];
        if (given === undefined || given === '') return;
        const folder = resolve(given, 'public');
        if (folder === enginePublic || !existsSync(folder)) return;
        await cp(folder, fileURLToPath(dir), { recursive: true });
        logger.info(`Copied the project's public files from ${join(given, 'public')}.`);
      },
    },
  };
}
