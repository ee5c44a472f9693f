import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { heapLimitFlags } from '../../scripts/build.ts';

const GB = 1024 ** 3;
const BUILD_SCRIPT = fileURLToPath(new URL('../../scripts/build.ts', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/heap-site/', import.meta.url));

describe('heapLimitFlags', () => {
  it('gives the build three quarters of the machine when that is more than Node’s default', () => {
    expect(heapLimitFlags({ totalMemoryBytes: 16 * GB, defaultHeapBytes: 4 * GB, nodeOptions: undefined })).toEqual(['--max-old-space-size=12288']);
    expect(heapLimitFlags({ totalMemoryBytes: 7 * GB, defaultHeapBytes: 2 * GB, nodeOptions: '--enable-source-maps' })).toEqual(['--max-old-space-size=5376']);
  });

  it('never lowers Node’s default on a small machine', () => {
    expect(heapLimitFlags({ totalMemoryBytes: 4 * GB, defaultHeapBytes: 4 * GB, nodeOptions: undefined })).toEqual([]);
  });

  it('leaves a limit set in NODE_OPTIONS alone', () => {
    for (const nodeOptions of ['--max-old-space-size=2048', '--trace-gc --max-old-space-size 9000']) {
      expect(heapLimitFlags({ totalMemoryBytes: 64 * GB, defaultHeapBytes: 4 * GB, nodeOptions }), nodeOptions).toEqual([]);
    }
  });
});

describe('npm run build (scripts/build.ts)', () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
    await rm(join(FIXTURE, '.astro'), { recursive: true, force: true });
  });

  const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const folder = await mkdtemp(join(tmpdir(), 'heap-site-'));
    // The fixture keeps its caches beside the output, in the same folder.
    folders.push(folder);
    const outDir = join(folder, 'dist');
    const { NODE_OPTIONS: _inherited, ...inherited } = process.env;
    const result = await promisify(execFile)(process.execPath, [BUILD_SCRIPT, ...args], {
      cwd: FIXTURE,
      env: { ...inherited, ...env, HEAP_FIXTURE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    return { ...result, outDir };
  };
  const heapLimitOf = async (outDir: string) => Number(/<p id="heap-limit">(\d+)<\/p>/.exec(await readFile(join(outDir, 'index.html'), 'utf8'))?.[1]);

  it('builds with the larger heap limit, and passes arguments on to Astro', async () => {
    const { outDir, stdout } = await run(['--silent']);
    expect(stdout).not.toContain('Complete!');
    const flags = heapLimitFlags({ totalMemoryBytes: totalmem(), defaultHeapBytes: getHeapStatistics().heap_size_limit, nodeOptions: undefined });
    const limit = await heapLimitOf(outDir);
    if (flags.length === 0) {
      expect(limit).toBe(getHeapStatistics().heap_size_limit);
    } else {
      // The heap limit is the old space asked for plus the young generation.
      const megabytes = Number(flags[0]?.split('=')[1]);
      expect(limit).toBeGreaterThanOrEqual(megabytes * 1024 * 1024);
      expect(limit).toBeLessThan((megabytes + 256) * 1024 * 1024);
    }
  }, 120_000);

  it('keeps the limit NODE_OPTIONS sets', async () => {
    const { outDir } = await run([], { NODE_OPTIONS: '--max-old-space-size=1500' });
    const limit = await heapLimitOf(outDir);
    expect(limit).toBeGreaterThanOrEqual(1500 * 1024 * 1024);
    expect(limit).toBeLessThan(1800 * 1024 * 1024);
  }, 120_000);

  it('fails as Astro fails, with its exit code', async () => {
    await expect(run(['--config', 'does-not-exist.mjs'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Unable to resolve `--config "does-not-exist.mjs"`') });
  }, 120_000);
});
