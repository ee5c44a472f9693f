import type { Area } from './labels.ts';
import type { Random } from './random.ts';

/**
 * Combinatorial titles and short bodies for the bench preset, where tens of thousands of requests
 * must still look different from each other (so search, sorting and deduplication are exercised
 * on realistic text rather than "Request 1", "Request 2"...).
 */

const OPENERS: ReadonlyArray<readonly [string, number]> = [
  ['', 10],
  ['Feature request: ', 2],
  ['[RFC] ', 1],
  ['Proposal: ', 1],
  ['Idea: ', 1],
];

const VERBS = ['Support', 'Add', 'Allow', 'Improve', 'Expose', 'Configure', 'Speed up', 'Customise', 'Validate', 'Cache', 'Document', 'Simplify'] as const;

const SUBJECTS: ReadonlyArray<readonly [Area, string]> = [
  ['routing', 'custom permalinks'],
  ['routing', 'redirect rules'],
  ['routing', 'pagination'],
  ['routing', 'trailing slashes'],
  ['routing', 'nested layouts'],
  ['routing', 'dynamic routes'],
  ['themes', 'theme colours'],
  ['themes', 'dark mode'],
  ['themes', 'the sidebar'],
  ['themes', 'table of contents'],
  ['themes', 'font loading'],
  ['themes', 'code block themes'],
  ['i18n', 'fallback locales'],
  ['i18n', 'translated slugs'],
  ['i18n', 'RTL layouts'],
  ['i18n', 'date formatting'],
  ['i18n', 'language switcher'],
  ['build', 'incremental builds'],
  ['build', 'parallel rendering'],
  ['build', 'the build cache'],
  ['build', 'asset hashing'],
  ['build', 'HTML minification'],
  ['build', 'build hooks'],
  ['build', 'memory usage'],
  ['cli', 'project templates'],
  ['cli', 'shell completions'],
  ['cli', 'log output'],
  ['cli', 'upgrade codemods'],
  ['cli', 'JSON output'],
  ['content', 'content collections'],
  ['content', 'front matter schemas'],
  ['content', 'custom taxonomies'],
  ['content', 'related posts'],
  ['content', 'reading time'],
  ['content', 'excerpts'],
  ['content', 'archive pages'],
  ['markdown', 'footnotes'],
  ['markdown', 'callout blocks'],
  ['markdown', 'code block titles'],
  ['markdown', 'line highlighting'],
  ['markdown', 'wiki links'],
  ['markdown', 'heading anchors'],
  ['markdown', 'math rendering'],
  ['images', 'responsive images'],
  ['images', 'AVIF output'],
  ['images', 'image placeholders'],
  ['images', 'remote images'],
  ['images', 'SVG optimisation'],
  ['plugins', 'plugin hooks'],
  ['plugins', 'shortcodes'],
  ['plugins', 'virtual pages'],
  ['plugins', 'plugin options'],
  ['dev-server', 'hot reload'],
  ['dev-server', 'the error overlay'],
  ['dev-server', 'HTTPS in dev'],
  ['dev-server', 'the dev proxy'],
  ['seo', 'sitemaps'],
  ['seo', 'canonical URLs'],
  ['seo', 'Open Graph images'],
  ['seo', 'structured data'],
  ['search', 'client-side search'],
  ['search', 'search snippets'],
  ['search', 'search filters'],
  ['deploy', 'deploy adapters'],
  ['deploy', 'security headers'],
  ['deploy', 'pre-compressed assets'],
  ['deploy', 'staging configs'],
  ['accessibility', 'focus styles'],
  ['accessibility', 'skip links'],
  ['accessibility', 'alt text checks'],
  ['data', 'data files'],
  ['data', 'remote data'],
  ['data', 'environment variables'],
  ['data', 'Git metadata'],
  ['feeds', 'RSS feeds'],
  ['feeds', 'Atom feeds'],
  ['feeds', 'per-tag feeds'],
];

const QUALIFIERS = [
  '',
  'for large sites',
  'in the dev server',
  'per locale',
  'from the config file',
  'in the CLI',
  'for plugins',
  'with TypeScript',
  'per collection',
  'on Windows',
  'in monorepos',
  'for multilingual sites',
  'without JavaScript',
  'in watch mode',
  'for documentation sites',
  'for blogs',
  'in CI',
  'per page via front matter',
  'in the default theme',
  'for static hosts',
] as const;

const PROBLEMS = [
  'Right now {subject} cannot be configured {qualifier}, so we patch the output after every build.',
  'We run a site with about {count} pages and {subject} is the biggest pain point {qualifier}.',
  'Other generators handle {subject} {qualifier} out of the box; in Lumen it needs a custom plugin.',
  'Our team keeps tripping over {subject} {qualifier}.',
  'It would be great if {subject} worked {qualifier} without extra setup.',
  '{subject} {qualifier} is the last thing keeping us on our old generator.',
];

const PROPOSALS = [
  'A single option in `lumen.config.ts` would be enough.',
  'Happy to help with a pull request if the approach sounds right.',
  'Even an experimental flag would help us test it.',
  'Ideally this would be on by default with a way to opt out.',
  '',
];

export const BENCH_COMMENTS = [
  '+1',
  'We need this too.',
  'Any update on this?',
  'Same here, this would help a lot.',
  'Is there a workaround for now?',
  'Thanks for the suggestion, we will look into it.',
  'This would be really useful for our docs.',
  'Would love to see this in the next release.',
] as const;

export interface BenchText {
  title: string;
  body: string;
  area: Area;
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export function benchText(random: Random): BenchText {
  const [area, subject] = random.pick(SUBJECTS);
  const qualifier = random.pick(QUALIFIERS);
  const verb = random.pick(VERBS);
  const opener = random.weighted(OPENERS);
  const title = `${opener}${verb} ${subject}${qualifier === '' ? '' : ` ${qualifier}`}`;
  const problem = random
    .pick(PROBLEMS)
    .replace('{subject}', subject)
    .replace('{qualifier}', qualifier === '' ? 'today' : qualifier)
    .replace('{count}', String(random.pick([500, 2000, 8000, 30000])));
  const proposal = random.pick(PROPOSALS);
  return { title, body: capitalise(`${problem}${proposal === '' ? '' : `\n\n${proposal}`}`), area };
}
