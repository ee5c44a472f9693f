/**
 * Names that software users give the same feature. Two requests for "dark mode" and a "night
 * theme" are the same request, but share no word a stemmer could find. The list is short on
 * purpose: each entry is a synonym any project's tracker sees, not a phrase from one tracker.
 *
 * Each group becomes one term whose id contains a hyphen, which no word token can, so it never
 * collides with a word and is never stemmed.
 */
export interface SynonymGroup {
  /** The term, as the report shows it among shared terms. */
  name: string;
  /**
   * Lower-case phrases, words separated by spaces; a trailing "s" or "es" on the last word also
   * matches, and so does a phrase of several words written as one ("darkmode", "basePath").
   */
  phrases: readonly string[];
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = [
  {
    name: 'dark mode',
    phrases: ['dark mode', 'dark theme', 'night mode', 'night theme', 'dark color scheme', 'dark colour scheme'],
  },
  {
    name: 'i18n',
    phrases: [
      'i18n',
      'l10n',
      'internationalization',
      'internationalisation',
      'localization',
      'localisation',
      'translation',
      'translations',
      'translate',
      'translated',
      'translating',
      'multilingual',
      'multi language',
      'multiple languages',
    ],
  },
  { name: 'right-to-left', phrases: ['rtl', 'right to left'] },
  { name: 'accessibility', phrases: ['a11y', 'accessibility', 'accessible'] },
  { name: 'documentation', phrases: ['docs', 'doc', 'documentation'] },
  { name: 'configuration', phrases: ['config', 'configuration', 'configure', 'configured', 'configuring'] },
  { name: 'repository', phrases: ['repo', 'repos', 'repository', 'repositories'] },
  { name: 'javascript', phrases: ['js', 'javascript'] },
  { name: 'directory', phrases: ['directory', 'directories', 'folder', 'dir'] },
  { name: 'keyboard shortcut', phrases: ['keyboard shortcut', 'hot key', 'key binding', 'shortcut key'] },
  { name: 'hot reload', phrases: ['hot reload', 'hot reloading', 'live reload', 'live reloading', 'hmr', 'hot module replacement'] },
  {
    name: 'parallel',
    phrases: [
      'parallel',
      'parallelism',
      'parallelize',
      'parallelise',
      'concurrency',
      'concurrent',
      'multithreading',
      'multi threaded',
      'multiple threads',
      'worker thread',
      'worker pool',
      'thread pool',
      'cpu core',
      'multiple cores',
      'multi core',
    ],
  },
  { name: 'minify', phrases: ['minify', 'minified', 'minifies', 'minifying', 'minification', 'minifier', 'compress', 'compressed', 'compression', 'uglify'] },
  { name: 'broken link', phrases: ['broken link', 'dead link', 'link rot'] },
  { name: 'draft', phrases: ['draft', 'unpublished', 'work in progress', 'wip'] },
  { name: 'alt text', phrases: ['alt text', 'alt attribute', 'alternative text', 'image description'] },
  { name: 'base path', phrases: ['base path', 'path prefix', 'sub path', 'sub directory', 'sub folder'] },
  { name: 'mobile', phrases: ['mobile', 'phone', 'smartphone', 'mobile device'] },
  { name: 'development', phrases: ['dev', 'development'] },
  { name: 'taxonomy', phrases: ['taxonomy', 'taxonomies', 'classification'] },
  { name: 'sign in', phrases: ['sign in', 'log in', 'log on'] },
  { name: 'feed', phrases: ['rss', 'feed'] },
  { name: 'seo', phrases: ['seo', 'search engine optimization', 'search engine optimisation'] },
  { name: 'ci', phrases: ['ci', 'continuous integration'] },
];

/** A phrase split into words, with the term it stands for. */
export interface CompiledPhrase {
  words: readonly string[];
  term: string;
  name: string;
}

/** The term id of a synonym group: its name with spaces as hyphens, prefixed so it cannot be a word. */
export function synonymTerm(group: SynonymGroup): string {
  return `syn-${group.name.replace(/\s+/g, '-')}`;
}

/** Phrases by their first word, longest first, so "dark color scheme" wins over a shorter match. */
export function compileSynonyms(groups: readonly SynonymGroup[]): Map<string, CompiledPhrase[]> {
  const byFirstWord = new Map<string, CompiledPhrase[]>();
  const add = (words: readonly string[], group: SynonymGroup): void => {
    const first = words[0];
    if (first === undefined) return;
    const compiled: CompiledPhrase = { words, term: synonymTerm(group), name: group.name };
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), compiled]);
  };
  for (const group of groups) {
    for (const phrase of group.phrases) {
      const words = phrase.split(/\s+/).filter(Boolean);
      add(words, group);
      if (words.length > 1) add([words.join('')], group);
    }
  }
  for (const phrases of byFirstWord.values()) phrases.sort((a, b) => b.words.length - a.words.length);
  return byFirstWord;
}

function wordMatches(token: string, word: string, isLast: boolean): boolean {
  return token === word || (isLast && (token === `${word}s` || token === `${word}es`));
}

/** The phrase starting at `tokens[start]`, if any. */
export function matchPhrase(tokens: readonly string[], start: number, phrases: ReadonlyMap<string, readonly CompiledPhrase[]>): CompiledPhrase | null {
  const first = tokens[start];
  if (first === undefined) return null;
  const candidates = phrases.get(first) ?? phrases.get(first.replace(/e?s$/, '')) ?? [];
  for (const phrase of candidates) {
    if (start + phrase.words.length > tokens.length) continue;
    const matches = phrase.words.every((word, offset) => wordMatches(tokens[start + offset] ?? '', word, offset === phrase.words.length - 1));
    if (matches) return phrase;
  }
  return null;
}
