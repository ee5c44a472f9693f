/**
 * How the integration reacts to what Pagefind reports. Pagefind itself is replaced here so that
 * each of its steps can fail; `site-search.test.ts` runs the real one.
 */
import type * as FsPromises from 'node:fs/promises';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SEARCHABLE_PAGES_GLOB } from '../../src/model/site-paths.ts';

const pagefind = vi.hoisted(() => ({
  createIndex: vi.fn(),
  close: vi.fn(),
  addDirectory: vi.fn(),
  writeFiles: vi.fn(),
  entry: { languages: { en: { page_count: 3 } } } as unknown,
}));

vi.mock('pagefind', () => ({ createIndex: pagefind.createIndex, close: pagefind.close }));
vi.mock('node:fs/promises', async (importOriginal) => ({
  ...(await importOriginal<typeof FsPromises>()),
  readFile: vi.fn(async () => JSON.stringify(pagefind.entry)),
}));

const { buildSearchIndex, default: pagefindIntegration } = await import('../../src/integrations/pagefind.ts');

function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    logger: {
      info: (message: string) => lines.push(`info ${message}`),
      warn: (message: string) => lines.push(`warn ${message}`),
      error: (message: string) => lines.push(`error ${message}`),
    },
  };
}

beforeEach(() => {
  vi.clearAllMocks();
  pagefind.entry = { languages: { en: { page_count: 3 } } };
  pagefind.createIndex.mockResolvedValue({
    errors: [],
    index: { addDirectory: pagefind.addDirectory, writeFiles: pagefind.writeFiles },
  });
  pagefind.addDirectory.mockResolvedValue({ errors: [], page_count: 10 });
  pagefind.writeFiles.mockResolvedValue({ errors: [], outputPath: '/site/dist/pagefind' });
  pagefind.close.mockResolvedValue(null);
});

describe('buildSearchIndex', () => {
  it('indexes the output folder, writes the bundle into <outDir>/pagefind and logs the page count', async () => {
    const { lines, logger } = recordingLogger();
    const result = await buildSearchIndex({ outDir: '/site/dist', logger });

    expect(pagefind.addDirectory).toHaveBeenCalledWith({ path: '/site/dist', glob: SEARCHABLE_PAGES_GLOB });
    expect(pagefind.writeFiles).toHaveBeenCalledWith({ outputPath: '/site/dist/pagefind' });
    expect(result.pageCount).toBe(3);
    expect(lines).toEqual([expect.stringMatching(/^info Indexed 3 of 10 pages for search in \d+ms\.$/)]);
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it.each([
    ['creating the index', () => pagefind.createIndex.mockResolvedValue({ errors: ['bad config'], index: undefined })],
    ['indexing the site', () => pagefind.addDirectory.mockResolvedValue({ errors: ['unreadable file'], page_count: 0 })],
    ['writing the bundle', () => pagefind.writeFiles.mockResolvedValue({ errors: ['disk full'], outputPath: '' })],
  ])('fails the build with Pagefind’s errors when %s fails, and still closes Pagefind', async (_step, breakIt) => {
    breakIt();
    const { lines, logger } = recordingLogger();
    await expect(buildSearchIndex({ outDir: '/site/dist', logger })).rejects.toThrow(/^Search indexing failed: Pagefind could not/);
    expect(lines.filter((line) => line.startsWith('error Pagefind: '))).toHaveLength(1);
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it('closes Pagefind when it throws', async () => {
    pagefind.addDirectory.mockRejectedValue(new Error('service crashed'));
    await expect(buildSearchIndex({ outDir: '/site/dist', logger: recordingLogger().logger })).rejects.toThrow('service crashed');
    expect(pagefind.close).toHaveBeenCalledOnce();
  });

  it('warns, without failing, when no page is marked for indexing', async () => {
    pagefind.entry = { languages: {} };
    const { lines, logger } = recordingLogger();
    await expect(buildSearchIndex({ outDir: '/site/dist', logger })).resolves.toMatchObject({ pageCount: 0 });
    expect(lines[0]).toMatch(/^warn Pagefind read 10 HTML files but indexed none: no page has a data-pagefind-body element/);
  });
});

describe('pagefindIntegration', () => {
  it('indexes the directory Astro built into when the build is done', async () => {
    const hook = pagefindIntegration().hooks['astro:build:done'];
    expect(hook).toBeTypeOf('function');
    await hook?.({
      dir: new URL('file:///site/out/'),
      pages: [],
      assets: new Map(),
      logger: recordingLogger().logger as never,
    });
    expect(pagefind.addDirectory).toHaveBeenCalledWith({ path: '/site/out/', glob: SEARCHABLE_PAGES_GLOB });
    expect(pagefind.writeFiles).toHaveBeenCalledWith({ outputPath: '/site/out/pagefind' });
  });
});
