/**
 * The site built from `test/fixtures/snapshot-mini` in each language but English: every page,
 * feed and badge speaks that language. What the site writes is told apart from what came from
 * GitHub (titles, bodies, comments, labels, names: English in the fixture) and what the project
 * wrote itself (`content/*.mdx`, the configuration) by looking the text up in those raw files; in
 * what remains, no English phrase of `messages/en.ts` that the translation does not also use may
 * appear, and no message key. Text marked with another `lang` is not claimed to be translated.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoConfig from '../../roadmap.config.ts';
import { MESSAGES } from '../../src/i18n/messages.ts';
import { buildFixture } from '../helpers/build-fixture.ts';
import { messageLiterals } from '../helpers/message-literals.ts';
import { copyProject, type ProjectCopy } from '../helpers/project-copy.ts';

type Node = DefaultTreeAdapterTypes.Node;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/snapshot-mini');
const LANGUAGES = ['de', 'ja', 'ar'] as const;
/** Attributes a person reads or hears; addresses, ids and classes are not text. */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder', 'content', 'label']);

/** Whitespace collapsed and typographic quotes made plain (MDX curls the quotes of `content/`). */
const normalise = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * English phrases a translated page must not show: each literal piece of every English message
 * with at least one word of three letters, unless the translation uses it too ("GitHub", "RSS").
 */
function englishPhrases(language: keyof typeof MESSAGES): string[] {
  const translated = normalise(Object.values(MESSAGES[language]).flatMap((message) => messageLiterals(message)).join(' \n '));
  const phrases = Object.values(MESSAGES.en).flatMap((message) => messageLiterals(message).map(normalise));
  return [...new Set(phrases)].filter((phrase) => /\p{L}{3,}/u.test(phrase) && !translated.includes(phrase));
}

/**
 * What the site shows but did not write: every string in the snapshot's files (what GitHub
 * wrote), the project's own pages in `content/` and its configured title and description.
 */
