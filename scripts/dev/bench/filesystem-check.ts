/**
 * Whether the benchmark's folder is on ext4 without a journal, where the kernel will not reuse an
 * inode freed in the last minute or so and checks each such inode on the way to a free one
 * (`find_inode_bit` in Linux's `fs/ext4/ialloc.c`). A build creates tens of thousands of files, so
 * one started within minutes of deleting as many (the last build's output, the last benchmark's
 * folder) spends many seconds more in the kernel. The benchmark says so beside its numbers.
 */
import { readFile, realpath } from 'node:fs/promises';
import { basename } from 'node:path';

export interface Mount {
  device: string;
  mountPoint: string;
  type: string;
}

/** The mount holding `path` (an absolute, resolved path), from the text of `/proc/mounts`. */
export function mountOf(path: string, mounts: string): Mount | undefined {
  let best: Mount | undefined;
  for (const line of mounts.split('\n')) {
    const [device, rawMountPoint, type] = line.split(' ');
    if (device === undefined || rawMountPoint === undefined || type === undefined) continue;
    // /proc/mounts writes spaces and other special characters in octal: "\040".
    const mountPoint = rawMountPoint.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
    const inside = mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);
    if (inside && (best === undefined || mountPoint.length >= best.mountPoint.length)) best = { device, mountPoint, type };
  }
  return best;
}

/**
 * A note for the report when `path` is on ext4 without a journal, or null: when it is not, or
 * when this cannot be told (not Linux, no /proc or /sys).
 */
export async function journalLessExt4Note(path: string): Promise<string | null> {
  try {
    const mount = mountOf(await realpath(path), await readFile('/proc/mounts', 'utf8'));
    if (mount?.type !== 'ext4') return null;
    // ext4 lists each filesystem under the kernel's name of its device: /dev/vda → vda, and a
    // device-mapper path such as /dev/mapper/root resolves to /dev/dm-0.
    const name = basename(await realpath(mount.device));
    const journal = (await readFile(`/sys/fs/ext4/${name}/journal_task`, 'utf8')).trim();
    if (journal !== '<none>') return null;
    return (
      `${mount.mountPoint} is ext4 without a journal: for a few minutes after many files are deleted, ` +
      'creating files takes much longer there, and builds with it. Leave a few minutes between runs, ' +
      'and read a large system time as the filesystem, not the build (docs/performance.md).'
    );
  } catch {
    return null;
  }
}
