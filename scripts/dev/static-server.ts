/**
 * A tiny static file server for the built site, on 127.0.0.1 and a free port, serving `root`
 * under `base` the way GitHub Pages does: `/roadmap/requests/` → `requests/index.html`,
 * unknown paths → `404.html` with status 404, nothing outside `base`.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export interface StaticSite {
  /** The site's root URL, including the base and a trailing slash. */
  url: string;
  close: () => Promise<void>;
}

async function fileFor(root: string, path: string): Promise<string | null> {
  const candidate = normalize(join(root, path));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  for (const file of [candidate, join(candidate, 'index.html')]) {
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {
      // Try the next candidate.
    }
  }
  return null;
}

export async function serveStatic(root: string, base = '/'): Promise<StaticSite> {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const inside = prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
    const file = inside ? await fileFor(root, path.slice(prefix.length) || '/') : null;
    if (file === null) {
      const notFound = await fileFor(root, '/404.html');
      response.writeHead(404, { 'Content-Type': TYPES['.html'] ?? 'text/html' });
      response.end(notFound ? await readFile(notFound) : 'Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}/`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