async function notWrittenBySite(): Promise<{ all: string; short: string[] }> {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(normalise(value));
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const file of await readdir(FIXTURE, { recursive: true })) {
    if (file.endsWith('.json')) collect(JSON.parse(await readFile(join(FIXTURE, file), 'utf8')));
  }
  const content = join(ROOT, 'content');
  for (const file of await readdir(content, { recursive: true })) {
    if (!file.endsWith('.mdx')) continue;
    // Its lines, and its front matter's values (a page title), without Markdown's punctuation.
    const lines = (await readFile(join(content, file), 'utf8')).replace(/[*_`#>[\]()]/g, ' ').split('\n');
    collect(lines.join('\n'));
    collect(lines.map((line) => /^\w+:\s*(.+)$/.exec(line)?.[1] ?? line).filter((line) => line.trim().length <= 200));
  }
  collect([demoConfig.site.title, demoConfig.site.description]);
  // Titles, names and labels, longest first: taken out of the site's sentences that quote them.
  const short = [...new Set(strings.filter((text) => text.length >= 3 && text.length <= 200))].sort((a, b) => b.length - a.length);
  return { all: strings.join('\n'), short };
}

/** The text a person reads in an HTML, Atom, RSS or SVG file: text nodes and read attributes. */
function readableText(source: string, html = true, language = ''): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    const lang = 'attrs' in node ? node.attrs.find((attribute) => attribute.name === 'lang')?.value : undefined;
    if (lang !== undefined && language !== '' && node.nodeName !== 'html' && lang !== language) return;
    if ('attrs' in node) {
      for (const attribute of node.attrs) {
        // The search's wording, as JSON for its script: the values are text, the keys are not.
        if (attribute.name === 'data-strings') found.push(...jsonStrings(JSON.parse(attribute.value)));
        else if (READ_ATTRIBUTES.has(attribute.name)) found.push(attribute.value);
      }
    }
    if (node.nodeName === '#text' && 'value' in node) {
      // Feeds carry HTML as escaped text: read the markup inside too.
      if (!html && /<\w/.test(node.value)) found.push(...readableText(node.value, true, language));
      else found.push(node.value);
    }
    if (node.nodeName === 'script' || node.nodeName === 'style') return;
    const children = 'content' in node && node.nodeName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
    children.forEach(walk);
  };
  walk(html ? parse(source) : parseFragment(source));
  // Addresses (`og:url`, a redirect's `0; url=…`) are not read as words.
  return found.map(normalise).filter((text) => text !== '' && !/^(?:\d+; url=)?\S*\/\S*$/.test(text));
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

let project: ProjectCopy;
const builds = new Map<string, string>();
let notOurs: { all: string; short: string[] } = { all: '', short: [] };

beforeAll(async () => {
  project = await copyProject('open-roadmap-i18n-');
  notOurs = await notWrittenBySite();
  for (const language of LANGUAGES) {
    // No request cards: images are not text, and they are tested on their own.
    await project.writeConfig({ ...demoConfig, site: { ...demoConfig.site, language, socialImages: { requests: 0 } } });
    const dist = join(project.root, `dist-${language}`);
    await buildFixture(project.root, { ROADMAP_SNAPSHOT_DIR: FIXTURE, ROADMAP_ASTRO_CACHE_DIR: join(project.root, `.cache-${language}`) }, ['--outDir', dist]);
    builds.set(language, dist);
  }
}, 600_000);

afterAll(async () => {
  await project?.remove();
});

async function publishedFiles(dist: string): Promise<string[]> {
  return (await readdir(dist, { recursive: true })).filter((file) => /\.(?:html|xml|svg)$/.test(file) && !file.startsWith('pagefind') && !file.startsWith('sitemap'));
}

describe.each(LANGUAGES)('the site in %s', (language) => {
  it('declares its language and direction on every page', async () => {
    const dist = builds.get(language) ?? '';
    const direction = language === 'ar' ? 'rtl' : 'ltr';
    const pages = (await publishedFiles(dist)).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const html = await readFile(join(dist, file), 'utf8');
      expect(/<html lang="([^"]+)" dir="([^"]+)"/.exec(html)?.slice(1), file).toEqual([language, direction]);
    }
  });

  it('leaves no English of the site and no message key in any page, feed or badge', async () => {
    const dist = builds.get(language) ?? '';
    const phrases = englishPhrases(language);
    // The check would pass on anything if the English list were empty or missed common words.
    expect(phrases).toEqual(expect.arrayContaining(['Vote on GitHub', 'Subscribe']));
    const keys = Object.keys(MESSAGES.en);
    const files = await publishedFiles(dist);
    expect(files.some((file) => file.endsWith('badge.svg'))).toBe(true);
    expect(files.some((file) => file.endsWith('atom.xml'))).toBe(true);
    const leftovers = new Map<string, string>();
    for (const file of files) {
      const source = await readFile(join(dist, file), 'utf8');
      for (const whole of readableText(source, file.endsWith('.html'), language)) {
        // GitHub's text as the site shows it: a title cut short with "…" (README cards), an
        // excerpt that starts with the alert's own English label, as GitHub titles alerts.
        const asWritten = whole.replace(/…$/, '').replace(/^(?:Note|Tip|Important|Warning|Caution): /, '');
        // An excerpt joins the sentences of several paragraphs: each is GitHub's on its own.
        const sentences = asWritten.split(/(?<=[.!?]) +/).filter((sentence) => sentence !== '');
        // Markdown's marks (`code`, *emphasis*) are not in the text a page shows.
        const unmarked = (text: string) => text.replace(/[`*_]/g, '');
        const githubText = unmarked(notOurs.all);
        if (notOurs.all.includes(whole) || (sentences.length > 0 && sentences.every((sentence) => githubText.includes(unmarked(sentence))))) continue;
        let text = whole;
        for (const quoted of notOurs.short) if (text.includes(quoted)) text = text.replaceAll(quoted, ' ');
        for (const phrase of phrases) {
          if (new RegExp(`(?<![\\p{L}])${escapeRegExp(phrase)}(?![\\p{L}])`, 'u').test(text)) leftovers.set(`"${phrase}" in "${text.slice(0, 120)}"`, file);
        }
        for (const key of keys) if (text.includes(key)) leftovers.set(`the key ${key}`, file);
      }
    }
    expect([...leftovers].map(([what, file]) => `${what} (${file})`)).toEqual([]);
  });
});
