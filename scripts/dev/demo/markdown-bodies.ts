import type { Area } from './labels.ts';
import type { Random } from './random.ts';
import { LOCALES_FOR_EXAMPLES, OTHER_GENERATORS, SITE_KINDS, fill } from './vocabulary.ts';

/**
 * Markdown bodies in the shapes GitHub users actually write: issue-form sections, free prose,
 * RFC-style proposals with task lists, comparison tables, screenshots. Everything a renderer must
 * cope with (headings, lists, code fences, tables, links, images, @mentions, #references) appears
 * somewhere.
 */

const CONFIG_SNIPPETS: Record<Area, string> = {
  routing: "export default defineConfig({\n  trailingSlash: 'always',\n  redirects: {\n    '/blog/*': '/posts/:splat',\n  },\n});",
  themes: "export default defineConfig({\n  theme: {\n    name: '@lumen/theme-default',\n    colorScheme: 'auto',\n  },\n});",
  i18n: "export default defineConfig({\n  i18n: {\n    locales: ['en', '{locale}'],\n    defaultLocale: 'en',\n    fallbackLocale: 'en',\n  },\n});",
  build: "export default defineConfig({\n  build: {\n    cacheDir: '.lumen/cache',\n    concurrency: 'auto',\n  },\n});",
  cli: '$ npx lumen build --json\n{ "pages": 1284, "warnings": 3, "durationMs": 8421 }',
  content: "import { defineCollection, z } from '@lumen/kit';\n\nexport const posts = defineCollection({\n  schema: z.object({ title: z.string(), date: z.date(), tags: z.array(z.string()) }),\n});",
  markdown: "export default defineConfig({\n  markdown: {\n    remarkPlugins: [],\n    smartypants: true,\n  },\n});",
  images: "export default defineConfig({\n  images: {\n    widths: [480, 960, 1440],\n    formats: ['avif', 'webp', 'jpeg'],\n  },\n});",
  plugins: "import { definePlugin } from '@lumen/kit';\n\nexport default definePlugin({\n  name: 'my-plugin',\n  setup(api) {\n    api.onPageRendered((page) => { /* ... */ });\n  },\n});",
  'dev-server': "export default defineConfig({\n  server: {\n    port: 4321,\n    open: true,\n  },\n});",
  seo: "export default defineConfig({\n  site: 'https://example.com',\n  sitemap: { lastmod: 'git' },\n});",
  search: "export default defineConfig({\n  search: {\n    exclude: ['changelog/**'],\n  },\n});",
  deploy: "export default defineConfig({\n  deploy: {\n    target: 'static',\n    compress: ['br', 'gzip'],\n  },\n});",
  accessibility: "export default defineConfig({\n  check: {\n    a11y: { level: 'AA', failOn: 'error' },\n  },\n});",
  data: "// data/releases.ts\nexport default async function load() {\n  const response = await fetch('https://api.example.com/releases');\n  return response.json();\n}",
  feeds: "export default defineConfig({\n  feed: {\n    collections: ['posts'],\n    content: 'full',\n  },\n});",
};

export function configSnippet(area: Area, random: Random): string {
  const language = area === 'cli' ? 'console' : 'ts';
  const body = fill(CONFIG_SNIPPETS[area], { locale: random.pick(LOCALES_FOR_EXAMPLES) });
  const header = language === 'ts' && !body.startsWith('//') && !body.startsWith('import') ? '// lumen.config.ts\n' : '';
  return `\`\`\`${language}\n${header}${body}\n\`\`\``;
}

/** A GitHub user-attachments URL, the form screenshots pasted into issues take today. */
export function attachmentUrl(random: Random): string {
  return `https://github.com/user-attachments/assets/${random.hex(8)}-${random.hex(4)}-${random.hex(4)}-${random.hex(4)}-${random.hex(12)}`;
}

export interface RequestBodyInput {
  problem: string;
  proposal: string;
  /** Null for documentation requests, which get no configuration snippet. */
  area: Area | null;
  /** Earlier items this one may mention, as `#N`. */
  related: number[];
  /** A maintainer to @mention, if the author would. */
  mention: string | null;
  lumenVersion: string;
}

function comparisonTable(random: Random): string {
  const generators = random.sample(OTHER_GENERATORS, 3);
  const answers = ['✅ built in', '✅ via plugin', '⚠️ partial', '❌'];
  const rows = generators.map((name) => `| ${name} | ${random.pick(answers)} |`);
  return ['| Generator | Support |', '| --- | --- |', ...rows, '| Lumen | ❌ |'].join('\n');
}

function relatedLine(random: Random, related: number[]): string {
  if (related.length === 0) return '';
  const picks = random.sample(related, random.int(1, Math.min(2, related.length)));
  const phrase = random.pick(['Related:', 'Possibly related to', 'See also', 'Somewhat connected to']);
  return `${phrase} ${picks.map((number) => `#${number}`).join(', ')}`;
}

