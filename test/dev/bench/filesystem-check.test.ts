import { describe, expect, it } from 'vitest';
import { journalLessExt4Note, mountOf } from '../../../scripts/dev/bench/filesystem-check.ts';

const MOUNTS = [
  '/dev/vda / ext4 rw,relatime 0 0',
  'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
  'tmpfs /tmp tmpfs rw,nosuid,nodev 0 0',
  '/dev/vdb /tmp/build\\040cache ext4 rw,relatime 0 0',
  '',
].join('\n');

describe('mountOf', () => {
  it('picks the longest mount point that holds the path', () => {
    expect(mountOf('/tmp/bench-build-1/project', MOUNTS)).toEqual({ device: 'tmpfs', mountPoint: '/tmp', type: 'tmpfs' });
    expect(mountOf('/work/main', MOUNTS)).toEqual({ device: '/dev/vda', mountPoint: '/', type: 'ext4' });
  });

  it('does not take a sibling with the same prefix for a parent', () => {
    expect(mountOf('/tmpfiles/x', MOUNTS)?.mountPoint).toBe('/');
  });

  it('reads the octal escapes /proc/mounts uses for spaces', () => {
    expect(mountOf('/tmp/build cache/dist', MOUNTS)).toEqual({ device: '/dev/vdb', mountPoint: '/tmp/build cache', type: 'ext4' });
  });
});

describe('journalLessExt4Note', () => {
  it('says nothing for a path it cannot resolve', async () => {
    expect(await journalLessExt4Note('/no/such/folder/anywhere')).toBeNull();
  });
});
