/**
 * The copies of external images each entry's Markdown shows (`site.externalImages: 'fetch'`):
 * found in the entry's inputs before its Markdown is rendered, downloaded (or taken from the
 * cache), and handed to the renderer as `images`. An entry's copies are part of its digest, so
 * an entry is rendered again when one of its images gets a copy, or loses it, and only then.
 */
import { processGlobal } from '../workers/process-global.ts';
import { externalImageCandidates } from '../markdown/github-images.ts';
import { fetchUserImages, USER_CONTENT_PATH, type FetchImageOptions } from '../images/user-content-images.ts';

export interface EntryImagesOptions {
  /** `site.externalImages`. */
  mode: 'fetch' | 'link';
  /** The site's base path (`/` or `/roadmap`). */
  base: string;
  fetch?: FetchImageOptions;
  /** Told what was shown as a link instead, and why. */
  info?: (message: string) => void;
}

/** The copies (file names) this process's build serves: `user-content-images` writes them. */
export function servedUserContentCopies(): Set<string> {
  return processGlobal('served-user-content-copies', () => new Set<string>());
}

function stringsOf(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (Array.isArray(value)) for (const member of value) stringsOf(member, found);
  else if (value !== null && typeof value === 'object') for (const member of Object.values(value)) stringsOf(member, found);
  return found;
}

/**
 * For each entry (by its inputs), the site address of each external image's copy, by the
 * image's address; empty in `'link'` mode, or when nothing could be downloaded.
 */
export async function entryImages(inputs: readonly unknown[], options: EntryImagesOptions): Promise<Record<string, string>[]> {
  if (options.mode === 'link') return inputs.map(() => ({}));
  const candidates = inputs.map((input) => [...new Set(stringsOf(input).flatMap((text) => externalImageCandidates(text)))].sort());
  const addresses = [...new Set(candidates.flat())].sort();
  const downloads = await fetchUserImages(addresses, options.fetch);
  const prefix = `${options.base.replace(/\/+$/, '')}${USER_CONTENT_PATH}`;
  const copies = new Map<string, string>();
  const served = servedUserContentCopies();
  const refused: string[] = [];
  for (const [index, address] of addresses.entries()) {
    const download = downloads[index];
    if (download === undefined) continue;
    if ('file' in download) {
      copies.set(address, prefix + download.file);
      served.add(download.file);
    } else {
      refused.push(`${address} (${download.refused})`);
    }
  }
  if (refused.length > 0) {
    options.info?.(
      `${refused.length} external image${refused.length === 1 ? ' is' : 's are'} shown as links, not downloaded: ${refused.slice(0, 5).join('; ')}${refused.length > 5 ? '; …' : ''}. A failure that may pass is tried again by the next build.`,
    );
  }
  return candidates.map((urls) => Object.fromEntries(urls.flatMap((url) => (copies.has(url) ? [[url, copies.get(url) ?? '']] : []))));
}