export function requestBody(random: Random, input: RequestBodyInput): string {
  const snippets = input.area !== null;
  const style = random.weighted<'form' | 'prose' | 'rfc' | 'short' | 'table' | 'screenshot'>([
    ['form', 30],
    ['prose', snippets ? 25 : 0],
    ['rfc', snippets ? 12 : 0],
    ['short', 18],
    ['table', snippets ? 8 : 0],
    ['screenshot', 7],
  ]);
  const area = input.area ?? 'content';
  const related = relatedLine(random, input.related);
  const site = random.pick(SITE_KINDS);
  const cc = input.mention !== null && random.chance(0.3) ? `\n\ncc @${input.mention}` : '';
  switch (style) {
    case 'form':
      return [
        '### Is your feature request related to a problem? Please describe.',
        '',
        input.problem,
        '',
        "### Describe the solution you'd like",
        '',
        input.proposal,
        '',
        "### Describe alternatives you've considered",
        '',
        random.pick([
          'A custom plugin, but it has to hook into internals that change between releases.',
          'Post-processing the output with a script. It works but is slow and brittle.',
          'Switching generators, which we would rather not do.',
          'None really.',
        ]),
        '',
        '### Additional context',
        '',
        `Lumen ${input.lumenVersion}, used for ${site}.${related === '' ? '' : ` ${related}`}`,
      ].join('\n') + cc;
    case 'prose':
      return `${input.problem}\n\n${input.proposal} Something like:\n\n${configSnippet(area, random)}\n\n${related}${cc}`.trimEnd();
    case 'rfc':
      return [
        '## Summary',
        '',
        input.proposal,
        '',
        '## Motivation',
        '',
        `${input.problem} This matters for ${site}.`,
        '',
        '## Detailed design',
        '',
        configSnippet(area, random),
        '',
        '## Tasks',
        '',
        '- [ ] Agree on the config shape',
        `- [${random.chance(0.5) ? 'x' : ' '}] Prototype behind a flag`,
        '- [ ] Docs and an example',
        '- [ ] Tests for the edge cases',
        '',
        '## Open questions',
        '',
        '1. Should this be on by default?',
        '2. Does it need to work in `lumen dev` as well as `lumen build`?',
        related === '' ? '' : `\n${related}`,
      ].join('\n').trimEnd() + cc;
    case 'short':
      return `${input.problem} ${input.proposal}`;
    case 'table':
      return `${input.problem}\n\nOther generators handle this already:\n\n${comparisonTable(random)}\n\n**Proposal:** ${input.proposal}${cc}`;
    case 'screenshot':
      return `${input.problem}\n\n![Screenshot](${attachmentUrl(random)})\n\n${input.proposal}\n\n_Lumen ${input.lumenVersion}, ${random.pick(['macOS 15', 'Ubuntu 24.04', 'Windows 11', 'Fedora 41'])}_${cc}`;
  }
}

export interface BugBodyInput {
  area: Area;
  error: string;
  lumenVersion: string;
  nodeVersion: string;
  related: number[];
}

export function bugBody(random: Random, input: BugBodyInput): string {
  const os = random.pick(['macOS 15.1 (arm64)', 'Ubuntu 24.04', 'Windows 11 23H2', 'Debian 12', 'Fedora 41']);
  const lines = [
    '### Describe the bug',
    '',
    random.pick([
      'After upgrading, this started happening on every build.',
      'This happens intermittently, roughly one build in five.',
      'Reproducible every time with the minimal example below.',
      'Only happens in production builds; `lumen dev` is fine.',
    ]),
    '',
    '### To reproduce',
    '',
    '1. `npm create lumen@latest repro -- --template minimal`',
    `2. Add the snippet below to the config`,
    '3. Run `npx lumen build`',
    '',
    configSnippet(input.area, random),
    '',
    '### Expected behaviour',
    '',
    'The build succeeds and the output looks like it did before.',
    '',
  ];
  if (input.error !== '') lines.push('### Logs', '', '```', input.error, '```', '');
  lines.push(
    '### Environment',
    '',
    '| | |',
    '| --- | --- |',
    `| Lumen | ${input.lumenVersion} |`,
    `| Node.js | ${input.nodeVersion} |`,
    `| OS | ${os} |`,
  );
  const related = relatedLine(random, input.related);
  if (related !== '') lines.push('', related);
  return lines.join('\n');
}

export function questionBody(random: Random, title: string): string {
  return random.pick([
    `${title.replace(/\?$/, '')}? I read the docs but could not find it. Thanks!`,
    `Hi! Quick question: ${lowerFirst(title)}\n\nWhat I tried:\n\n\`\`\`ts\n// lumen.config.ts\nexport default defineConfig({ /* ... */ });\n\`\`\``,
    `New to Lumen, coming from ${random.pick(OTHER_GENERATORS)}. ${title}`,
  ]);
}

/** Lower-cases the first letter unless the first word is an acronym or a name like "FAQ" or "JSON". */
export function lowerFirst(text: string): string {
  const second = text.charAt(1);
  return second !== '' && second === second.toUpperCase() && second !== second.toLowerCase() ? text : `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/**
 * Generic ways people re-file an existing request without searching first. Used for marked
 * duplicates, where the link, not the wording, tells the story.
 */
export function rephraseTitle(random: Random, title: string): string {
  const lower = lowerFirst(title);
  return random.pick([
    `Feature request: ${lower}`,
    `[Feature] ${title}`,
    `Please add ${lower}`,
    `Any plans for ${lower}?`,
    `Request: ${lower}`,
    `${title} (like ${random.pick(OTHER_GENERATORS)})`,
  ]);
}
