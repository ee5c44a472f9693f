/**
 * Files the integrations write into the output themselves instead of as Astro routes (request
 * feeds and badges, social images), and the dev-server middleware that serves them under the
 * same addresses in `astro dev`.
 */
import type { AstroIntegrationLogger, BaseIntegrationHooks } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files written at once: enough to keep the disk busy, few enough not to hold thousands open. */
const WRITES_IN_FLIGHT = 64;

export interface OutputFile {
  /** Site path without the base: `/requests/12-dark-mode/atom.xml`. */
  path: string;
  contentType: string;
  body: string | Uint8Array;
}

/** Writes the files of every item under `outDir`, a few at a time; returns how many it wrote. */
export async function writeOutputFiles<T>(
  outDir: string,
  items: readonly T[],
  filesOf: (item: T) => OutputFile[] | Promise<OutputFile[]>,
): Promise<number> {
  const folders = new Map<string, Promise<unknown>>();
  const folder = (path: string) => {
    let made = folders.get(path);
    if (made === undefined) {
      made = mkdir(path, { recursive: true });
      folders.set(path, made);
    }
    return made;
  };
  let next = 0;
  let written = 0;
  const writer = async (): Promise<void> => {
    while (next < items.length) {
      const files = await filesOf(items[next++] as T);
      for (const file of files) {
        const target = join(outDir, file.path);
        await folder(dirname(target));
        await writeFile(target, file.body);
        written += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, items.length) }, writer));
  return written;
}

/**
 * Build hooks that write files into the output once the pages are written: they start at
 * `astro:build:generated` and are waited for at `astro:build:done`. Astro runs each
 * integration's `astro:build:done` in turn, so the writing goes on meanwhile, under the search
 * indexing (the Pagefind integration comes first in `astro.config.mjs`).
 */
export function writeAfterPages(
  write: (outDir: string, logger: AstroIntegrationLogger) => Promise<unknown>,
): Pick<BaseIntegrationHooks, 'astro:build:generated' | 'astro:build:done'> {
  let writing: Promise<unknown> | undefined;
  return {
    'astro:build:generated': ({ dir, logger }) => {
      writing = write(fileURLToPath(dir), logger);
      // A failure is reported where it is awaited, in `astro:build:done`.
      writing.catch(() => {});
    },
    'astro:build:done': async ({ dir, logger }) => {
      const started = writing ?? write(fileURLToPath(dir), logger);
      writing = undefined;
      await started;
    },
  };
}

/**
 * Dev-server hooks that serve these files in `astro dev`: `middlewareFor` gets the site's base
 * once Astro's configuration is final.
 */
export function serveInDev(
  middlewareFor: (base: string) => Middleware,
): Pick<BaseIntegrationHooks, 'astro:config:done' | 'astro:server:setup'> {
  let base = '/';
  return {
    'astro:config:done': ({ config }) => {
      base = config.base;
    },
    'astro:server:setup': ({ server }) => {
      server.middlewares.use(middlewareFor(base));
    },
  };
}

export type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * For `astro dev`: answers GET and HEAD requests whose path `find` knows, and passes every other
 * request on. Astro's dev server takes the base off the path before its middleware runs; `find`
 * gets the site path either way.
 */
export function outputFilesMiddleware({
  base,
  handles,
  find,
}: {
  /** The site's base, as Astro has it (`/roadmap`). */
  base: string;
  /** Whether a path (with the base or without) may be one of these files: cheap, run on every request. */
  handles: (path: string) => boolean;
  find: (path: string) => Promise<OutputFile | undefined>;
}): Middleware {
  const prefix = base.replace(/\/+$/, '');
  const serve = (path: string): Promise<OutputFile | undefined> =>
    find(prefix !== '' && path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path);
  return (request, response, next) => {
    const path = decodePath(request.url);
    if (path === undefined || !handles(path) || !['GET', 'HEAD'].includes(request.method ?? 'GET')) {
      next();
      return;
    }
    serve(path).then(
      (file) => {
        if (file === undefined) {
          next();
          return;
        }
        response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' });
        response.end(request.method === 'HEAD' ? undefined : file.body);
      },
      (error: unknown) => next(error),
    );
  };
}

function decodePath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}
