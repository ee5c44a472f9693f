/**
 * The README cards (`src/xml/readme-cards.ts`): written into the output once Astro has built
 * the pages, from the model the content layer already loaded, and served by `astro dev` at the
 * same addresses. Six small files, so they are written in full on every build.
 */
import type { AstroIntegration } from 'astro';
import { loadRoadmap } from '../content/load-roadmap.ts';
import { readmeCardFiles } from '../xml/readme-cards.ts';
import { outputFilesMiddleware, serveInDev, writeAfterPages, writeOutputFiles } from './output-files.ts';

async function currentFiles() {
  const { config, roadmap } = await loadRoadmap();
  return readmeCardFiles(roadmap, config);
}

export default function readmeCardsIntegration(): AstroIntegration {
  return {
    name: 'open-roadmap:readme-cards',
    hooks: {
      ...serveInDev((base) =>
        outputFilesMiddleware({
          base,
          handles: (path) => /\/cards\/[\w-]+\.svg$/.test(path),
          find: async (path) => (await currentFiles()).find((file) => file.path === path),
        }),
      ),
      ...writeAfterPages(async (outDir, logger) => {
        const written = await writeOutputFiles(outDir, [await currentFiles()], (files) => files);
        logger.info(`Wrote ${written} README cards.`);
      }),
    },
  };
}
