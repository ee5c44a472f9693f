import { z } from 'zod';
import { hintFor, isMissing } from '../error-map.ts';
import { describeValue, listAlternatives, withHint } from '../messages.ts';
import { languageSchema } from './language.ts';
import { themeSchema } from './theme.ts';

const LOGO_EXTENSIONS = ['.svg', '.png', '.jpg', '.jpeg', '.webp', '.avif', '.gif'];
const URL_WITH_SCHEME = /^[a-z][a-z\d+.-]*:|^\/\//i;
const PATH_SEGMENT = /^(?:[\w.~-]|%[\da-f]{2})+$/i;

/** Keeps only the origin, because Astro takes the path prefix separately, as `base`. */
const siteUrlSchema = z.string().transform((value, context) => {
  const shown = describeValue(value);
  const refuse = (problem: string, hint: string) => {
    context.issues.push({ code: 'custom', input: value, message: withHint(problem, hint) });
    return z.NEVER;
  };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    const hint = /^[\w-]+(\.[\w-]+)+(?::\d+)?(\/.*)?$/.test(value.trim())
      ? `add the scheme: "https://${value.trim()}"`
      : 'write the full address the site is served from, e.g. "https://acme.github.io"';
    return refuse(`${shown} is not an absolute URL`, hint);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refuse(`${shown} is not an http(s) URL`, 'write an address starting with "https://"');
  }
  if (url.username !== '' || url.password !== '') {
    return refuse(`${shown} contains a user name or password`, `remove them; the URL is public: "${url.origin}"`);
  }
  if (url.search !== '' || url.hash !== '') {
    return refuse(`${shown} has a query or fragment`, `remove everything from "?" or "#" on: "${url.origin}"`);
  }
  if (url.pathname !== '/') {
    return refuse(
      `${shown} has a path`,
      `give the path in site.base instead: url: "${url.origin}", base: "${url.pathname.replace(/\/+$/, '')}"`,
    );
  }
  return url.origin;
});

/** `roadmap/`, `/roadmap/` and `/roadmap` all become `/roadmap`; an empty prefix becomes `/`. */
const basePathSchema = z.string().transform((value, context) => {
  const trimmed = value.trim();
  const refuse = (problem: string, hint: string) => {
    context.issues.push({ code: 'custom', input: value, message: withHint(problem, hint) });
    return z.NEVER;
  };
  if (URL_WITH_SCHEME.test(trimmed)) {
    return refuse(
      `${describeValue(value)} is a URL, not a path`,
      'put the address in site.url and only the path here, e.g. "/roadmap"',
    );
  }
  const segments = trimmed.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..' || !PATH_SEGMENT.test(segment))) {
    return refuse(
      `${describeValue(value)} is not a path prefix`,
      'use letters, digits, "-", "_", "." and "/" only, e.g. "/roadmap"',
    );
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}`;
});

/** A path relative to `public/`, without a leading slash: `images/logo.svg`. */
const logoSchema = z.string().transform((value, context) => {
  const shown = describeValue(value);
  const refuse = (problem: string, hint: string) => {
    context.issues.push({ code: 'custom', input: value, message: withHint(problem, hint) });
    return z.NEVER;
  };
  if (URL_WITH_SCHEME.test(value.trim())) {
    return refuse(`${shown} is a URL`, 'copy the image into public/ and give its path there, e.g. "logo.svg"');
  }
  const path = value.trim().replace(/^(?:\.\/|\/)+/, '');
  if (path === '') return refuse('the path is empty', 'give the path of an image under public/, or null for no logo');
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) {
    return refuse(`${shown} leaves the public/ folder`, 'put the image in public/ and give its path there');
  }
  if (path.startsWith('public/')) {
    return refuse(`${shown} starts with "public/"`, `the path is already relative to public/: "${path.slice(7)}"`);
  }
  if (!LOGO_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension))) {
    return refuse(`${shown} is not an image`, `use an image file ending in ${listAlternatives(LOGO_EXTENSIONS)}`);
  }
  return path;
});

/** How the site presents itself and where it is served. */
export const siteSchema = z.strictObject(
  {
    /** The roadmap's name: page titles, the header and feeds. Required. */
    title: z
      .string({ error: hintFor('name the roadmap, e.g. title: "Acme roadmap"', isMissing) })
      .trim()
      .min(1, { error: hintFor('name the roadmap, e.g. title: "Acme roadmap"') }),
    /**
     * One or two sentences for search engines, link previews and the feeds.
     * @default ''
     */
    description: z.string().trim().default(''),
    /**
     * The absolute http(s) address the site is served from, without a path, e.g.
     * `https://acme.github.io`. Used for canonical links, feeds and social cards.
     * @default 'http://localhost:4321'
     */
    url: siteUrlSchema.default('http://localhost:4321'),
    /**
     * Path prefix the site lives under, e.g. `/roadmap` for `https://acme.github.io/roadmap/`.
     * Normalised to start with `/` and end without one (except the root, `/`).
     * @default '/'
     */
    base: basePathSchema.default('/'),
    /**
     * Path of the logo image under `public/`, e.g. `logo.svg`; `null` shows the title only.
     * @default null
     */
    logo: logoSchema.nullable().default(null),
    /**
     * Language of the site's own text, its feeds, badges, social images, comments and emails, as
     * a BCP 47 tag: `en`, `de`, `ja` or `ar` (right to left), optionally with a region that
     * formats dates and numbers (`de-AT`). Adding a language: docs/translating.md.
     * @default 'en'
     */
    language: languageSchema.default('en'),
    /** Colours of the site. */
    theme: themeSchema,
    /**
     * Link-preview cards (social images). Every release has its own; the `requests` most voted
     * requests have theirs, and every other page shows the site's card. A card is about 40 KB,
     * so 1,000 of them take about 40 MB of the 1 GB a GitHub Pages site may use, and a first
     * build renders them in well under a minute.
     * @default { requests: 1000 }
     */
    socialImages: z
      .strictObject({
        /** How many requests, most voted first, get a card of their own; 0 for none. */
        requests: z
          .number({ error: hintFor('give a whole number of requests, e.g. requests: 1000') })
          .int({ error: hintFor('give a whole number of requests, e.g. requests: 1000') })
          .min(0, { error: hintFor('use 0 for no request cards, or a positive number') })
          .default(1000),
      })
      .default({ requests: 1000 }),
    /**
     * Images in request bodies, comments and release notes from other hosts than GitHub's:
     * `'fetch'` downloads them at build time (PNG, JPEG, GIF, WebP or AVIF up to 5 MB; SVG is
     * refused) and the site serves its copies; `'link'` shows them as links. Either way a
     * reader's browser loads images only from the site and GitHub's image hosts, so no author
     * learns who reads their text. `'link'` needs no network, so a build works offline.
     * @default 'link'
     */
    externalImages: z
      .enum(['fetch', 'link'], { error: hintFor('use "fetch" to download external images at build time, or "link" to show them as links') })
      .default('link'),
  },
  { error: hintFor('add site: { title: "Acme roadmap" } at least', isMissing) },
);

export type SiteConfig = z.output<typeof siteSchema>;
