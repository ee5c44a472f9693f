/**
 * What a built site weighs: totals by kind of file, and the HTML+CSS a browser downloads for each
 * request page and for the board (PRODUCT.md's budget: under 50 KB each).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface SiteSize {
  totalBytes: number;
  files: number;
  byKind: Record<'html' | 'css' | 'js' | 'socialImages' | 'searchIndex' | 'other', number>;
  requestPages: { count: number; medianBytes: number; maxBytes: number; maxPath: string };
  /** Request pages whose `og:image` points at no file of the site. */
  brokenSocialImages: number;
  /** The home page, where the board is. */
  boardBytes: number | null;
}

export async function measureSite(outDir: string, base: string): Promise<SiteSize> {
  const files = await listFiles(outDir);
  const byKind: SiteSize['byKind'] = { html: 0, css: 0, js: 0, socialImages: 0, searchIndex: 0, other: 0 };
  const sizes = new Map<string, number>();
  let totalBytes = 0;
  for (const file of files) {
    const { size } = await stat(file);
    const path = relative(outDir, file).split('\\').join('/');
    sizes.set(path, size);
    totalBytes += size;
    if (path.startsWith('pagefind/')) byKind.searchIndex += size;
    else if (path.startsWith('og/') && path.endsWith('.png')) byKind.socialImages += size;
    else if (path.endsWith('.html')) byKind.html += size;
    else if (path.endsWith('.css')) byKind.css += size;
    else if (path.endsWith('.js') || path.endsWith('.mjs')) byKind.js += size;
    else byKind.other += size;
  }

  // HTML plus the stylesheets it links; inline <style> is already in the HTML.
  const pageWeight = async (path: string, page?: string): Promise<number> => {
    const html = page ?? (await readFile(join(outDir, path), 'utf8'));
    let bytes = Buffer.byteLength(html);
    const stylesheets = new Set<string>();
    for (const link of html.matchAll(/<link\b[^>]*>/gi)) {
      const tag = link[0];
      if (!/\brel=["']?stylesheet/i.test(tag)) continue;
      const href = /\bhref=["']?([^"' >]+)/i.exec(tag)?.[1];
      if (!href || /^(?:[a-z]+:)?\/\//i.test(href)) continue;
      const local = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\//, '');
      stylesheets.add(local.split(/[?#]/)[0] ?? local);
    }
    for (const stylesheet of stylesheets) bytes += sizes.get(stylesheet) ?? 0;
    return bytes;
  };

  // Request pages are the indexed pages that are not releases: one per request.
  const requestWeights: Array<{ path: string; bytes: number }> = [];
  let brokenSocialImages = 0;
  for (const path of sizes.keys()) {
    if (!path.endsWith('.html') || path.startsWith('changelog/') || path.startsWith('pagefind/')) continue;
    const html = await readFile(join(outDir, path), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    requestWeights.push({ path, bytes: await pageWeight(path, html) });
    const image = /<meta\b[^>]*property=["']og:image["'][^>]*content=["']([^"']+)["']/i.exec(html)?.[1];
    const imagePath = image === undefined ? undefined : decodeURIComponent(new URL(image, 'https://site.invalid').pathname);
    if (imagePath === undefined || !sizes.has(imagePath.startsWith(base) ? imagePath.slice(base.length) : imagePath.slice(1))) {
      brokenSocialImages++;
    }
  }
  requestWeights.sort((a, b) => a.bytes - b.bytes);
  const largest = requestWeights.at(-1);

  return {
    totalBytes,
    files: files.length,
    byKind,
    requestPages: {
      count: requestWeights.length,
      medianBytes: requestWeights[Math.floor(requestWeights.length / 2)]?.bytes ?? 0,
      maxBytes: largest?.bytes ?? 0,
      maxPath: largest?.path ?? '',
    },
    brokenSocialImages,
    boardBytes: sizes.has('index.html') ? await pageWeight('index.html') : null,
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}
