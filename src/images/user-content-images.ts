/**
 * Images in user content from other hosts than GitHub's, downloaded at build time so that the
 * site serves them itself (`/user-content/<sha256>.<ext>`) and a reader's browser never contacts
 * a host an author chose. GitHub's own pages do the same through their image proxy, Camo.
 *
 * A download is refused, and the image shown as a link instead, when it is not http(s), takes
 * longer than `timeoutMs`, is larger than `maxBytes`, redirects more than `maxRedirects` times
 * or to anything but http(s), points at a private or loopback address (unless
 * `allowPrivateAddresses`, for tests), or is not a PNG, JPEG, GIF, WebP or AVIF by its first
 * bytes, whatever type the server claims. SVG is refused: served from the site's own origin, an
 * SVG opened on its own runs its scripts there, outside the pages' CSP.
 *
 * Downloads are cached between builds in `.cache/user-content/` by the address's SHA-256: the
 * image under `files/<sha256 of the content>.<ext>`, and what the address gave in
 * `urls/<sha256 of the address>.json`. A refusal for what the file is (too large, not an image)
 * is cached too; a failure that may pass (a timeout, an HTTP error, no network) is tried again
 * by the next build.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { inProject } from '../config/project-dir.ts';

/** Relative to the working directory, which is the project root during `astro build`. */
export const DEFAULT_USER_CONTENT_CACHE_DIR = '.cache/user-content';

/** Site path under which the copies are served. */
export const USER_CONTENT_PATH = '/user-content/';

export interface FetchImageOptions {
  /** Where downloads are cached. Default: `$ROADMAP_USER_CONTENT_CACHE_DIR`, else `.cache/user-content`. */
  cacheDirectory?: string | undefined;
  /** Largest image downloaded. Default 5 MB, as GitHub's Camo. */
  maxBytes?: number;
  /** Time for a whole download, redirects included. Default 5 s. */
  timeoutMs?: number;
  /** Default 3. */
  maxRedirects?: number;
  /** Downloads at once. Default 4. */
  concurrency?: number;
  /** Allow loopback and private network addresses: for tests only. Default false. */
  allowPrivateAddresses?: boolean;
}

/** A download: the copy's file name (`<sha256>.png`), or why there is none. */
export type ImageDownload = { file: string } | { refused: string; permanent: boolean };

const DEFAULTS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 5000, maxRedirects: 3, concurrency: 4 };

export function userContentCacheDirectory(options: Pick<FetchImageOptions, 'cacheDirectory'> = {}): string {
  return resolve(options.cacheDirectory ?? process.env['ROADMAP_USER_CONTENT_CACHE_DIR'] ?? inProject(DEFAULT_USER_CONTENT_CACHE_DIR));
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The image types a copy may have, told by their first bytes as browsers tell them.
 * @see https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern
 */
export function imageTypeOf(bytes: Uint8Array): { extension: string; contentType: string } | undefined {
  const starts = (signature: readonly number[], at = 0) => signature.every((byte, index) => bytes[at + index] === byte);
  const ascii = (text: string, at = 0) => starts([...text].map((character) => character.charCodeAt(0)), at);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { extension: 'png', contentType: 'image/png' };
  if (starts([0xff, 0xd8, 0xff])) return { extension: 'jpg', contentType: 'image/jpeg' };
  if (ascii('GIF87a') || ascii('GIF89a')) return { extension: 'gif', contentType: 'image/gif' };
  if (ascii('RIFF') && ascii('WEBPVP', 8)) return { extension: 'webp', contentType: 'image/webp' };
  if (ascii('ftypavif', 4) || ascii('ftypavis', 4)) return { extension: 'avif', contentType: 'image/avif' };
  return undefined;
}

/** The content type of a copy, by the extension its file name got from `imageTypeOf`. */
export function contentTypeOfCopy(file: string): string | undefined {
  const types: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' };
  return types[file.slice(file.lastIndexOf('.') + 1)];
}

// Addresses a build must not reach on an author's say-so: the machine itself, its network, and
// cloud metadata services (169.254.169.254).
const PRIVATE_ADDRESSES = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE_ADDRESSES.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE_ADDRESSES.addSubnet(network, prefix, 'ipv6');
}

function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return isPrivateAddress(mapped);
  const family = isIP(address);
  return family === 0 || PRIVATE_ADDRESSES.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** A DNS lookup that refuses names resolving to a private address. */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((address) => isPrivateAddress(address.address));
    if (refused !== undefined) return callback(new PrivateAddressError(hostname), '', 0);
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    return first ? callback(null, first.address, first.family) : callback(new Error(`${hostname} has no address`), '', 0);
  });
};

