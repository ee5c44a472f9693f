/**
 * Writes a snapshot and kills its own process with SIGKILL just before step `stopAt` of the write
 * (see `WriteStep`), leaving the folder exactly as a sync killed at that moment would.
 * Usage: node test/sync/kill-writer.ts <snapshot dir> <content.json> <stopAt>
 */
import { readFile } from 'node:fs/promises';
import { writeSnapshot, type SnapshotContent } from '../../src/snapshot/write-snapshot.ts';

const [dir, contentFile, stopAt] = process.argv.slice(2) as [string, string, string];
const content = JSON.parse(await readFile(contentFile, 'utf8')) as SnapshotContent;
let step = 0;
await writeSnapshot(dir, content, {
  beforeStep: async () => {
    if (step++ === Number(stopAt)) {
      process.kill(process.pid, 'SIGKILL');
      await new Promise(() => {});
    }
  },
});
