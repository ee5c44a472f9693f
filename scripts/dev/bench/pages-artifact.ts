/**
 * What a deploy to GitHub Pages uploads for a built site, measured without uploading it.
 *
 * `actions/upload-pages-artifact` archives the folder with `tar -cf` (leaving out `.git` and
 * `.github`), and `actions/upload-artifact` stores that one tar file deflated at level 6 inside a
 * zip. `actions/deploy-pages` then compares the stored artifact's size with 1 GB and warns above
 * it ("Deployment might fail"); Pages refuses an artifact over 10 GB. This runs the same `tar` and
 * deflates its output the same way, so the two numbers are the tar the upload starts from and
 * (within the zip's few dozen bytes of headers) the artifact size the deploy checks.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';

export interface PagesArtifactSize {
  /** The uncompressed tar: the files, a 512-byte header each, padded to 512-byte blocks. */
  tarBytes: number;
  /** The tar deflated at level 6, as the stored artifact holds it. */
  compressedBytes: number;
}

/** upload-artifact's default `compression-level`. */
const ARTIFACT_DEFLATE_LEVEL = 6;

/**
 * Measures the Pages artifact of `directory`. Resolves to null when there is no `tar` command on
 * the machine (the GitHub-hosted runners all have one), and rejects if tar fails.
 */
export async function measurePagesArtifact(directory: string): Promise<PagesArtifactSize | null> {
  const tar = spawn('tar', ['--directory', directory, '-cf', '-', '--exclude=.git', '--exclude=.github', '.'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // An error after tar started lands here too, where rejecting a settled promise does nothing.
  const spawned = await new Promise<boolean>((resolve, reject) => {
    tar.once('spawn', () => resolve(true));
    tar.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(false) : reject(error)));
  });
  if (!spawned) return null;

  let tarBytes = 0;
  let compressedBytes = 0;
  let stderr = '';
  const deflate = createDeflateRaw({ level: ARTIFACT_DEFLATE_LEVEL });
  deflate.on('data', (chunk: Buffer) => (compressedBytes += chunk.length));
  tar.stdout.on('data', (chunk: Buffer) => (tarBytes += chunk.length));
  tar.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  tar.stdout.pipe(deflate);
  const [[code]] = await Promise.all([once(tar, 'close'), once(deflate, 'end')]);
  if (code !== 0) throw new Error(`tar could not archive ${directory} (exit ${String(code)}): ${stderr.trim()}`);
  return { tarBytes, compressedBytes };
}