class PrivateAddressError extends Error {
  constructor(host: string) {
    super(`${host} is a private or loopback address, which a build does not fetch on an author's say-so`);
  }
}

class Refusal extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.permanent = permanent;
  }
}

function get(url: URL, options: RequestOptions): Promise<IncomingMessage> {
  return new Promise((resolvePromise, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { ...options, method: 'GET' }, resolvePromise);
    request.on('error', reject);
    options.signal?.addEventListener('abort', () => request.destroy(new Error('timed out')));
    request.end();
  });
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new Refusal(`it is ${declared} bytes, more than the ${maxBytes} a copy may have`, true);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw new Refusal(`it is more than the ${maxBytes} bytes a copy may have`, true);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Downloads `address`, checked as the module's comment says; throws a `Refusal` otherwise. */
async function download(address: string, options: Required<Omit<FetchImageOptions, 'cacheDirectory' | 'concurrency'>>): Promise<Buffer> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = new URL(address);
  for (let redirects = 0; ; redirects += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refusal(`it leads to ${url.protocol} address, not http(s)`, true);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivateAddresses && (host === 'localhost' || (isIP(host) !== 0 && isPrivateAddress(host)))) {
      throw new Refusal(new PrivateAddressError(host).message, true);
    }
    let response: IncomingMessage;
    try {
      response = await get(url, {
        signal,
        headers: { accept: 'image/png,image/jpeg,image/gif,image/webp,image/avif' },
        ...(options.allowPrivateAddresses ? {} : { lookup: publicLookup }),
      });
    } catch (error) {
      if (error instanceof PrivateAddressError) throw new Refusal(error.message, true);
      throw new Refusal(signal.aborted ? `it took more than ${options.timeoutMs} ms` : (error as Error).message, false);
    }
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location !== undefined) {
      response.resume();
      if (redirects >= options.maxRedirects) throw new Refusal(`it redirects more than ${options.maxRedirects} times`, true);
      if (!URL.canParse(response.headers.location, url)) throw new Refusal('it redirects to something that is not an address', true);
      url = new URL(response.headers.location, url);
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new Refusal(`the server answered HTTP ${status}`, false);
    }
    try {
      return await readCapped(response, options.maxBytes);
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw new Refusal(signal.aborted ? `it took more than ${options.timeoutMs} ms` : (error as Error).message, false);
    }
  }
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The copy of the image at `address`, from the cache or downloaded now. */
export async function fetchUserImage(address: string, options: FetchImageOptions = {}): Promise<ImageDownload> {
  const directory = userContentCacheDirectory(options);
  const record = join(directory, 'urls', `${sha256(address)}.json`);
  const cached = await readFile(record, 'utf8').then(
    (text) => JSON.parse(text) as ImageDownload,
    () => undefined,
  );
  if (cached !== undefined && ('refused' in cached || (await readFile(join(directory, 'files', cached.file)).then(() => true, () => false)))) {
    return cached;
  }
  let result: ImageDownload;
  try {
    const bytes = await download(address, { ...DEFAULTS, allowPrivateAddresses: false, ...withoutUndefined(options) });
    const type = imageTypeOf(bytes);
    if (type === undefined) throw new Refusal('it is not a PNG, JPEG, GIF, WebP or AVIF image', true);
    result = { file: `${sha256(bytes)}.${type.extension}` };
    await writeAtomically(join(directory, 'files', result.file), bytes);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    result = { refused: error.message, permanent: error.permanent };
  }
  if ('file' in result || result.permanent) await writeAtomically(record, JSON.stringify(result));
  return result;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}

/** `fetchUserImage` of every address, a few at a time; the answers in the same order. */
export async function fetchUserImages(addresses: readonly string[], options: FetchImageOptions = {}): Promise<ImageDownload[]> {
  const results = new Array<ImageDownload>(addresses.length);
  let next = 0;
  const worker = async () => {
    while (next < addresses.length) {
      const index = next++;
      results[index] = await fetchUserImage(addresses[index] ?? '', options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? DEFAULTS.concurrency, addresses.length) }, worker));
  return results;
}

/** Where a build's copies come from: the cached file of a copy's name. */
export function userContentFile(file: string, options: Pick<FetchImageOptions, 'cacheDirectory'> = {}): string {
  return join(userContentCacheDirectory(options), 'files', file);
}
