/**
 * The benchmark's floor: a throwaway Astro project whose one dynamic route renders N trivial
 * pages. No site can build N pages faster with this Astro on this machine, so the roadmap's build
 * time divided by this one says how much the roadmap itself costs.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FloorProject {
  root: string;
  outDir: string;
}

/** Writes the project under `dir`, using the roadmap's installed `node_modules`. */
export async function writeFloorProject(dir: string, pages: number, nodeModules: string): Promise<FloorProject> {
  const root = join(dir, 'floor');
  // Inside the project: Astro runs its prerender chunks from the output folder, and they import
  // dependencies that must be found by walking up from there.
  const outDir = join(root, 'dist');
  await mkdir(join(root, 'src', 'pages'), { recursive: true });
  await symlink(nodeModules, join(root, 'node_modules'), 'dir');
  await writeFile(
    join(root, 'package.json'),
    `${JSON.stringify({ name: 'bench-floor', private: true, type: 'module', dependencies: { astro: '*' } })}\n`,
  );
  await writeFile(
    join(root, 'astro.config.mjs'),
    [
      `export default {`,
      `  outDir: ${JSON.stringify(outDir)},`,
      // Away from the shared node_modules, which the symlink would otherwise write into.
      `  cacheDir: ${JSON.stringify(join(dir, 'floor-cache'))},`,
      `  vite: { cacheDir: ${JSON.stringify(join(dir, 'floor-vite'))} },`,
      `};`,
      '',
    ].join('\n'),
  );
  await writeFile(
    join(root, 'src', 'pages', '[page].astro'),
    [
      '---',
      'export function getStaticPaths() {',
      `  return Array.from({ length: ${pages} }, (_, index) => ({ params: { page: String(index + 1) } }));`,
      '}',
      'const { page } = Astro.params;',
      '---',
      '<html lang="en"><head><meta charset="utf-8" /><title>Page {page}</title></head><body><h1>Page {page}</h1></body></html>',
      '',
    ].join('\n'),
  );
  return { root, outDir };
}
