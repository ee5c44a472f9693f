/**
 * The site's copies of external images in user content (`site.externalImages: 'fetch'`, see
 * `src/images/user-content-images.ts`): written into the output under `/user-content/` once the
 * pages are done, from the cache the content loaders downloaded them into; `astro dev` serves
 * them from the cache under the same addresses.
 */
import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import { servedUserContentCopies } from '../content/entry-images.ts';
import { contentTypeOfCopy, USER_CONTENT_PATH, userContentFile } from '../images/user-content-images.ts';
import { outputFilesMiddleware, serveInDev, writeAfterPages, writeOutputFiles } from './output-files.ts';

/** A copy's name: the SHA-256 of its content and the extension of its type. */
const COPY_NAME = /^[\da-f]{64}\.(?:png|jpg|gif|webp|avif)$/;

export default function userContentImagesIntegration(): AstroIntegration {
  return {
    name: 'open-roadmap:user-content-images',
    hooks: {
      ...serveInDev((base) =>
        outputFilesMiddleware({
          base,
          handles: (path) => path.includes(USER_CONTENT_PATH),
          find: async (path) => {
            const name = path.slice(path.lastIndexOf('/') + 1);
            if (!path.endsWith(USER_CONTENT_PATH + name) || !COPY_NAME.test(name)) return undefined;
            const body = await readFile(userContentFile(name)).catch(() => undefined);
            return body && { path, contentType: contentTypeOfCopy(name) ?? 'application/octet-stream', body };
          },
        }),
      ),
      ...writeAfterPages(async (outDir, logger) => {
        const copies = [...servedUserContentCopies()].sort();
        await writeOutputFiles(outDir, copies, async (name) => [
          { path: USER_CONTENT_PATH + name, contentType: contentTypeOfCopy(name) ?? '', body: await readFile(userContentFile(name)) },
        ]);
        if (copies.length > 0) logger.info(`External images: ${copies.length} served from the site's copies in ${USER_CONTENT_PATH}.`);
      }),
    },
  };
}
