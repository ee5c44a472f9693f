import { describe, expect, it } from 'vitest';
import { describeSnapshotSource } from '../../src/integrations/snapshot-source.ts';
import { readManifest } from '../../src/snapshot/read-snapshot.ts';

const demo = await readManifest(new URL('../../content/snapshot/', import.meta.url).pathname);

describe('the build says which snapshot it uses', () => {
  it('names the committed demo and, without a token, why nothing was synced', () => {
    const text = describeSnapshotSource(demo, 'content/snapshot', {});
    expect(text).toMatch(/^Building the demo roadmap from the committed snapshot in content\/snapshot/);
    expect(text).toContain('lumen-dev/lumen, lumen-dev/lumen-docs');
    expect(text).toMatch(/GITHUB_TOKEN is not set/);
  });

  it('does not call a synced snapshot the demo', () => {
    const synced = { ...demo!, apiUrl: 'https://api.github.com' };
    expect(describeSnapshotSource(synced, 'content/snapshot', { GITHUB_TOKEN: 'x' })).toMatch(/^Building from the snapshot in content\/snapshot \(\d+ items/);
  });

  it('says how to get a snapshot when there is none', () => {
    expect(describeSnapshotSource(null, 'elsewhere', {})).toMatch(/No snapshot in elsewhere\. Run `npm run sync`/);
  });
});
