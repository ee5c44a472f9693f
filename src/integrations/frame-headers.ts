/**
 * Writes `_headers` (`src/site/frame-headers.ts`) into the output once everything else is there,
 * from the output's top-level folders and pages.
 */
import type { AstroIntegration } from 'astro';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/index.ts';
import { frameHeaders } from '../site/frame-headers.ts';

export default function frameHeadersIntegration(): AstroIntegration {
  return {
    name: 'open-roadmap:frame-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        const [config, entries] = await Promise.all([loadConfig(), readdir(outDir, { withFileTypes: true })]);
        const output = {
          folders: entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
          pages: entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => entry.name),
        };
        await writeFile(join(outDir, '_headers'), frameHeaders({ base: config.site.base, output, frameAncestors: config.embed.frameAncestors }));
      },
    },
  };
}
