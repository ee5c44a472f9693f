import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePagesArtifact } from '../../../scripts/dev/bench/pages-artifact.ts';

describe('the Pages artifact a deploy would upload', () => {
  let site: string;

  beforeAll(async () => {
    site = await mkdtemp(join(tmpdir(), 'pages-artifact-'));
    await mkdir(join(site, 'requests/12-dark-mode'), { recursive: true });
    await mkdir(join(site, '.github'));
    const page = '<!DOCTYPE html><title>Dark mode</title>' + '<p>Votes and comments</p>'.repeat(400);
    await writeFile(join(site, 'index.html'), page);
    await writeFile(join(site, 'requests/12-dark-mode/index.html'), page);
    await writeFile(join(site, 'requests/12-dark-mode/badge.svg'), '<svg/>');
    await writeFile(join(site, '.github/secret-workflow.yml'), 'x'.repeat(100_000));
  });
  afterAll(() => rm(site, { recursive: true, force: true }));

  it('is the tar of the folder without .github, and that tar deflated at level 6', async () => {
    const size = await measurePagesArtifact(site);
    expect(size).not.toBeNull();
    // tar's own archive, made apart: what upload-pages-artifact runs.
    const tar = execFileSync('tar', ['--directory', site, '-cf', '-', '--exclude=.git', '--exclude=.github', '.'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(size?.tarBytes).toBe(tar.length);
    expect(size?.compressedBytes).toBe(deflateRawSync(tar, { level: 6 }).length);
    // Three files and two folders below the root fill far less than the 100 KB left out.
    expect(size?.tarBytes).toBeLessThan(100_000);
    expect(size?.compressedBytes).toBeLessThan((size?.tarBytes ?? 0) / 5);
  });

  it('measures nothing, rather than failing, on a machine without tar', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '';
    try {
      await expect(measurePagesArtifact(site)).resolves.toBeNull();
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('fails saying which folder tar could not archive', async () => {
    await expect(measurePagesArtifact(join(site, 'missing'))).rejects.toThrow(/tar could not archive .*missing/);
  });
});
