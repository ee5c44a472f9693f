/**
 * Every request's status feed and vote badge (`src/xml/request-feed-and-badge.ts`): written into the
 * output once Astro has built the pages, and served by `astro dev` at the same addresses: beside
 * its page, at its stable address and at every former address it still holds
 * (`src/model/address-redirects.ts`).
 *
 * They come from the model that the content layer already loaded for this build (one snapshot in
 * memory, see `load-roadmap.ts`), and take a few seconds for 10,000 requests, against about half
 * a minute as 20,000 Astro routes. Being that cheap, they are written in full on every build, so
 * they need no cache.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { dirname } from 'node:path';
import type { RoadmapConfig } from '../config/index.ts';
import { loadRoadmap } from '../content/load-roadmap.ts';
import { requestFiles, type RequestFileSubject } from '../xml/request-feed-and-badge.ts';
import { addressRedirects, type AddressRedirectSubject } from '../model/address-redirects.ts';
import { outputFilesMiddleware, serveInDev, writeAfterPages, writeOutputFiles, type Middleware } from './output-files.ts';

export type RequestFilesRequest = RequestFileSubject & AddressRedirectSubject;

export interface RequestFilesSource {
  config: RoadmapConfig;
  requests: readonly RequestFilesRequest[];
}

/** Each request's addresses that get its files: its page's, then the redirects it holds. */
function fileAddresses(requests: readonly RequestFilesRequest[]): Map<RequestFilesRequest, string[]> {
  const addresses = new Map(requests.map((request) => [request, [request.path]]));
  for (const redirect of addressRedirects(requests)) addresses.get(redirect.request)?.push(redirect.path);
  return addresses;
}

async function currentSource(): Promise<RequestFilesSource> {
  const { config, roadmap } = await loadRoadmap();
  return { config, requests: roadmap.requests };
}

export default function requestFilesIntegration(source: () => Promise<RequestFilesSource> = currentSource): AstroIntegration {
  return {
    name: 'open-roadmap:request-files',
    hooks: {
      ...serveInDev((base) => requestFilesMiddleware(source, base)),
      ...writeAfterPages(async (outDir, logger) => writeRequestFiles({ outDir, source: await source(), logger })),
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
  const addresses = fileAddresses(source.requests);
  const written = await writeOutputFiles(outDir, source.requests, (request) => requestFiles(request, source.config, addresses.get(request)));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  logger.info(`Wrote ${written.toLocaleString('en')} request feeds and vote badges in ${seconds}s.`);
  return written;
}

/** For `astro dev`: `/requests/<slug>/atom.xml` and `…/badge.svg`, from the current snapshot. */
export function requestFilesMiddleware(source: () => Promise<RequestFilesSource>, base: string): Middleware {
  const lookups = new WeakMap<RequestFilesSource, Map<string, RequestFileSubject>>();
  const current = async () => {
    const loaded = await source();
    let byPath = lookups.get(loaded);
    if (byPath === undefined) {
      byPath = new Map([...fileAddresses(loaded.requests)].flatMap(([request, paths]) => paths.map((path) => [path, request] as const)));
      lookups.set(loaded, byPath);
    }
    return { config: loaded.config, byPath };
  };
  return outputFilesMiddleware({
    base,
    handles: (path) => /\/requests\/[^/]+\/(atom\.xml|badge\.svg)$/.test(path),
    find: async (path) => {
      const { config, byPath } = await current();
      const address = `${dirname(path)}/`;
      const request = byPath.get(address);
      return request && requestFiles(request, config, [address]).find((file) => file.path === path);
    },
  });
}
