import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSnapshot } from '../../scripts/dev/build-demo-snapshot.ts';
import { generateWorld } from '../../scripts/dev/demo/generate.ts';
import { readSnapshot } from '../../src/snapshot/read-snapshot.ts';

const committed = new URL('../../content/snapshot/', import.meta.url).pathname;
let rebuilt: string;

async function files(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const result = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    result.set(path.slice(dir.length).replace(/^\//, ''), await readFile(path, 'utf8'));
  }
  return result;
}

beforeAll(async () => {
  rebuilt = await mkdtemp(join(tmpdir(), 'demo-snapshot-'));
  await buildDemoSnapshot({ snapshotDir: join(rebuilt, 'snapshot'), quiet: true });
}, 120_000);
afterAll(async () => {
  await rm(rebuilt, { recursive: true, force: true });
});

describe('the committed demo snapshot', () => {
  it('is exactly what the real sync produces from the demo world through the simulator', async () => {
    // If this fails after a change to the generator, the sync or the config, run `npm run demo:snapshot`.
    expect(await files(join(rebuilt, 'snapshot'))).toEqual(await files(committed));
  });

  it('keeps the known duplicates the report measures itself against next to it, as generated', async () => {
    const committedFile = new URL('../../content/snapshot.known-duplicates.json', import.meta.url);
    const committedText = await readFile(committedFile, 'utf8');
    expect(await readFile(join(rebuilt, 'snapshot.known-duplicates.json'), 'utf8')).toBe(committedText);
    expect(JSON.parse(committedText)).toEqual({ seed: 1, unmarkedDuplicates: generateWorld({ preset: 'demo', seed: 1 }).truth.unmarkedDuplicates });
  });

  it('holds the demo project and none of its private repository', async () => {
    const snapshot = await readSnapshot(committed);
    expect(snapshot.manifest.sources.map((source) => source.repository)).toEqual(['lumen-dev/lumen', 'lumen-dev/lumen-docs']);
    expect(snapshot.items.length).toBeGreaterThan(300);
    expect(snapshot.items.filter((item) => item.repository === 'lumen-dev/lumen-internal')).toEqual([]);
    // A public comment may name the private repository; none of its items' text may appear.
    const text = [...(await files(committed)).values()].join('\n');
    expect(text).not.toMatch(/Internal: /);
  });
});
