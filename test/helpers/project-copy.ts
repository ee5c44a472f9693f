/**
 * A fresh copy of the project in a temporary folder, as someone who adopts it gets it: the site's
 * sources, scripts, content (with the committed demo snapshot) and configuration, with the
 * installed `node_modules` linked rather than copied. Tests edit its `roadmap.config.ts` and run
 * its npm scripts or `astro build` there, as the README tells a maintainer to.
 */
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a build and a sync read; tests, docs and the workflows are not needed to run them. */
const PROJECT_ENTRIES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'roadmap.config.ts', 'src', 'public', 'content', 'scripts'];

export interface ProjectCopy {
  root: string;
  /** Replaces `roadmap.config.ts` with this configuration. */
  writeConfig(config: unknown): Promise<void>;
  remove(): Promise<void>;
}

export async function copyProject(prefix: string): Promise<ProjectCopy> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await Promise.all(PROJECT_ENTRIES.map((entry) => cp(join(ROOT, entry), join(root, entry), { recursive: true })));
  await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return {
    root,
    writeConfig: (config) =>
      writeFile(
        join(root, 'roadmap.config.ts'),
        `import { defineConfig } from './src/config/index.ts';\n\nexport default defineConfig(${JSON.stringify(config, null, 2)});\n`,
      ),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
