/**
 * `npm run check:size [dir]`: how much a built site holds, against GitHub Pages' 1 GB.
 *
 * GitHub documents 1 GB as the most a published Pages site may hold, but `actions/deploy-pages`
 * only compares the compressed upload with it, and HTML deflates about eight times: a site of
 * several gigabytes of files passes that check. The deploy workflow runs this after the build so
 * a maintainer hears of it before GitHub does. It warns and never fails: whether a larger site is
 * refused is GitHub's call, and the site is still worth publishing.
 *
 * Exits 0 (with a warning above the limit; in GitHub Actions as an annotation), 2 when the folder
 * cannot be read.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** GitHub's "1 GB", counted the way `actions/deploy-pages` counts it (2^30 bytes). */
export const PAGES_SITE_LIMIT_BYTES = 1024 ** 3;

export interface SiteSizeCheck {
  bytes: number;
  files: number;
  overLimit: boolean;
  message: string;
}

export async function checkSiteSize(dir: string): Promise<SiteSizeCheck> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  let bytes = 0;
  let files = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  const overLimit = bytes > PAGES_SITE_LIMIT_BYTES;
  const held = `${dir} holds ${megabytes(bytes)} in ${files.toLocaleString('en-US')} file${files === 1 ? '' : 's'}`;
  const message = overLimit
    ? `${held}. GitHub Pages documents 1 GB as the most a published site may hold, so the deploy may fail. ` +
      'See "Site size" in docs/deploying.md for what takes the room and how to shrink it.'
    : `${held} (GitHub Pages publishes sites of up to 1 GB).`;
  return { bytes, files, overLimit, message };
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
}

async function main(argv: string[]): Promise<number> {
  const dir = argv.find((arg) => !arg.startsWith('-')) ?? 'dist';
  let check: SiteSizeCheck;
  try {
    check = await checkSiteSize(dir);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : String(error);
    console.error(`check:size: cannot read ${resolve(dir)} (${reason}). Build the site first: npm run build`);
    return 2;
  }
  if (!check.overLimit) console.log(check.message);
  else if (process.env['GITHUB_ACTIONS'] === 'true') console.log(`::warning title=Site larger than 1 GB::${check.message}`);
  else console.warn(`Warning: ${check.message}`);
  return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
