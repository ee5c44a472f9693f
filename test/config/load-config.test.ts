import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig, siteOptions } from '../../src/config/index.ts';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFINE_CONFIG_URL = pathToFileURL(path.join(REPOSITORY_ROOT, 'src/config/index.ts')).href;

let projects: string;
let projectCount = 0;

beforeAll(async () => {
  projects = await mkdtemp(path.join(tmpdir(), 'roadmap-config-'));
});

afterAll(async () => {
  await rm(projects, { recursive: true, force: true });
});

/** A fresh project folder holding `files`; each test gets its own, so module caching cannot mix them up. */
async function project(files: Record<string, string>): Promise<string> {
  const root = path.join(projects, `project-${++projectCount}`);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  return root;
}

async function loadError(options: Parameters<typeof loadConfig>[0]): Promise<ConfigError> {
  const error: unknown = await loadConfig(options).then(
    () => new Error('expected the configuration to be refused'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('the demo roadmap.config.ts', () => {
  it('loads and validates', async () => {
    const config = await loadConfig({ root: REPOSITORY_ROOT });
    expect(config.site.title).toBe('Lumen roadmap');
    expect(config.sources).toEqual([
      {
        repo: 'lumen-dev/lumen',
        issues: { labels: ['enhancement'] },
        discussions: { categories: ['ideas'] },
        allowPrivate: false,
        suggest: { discussionCategory: 'ideas' },
      },
      { repo: 'lumen-dev/lumen-docs', issues: { labels: ['enhancement'] }, discussions: false, allowPrivate: false },
    ]);
  });

  it('gives Astro its site address and base path', async () => {
    const config = await loadConfig({ root: REPOSITORY_ROOT });
    expect(await siteOptions()).toEqual({ site: config.site.url, base: config.site.base });
    expect(config.site.url).toMatch(/^https?:\/\/[^/]+$/);
    expect(config.site.base).toMatch(/^\/(?:.*[^/])?$/);
  });
});

describe('loadConfig', () => {
  it('reads a config written with defineConfig and applies the defaults', async () => {
    const root = await project({
      'roadmap.config.ts': `import { defineConfig } from '${DEFINE_CONFIG_URL}';
export default defineConfig({ site: { title: 'Acme', base: 'roadmap/' }, sources: [{ repo: 'acme/widgets' }], votes: { reactions: ['👍', 'heart'] } });
`,
    });
    const config = await loadConfig({ root });
    expect(config.site.base).toBe('/roadmap');
    expect(config.votes.reactions).toEqual(['THUMBS_UP', 'HEART']);
    expect(config.sync.comments).toBe(5);
  });

  it('reads another file when asked, relative to the root', async () => {
    const root = await project({
      'config/staging.ts': `export default { site: { title: 'Staging' }, sources: [{ repo: 'acme/widgets' }] };\n`,
    });
    expect((await loadConfig({ root, file: 'config/staging.ts' })).site.title).toBe('Staging');
  });

  it('says how to create the file when there is none', async () => {
    const root = await project({});
    const error = await loadError({ root });
    expect(error.file).toBe('roadmap.config.ts');
    expect(error.message.replace(root, '<root>')).toMatchInlineSnapshot(`
      "roadmap.config.ts was not found in <root>.
      The roadmap reads its title, its GitHub repositories and every other setting from this file.
      Create roadmap.config.ts with at least a title and one repository, for example:

          import { defineConfig } from './src/config/index.ts';

          export default defineConfig({
            site: { title: 'Acme roadmap', url: 'https://acme.github.io', base: '/roadmap' },
            sources: [{ repo: 'acme/widgets' }],
          });"
    `);
  });

  it('names the file and each problem when the configuration is not valid', async () => {
    const root = await project({
      'roadmap.config.ts': `export default {
  site: { title: 'Acme' },
  sources: [{ repo: 'acme' }],
  votes: { countAuthor: 'yes' },
};
`,
    });
    const error = await loadError({ root });
    expect(error.file).toBe('roadmap.config.ts');
    expect(error.message).toMatchInlineSnapshot(`
      "roadmap.config.ts is not valid:
      - sources[0].repo: "acme" is not "owner/name". Hint: write the repository as "owner/name", e.g. "withastro/astro"
      - votes.countAuthor: expected true or false, got "yes""
    `);
  });

  it('names the file and the line when it does not parse', async () => {
    const root = await project({
      'roadmap.config.ts': `export default {
  site: { title: 'Acme' }
  sources: [{ repo: 'acme/widgets' }],
};
`,
    });
    const error = await loadError({ root });
    expect(error.file).toBe('roadmap.config.ts');
    expect(error.message.split('\n')[0]).toBe('roadmap.config.ts could not be loaded:');
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^line 3: [^\n]*expected[^\n]*\. Hint: fix roadmap\.config\.ts so that it runs/i);
  });

  it('names the file when it fails while running', async () => {
    const root = await project({
      'roadmap.config.ts': `const sources = undefinedVariable;\nexport default { site: { title: 'Acme' }, sources };\n`,
    });
    const error = await loadError({ root });
    expect(error.message.split('\n')[0]).toBe('roadmap.config.ts could not be loaded:');
    expect(error.problems[0]).toMatch(/undefinedVariable/);
  });

  it('asks for a default export when there is none', async () => {
    const root = await project({
      'roadmap.config.ts': `export const config = { site: { title: 'Acme' }, sources: [{ repo: 'acme/widgets' }] };\n`,
    });
    expect((await loadError({ root })).message).toMatchInlineSnapshot(`
      "roadmap.config.ts has no default export.
      - the configuration must be the default export. Hint: write export default defineConfig({ … })"
    `);
  });

  it('checks that the logo exists under public/', async () => {
    const config = `export default { site: { title: 'Acme', logo: '/logo.svg' }, sources: [{ repo: 'acme/widgets' }] };\n`;
    const without = await project({ 'roadmap.config.ts': config });
    expect((await loadError({ root: without })).message).toMatchInlineSnapshot(`
      "roadmap.config.ts is not valid:
      - site.logo: public/logo.svg does not exist. Hint: put the image in public/, or set logo: null for no logo"
    `);

    const withLogo = await project({
      'roadmap.config.ts': config,
      'public/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    expect((await loadConfig({ root: withLogo })).site.logo).toBe('logo.svg');
  });
});

describe('a project folder apart from the engine (ROADMAP_PROJECT_DIR)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is where the configuration, and the logo it names, are read from', async () => {
    const root = await project({
      'roadmap.config.ts': `export default { site: { title: 'Acme', url: 'https://acme.github.io', base: '/widgets', logo: 'logo.svg' }, sources: [{ repo: 'acme/widgets' }] };\n`,
      'public/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    vi.stubEnv('ROADMAP_PROJECT_DIR', root);
    expect((await loadConfig()).site).toMatchObject({ title: 'Acme', logo: 'logo.svg' });
    expect(await siteOptions()).toEqual({ site: 'https://acme.github.io', base: '/widgets' });
  });

  it("looks for the logo in the project's public/, not the engine's", async () => {
    const root = await project({
      'roadmap.config.ts': `export default { site: { title: 'Acme', logo: 'favicon.svg' }, sources: [{ repo: 'acme/widgets' }] };\n`,
    });
    vi.stubEnv('ROADMAP_PROJECT_DIR', root);
    const error = await loadError(undefined);
    expect(error.message).toContain('site.logo: public/favicon.svg does not exist');
  });
});
