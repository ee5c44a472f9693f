/**
 * A private copy of the project for the benchmark to build. Astro keeps build state inside the
 * project (`.astro/`, its prerender chunks), so building the work tree itself would race with
 * anyone else building it at the same time; the copy shares only the installed `node_modules`.
 */
import { cp, mkdir, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What a build reads: sources, static files, authored content and configuration. */
const PROJECT_ENTRIES = [
  'src',
  'public',
  'content',
  'astro.config.mjs',
  'roadmap.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

export async function copyProject(root: string, destination: string): Promise<string> {
  await mkdir(destination, { recursive: true });
  for (const entry of PROJECT_ENTRIES) {
    const source = join(root, entry);
    if (existsSync(source)) await cp(source, join(destination, entry), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(destination, 'node_modules'), 'dir');
  return destination;
}
