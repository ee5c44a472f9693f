/**
 * The images a reader's browser may load from where an author put them: those on GitHub's own
 * public image hosts. GitHub serves them from its servers, so an author learns nothing about who
 * reads their text; any other host is one the author chose, and could log every reader's address.
 * Other images are downloaded at build time and served by the site, or shown as links
 * (`user-content-images.ts`).
 *
 * Pure: the same URL always gets the same answer.
 */

interface GitHubImageSource {
  origin: string;
  /** Only addresses under this path; `/` for the whole host. */
  path: string;
}

/** Each of these serves public images from GitHub's servers, to anyone, without a token. */
export const GITHUB_IMAGE_SOURCES: readonly GitHubImageSource[] = [
  // Profile pictures: GitHub's APIs give every account's `avatar_url` there.
  // https://docs.github.com/en/rest/users/users#get-a-user
  { origin: 'https://avatars.githubusercontent.com', path: '/' },
  // Files attached to issues, comments and releases until 2023, at public addresses.
  // https://docs.github.com/en/get-started/writing-on-github/working-with-advanced-formatting/attaching-files
  { origin: 'https://user-images.githubusercontent.com', path: '/' },
  // Files attached since 2023. A browser is redirected to a short-lived signed address on
  // private-user-images.githubusercontent.com, which the CSP names for that reason; such a signed
  // address copied into a text expires within minutes, so it is not on this list.
  { origin: 'https://github.com', path: '/user-attachments/assets/' },
  // Camo, GitHub's image proxy: GitHub's own pages show every external image through it, and
  // it serves only what it fetched itself, from GitHub's servers.
  // https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-anonymized-urls
  { origin: 'https://camo.githubusercontent.com', path: '/' },
  // Files of public repositories, as READMEs embed them.
  // https://docs.github.com/en/repositories/working-with-files/using-files/viewing-and-understanding-files
  { origin: 'https://raw.githubusercontent.com', path: '/' },
];

/** Where attachments on github.com redirect a browser to (see above). */
const ATTACHMENT_REDIRECT_ORIGIN = 'https://private-user-images.githubusercontent.com';

/**
 * The sources of the CSP's `img-src` besides `'self'`: GitHub's image hosts, and the origins of
 * the GitHub Enterprise Servers the site's repositories live on (their avatars and attachments
 * are on the server itself).
 */
export function githubImageCspSources(enterpriseOrigins: readonly string[] = []): string[] {
  const sources = GITHUB_IMAGE_SOURCES.map(({ origin, path }) => (path === '/' ? origin : origin + path));
  const enterprise = enterpriseOrigins.filter((origin) => origin.startsWith('https://') && origin !== 'https://github.com');
  return [...new Set([...sources, ATTACHMENT_REDIRECT_ORIGIN, ...enterprise])];
}

/**
 * Whether `url` is a public image on GitHub's hosts, or on `enterpriseOrigin` (the GitHub
 * Enterprise Server the text comes from), which a browser may load directly.
 */
export function isGitHubImage(url: string, enterpriseOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  if (enterpriseOrigin !== undefined && enterpriseOrigin !== 'https://github.com' && parsed.origin === enterpriseOrigin) return true;
  return GITHUB_IMAGE_SOURCES.some(({ origin, path }) => parsed.origin === origin && parsed.pathname.startsWith(path));
}

/** The form image addresses are compared in: the one `new URL` gives, or undefined if it is none. */
export function normalImageUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

// Image syntax in Markdown (`![alt](url`), in HTML (`<img src="url"`, `srcset`), and reference
// definitions (`[ref]: url`), which `![alt][ref]` uses.
const INLINE_IMAGE = /!\[[^\]]*\]\(\s*<?(https?:\/\/[^\s>)]+)/gi;
const HTML_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*["']?(https?:\/\/[^\s"'>]+)/gi;
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?(https?:\/\/[^\s>]+)/gim;

/**
 * The addresses in `markdown` that may be images from other hosts than GitHub's, to download
 * before rendering. Finding more than the renderer shows only costs a download; missing one
 * shows that image as a link, so the scan errs on the side of more.
 */
export function externalImageCandidates(markdown: string, enterpriseOrigin?: string): string[] {
  const found = new Set<string>();
  const add = (raw: string | undefined) => {
    const url = raw === undefined ? undefined : normalImageUrl(raw.replaceAll('&amp;', '&'));
    if (url !== undefined && !isGitHubImage(url, enterpriseOrigin)) found.add(url);
  };
  for (const match of markdown.matchAll(INLINE_IMAGE)) add(match[1]);
  for (const match of markdown.matchAll(HTML_IMAGE)) add(match[1]);
  if (markdown.includes('![')) for (const match of markdown.matchAll(DEFINITION)) add(match[1]);
  return [...found].sort();
}
