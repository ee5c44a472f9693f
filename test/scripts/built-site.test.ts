import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../browser/built-site.ts';

describe('the browser tests’ check of the built site', () => {
  let root: string;
  const at = (path: string, seconds: number) => utimes(join(root, path), seconds, seconds);

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'built-site-'));
    await mkdir(join(root, 'src/pages'), { recursive: true });
    await mkdir(join(root, 'dist'));
    await writeFile(join(root, 'src/pages/index.astro'), '<h1>Board</h1>');
    await writeFile(join(root, 'astro.config.mjs'), 'export default {};');
    await writeFile(join(root, 'dist/index.html'), '<h1>Board</h1>');
    await at('src/pages/index.astro', 1_000);
    await at('astro.config.mjs', 1_000);
    await at('dist/index.html', 2_000);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('accepts a build newer than every source', async () => {
    await expect(assertFreshBuild(root, undefined)).resolves.toBeUndefined();
  });

  it('refuses a build older than a source deep in a folder, naming the file and the command', async () => {
    await at('src/pages/index.astro', 3_000);
    await expect(assertFreshBuild(root, undefined)).rejects.toThrow(
      /older than src\/pages\/index\.astro.*Run `npm run build` first/,
    );
  });

  it('refuses a build older than a configuration file at the top', async () => {
    await at('astro.config.mjs', 3_000);
    await expect(assertFreshBuild(root, undefined)).rejects.toThrow(/older than astro\.config\.mjs/);
  });

  it('says to build when there is no site', async () => {
    await rm(join(root, 'dist'), { recursive: true });
    await expect(assertFreshBuild(root, undefined)).rejects.toThrow(/No built site in .*dist.*npm run build/);
  });

  it('takes a build named by SITE_DIST as it is, but still needs one there', async () => {
    await at('src/pages/index.astro', 3_000);
    await expect(assertFreshBuild(root, 'dist')).resolves.toBeUndefined();
    await expect(assertFreshBuild(root, 'elsewhere')).rejects.toThrow(/No built site in .*elsewhere/);
  });
});
