/**
 * Every request's status feed and vote badge (`src/layouts/request-files.ts`): written into the
 * output once Astro has built the pages, and served by `astro dev` at the same addresses.
 *
 * They come from the model that the content layer already loaded for this build (one snapshot in
 * memory, see `load-roadmap.ts`), and take a second or two for 10,000 requests, against about
 * a minute as 20,000 Astro routes. Being that cheap, they are written in full on every build, so
 * they need no cache.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoadmapConfig } from '../config/index.ts';
import { loadRoadmap } from '../content/load-roadmap.ts';
import { requestFiles, type RequestFile, type RequestFileSubject } from '../layouts/request-files.ts';

/** Files written at once: enough to keep the disk busy, few enough not to hold thousands open. */
const WRITES_IN_FLIGHT = 64;

export interface RequestFilesSource {
  config: RoadmapConfig;
  requests: readonly RequestFileSubject[];
}

async function currentSource(): Promise<RequestFilesSource> {
  const { config, roadmap } = await loadRoadmap();
  return { config, requests: roadmap.requests };
}

export default function requestFilesIntegration(source: () => Promise<RequestFilesSource> = currentSource): AstroIntegration {
  return {
    name: 'open-roadmap:request-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(requestFilesMiddleware(source));
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writeRequestFiles({ outDir: fileURLToPath(dir), source: await source(), logger });
      },
    },
  };
}

/** Writes each request's feed and badge under `outDir`; returns how many files it wrote. */
export async function writeRequestFiles({
  outDir,
  source,
  logger,
}: {
  outDir: string;
  source: RequestFilesSource;
  logger: Pick<AstroIntegrationLogger, 'info'>;
}): Promise<number> {
  const started = performance.now();
  const { config, requests } = source;
  let next = 0;
  let written = 0;
  const writer = async (): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next++] as RequestFileSubject;
      const files = requestFiles(request, config);
      await mkdir(join(outDir, request.path), { recursive: true });
      await Promise.all(files.map((file) => writeFile(join(outDir, file.path), file.body)));
      written += files.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_IN_FLIGHT, requests.length) }, writer));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  logger.info(`Wrote ${written.toLocaleString('en')} request feeds and vote badges in ${seconds}s.`);
  return written;
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * For `astro dev`: answers `/requests/<slug>/atom.xml` and `…/badge.svg` (under the base or not)
 * from the current snapshot, and passes every other request on to Astro.
 */
export function requestFilesMiddleware(source: () => Promise<RequestFilesSource>): Middleware {
  const lookups = new WeakMap<RequestFilesSource, Map<string, RequestFileSubject>>();
  const find = async (path: string): Promise<RequestFile | undefined> => {
    const current = await source();
    let byPath = lookups.get(current);
    if (byPath === undefined) {
      byPath = new Map(current.requests.map((request) => [request.path, request]));
      lookups.set(current, byPath);
    }
    // Astro's dev server takes the base off before its middleware runs; a server without it does not.
    const base = current.config.site.base.replace(/\/+$/, '');
    const sitePath = base !== '' && path.startsWith(`${base}/`) ? path.slice(base.length) : path;
    const request = byPath.get(`${dirname(sitePath)}/`);
    return request && requestFiles(request, current.config).find((file) => file.path === sitePath);
  };
  return (request, response, next) => {
    const pathname = decodePath(request.url);
    if (pathname === undefined || !/\/(atom\.xml|badge\.svg)$/.test(pathname) || !['GET', 'HEAD'].includes(request.method ?? 'GET')) {
      next();
      return;
    }
    find(pathname).then(
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
