/**
 * Fixture tests for the Markdown pipeline: every folder under `fixtures/markdown/` holds an
 * `input.md` and the `output.html` it must render to. After a deliberate change, regenerate
 * the outputs with `UPDATE_FIXTURES=1 npx vitest run test/markdown/markdown.test.ts` and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownExcerpt } from '../../src/markdown/markdown-excerpt.ts';
import { renderMarkdown } from '../../src/markdown/render-markdown.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const REPOSITORY = 'lumen-dev/lumen';

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** What must never come out of the pipeline, whatever went in. */
const LIVE_MARKUP = [
  /<script/i,
  /<iframe/i,
  /<object/i,
  /<embed/i,
  /<style/i,
  /<form/i,
  /<base/i,
  /<meta/i,
  /<link/i,
  /<svg/i,
  /<!--/,
  /\son[a-z]+\s*=/i,
  /\sstyle\s*=/i,
  /\ssrcdoc\s*=/i,
  /(?:href|src|action|formaction)\s*=\s*"\s*(?:javascript|data|vbscript):/i,
];

describe('renderMarkdown', () => {
  it('renders Markdown to HTML with references linked to the given repository', () => {
    const html = renderMarkdown('Closes #3', { repository: 'acme/widgets' });
    expect(html).toContain('href="https://github.com/acme/widgets/issues/3"');
  });

  it('links references to a GitHub Enterprise Server host', () => {
    const html = renderMarkdown('See #3 and @ada', { repository: 'acme/widgets', githubUrl: 'https://ghe.example.com/' });
    expect(html).toContain('href="https://ghe.example.com/acme/widgets/issues/3"');
    expect(html).toContain('href="https://ghe.example.com/ada"');
  });

  it('moves headings under the page’s own', () => {
    expect(renderMarkdown('## Notes\n\n### Detail', { repository: REPOSITORY, topHeadingLevel: 2 })).toMatch(/^<h2>Notes<\/h2>\s*<h3>Detail<\/h3>$/);
    expect(renderMarkdown('# Big', { repository: REPOSITORY })).toBe('<h3>Big</h3>');
  });

  it.each(cases)('%s', (name) => {
    const input = readFileSync(join(FIXTURES, name, 'input.md'), 'utf8');
    const outputFile = join(FIXTURES, name, 'output.html');
    const html = `${renderMarkdown(input, { repository: REPOSITORY })}\n`;
    if (UPDATE || !existsSync(outputFile)) writeFileSync(outputFile, html);
    expect(html).toBe(readFileSync(outputFile, 'utf8'));
    for (const pattern of LIVE_MARKUP) expect(html, `${name} must not contain ${pattern}`).not.toMatch(pattern);
  });

  it('keeps blocks of raw HTML apart, so that search and excerpts read them as separate words', () => {
    const html = renderMarkdown('<dl><dt>Term</dt><dd>Meaning</dd></dl><table><tr><th>Left</th><th>Right</th></tr></table>', { repository: REPOSITORY });
    const text = html.replace(/<[^>]*>/g, '');
    for (const pair of [['Term', 'Meaning'], ['Left', 'Right']] as const) expect(text).toMatch(new RegExp(`${pair[0]}\\s+${pair[1]}`));
    // Inside <pre>, a line break would show.
    expect(renderMarkdown('<pre><b>a</b><i>b</i></pre>', { repository: REPOSITORY })).toBe('<pre tabindex="0"><b>a</b><i>b</i></pre>');
  });

  it('prefixes every id and name with user-content-', () => {
    const html = renderMarkdown(readFileSync(join(FIXTURES, 'xss-id-clobbering', 'input.md'), 'utf8'), { repository: REPOSITORY });
    const names = [...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const value of names) expect(value).toMatch(/^user-content-/);
  });

  it('marks user links as user-generated and loads images lazily', () => {
    const html = renderMarkdown('[a](https://example.com) ![b](https://user-images.githubusercontent.com/1/b.png)', { repository: REPOSITORY });
    expect(html).toContain('rel="ugc nofollow noopener"');
    expect(html).toMatch(/<img[^>]*loading="lazy"[^>]*decoding="async"/);
  });

  it('points footnote links at their prefixed targets', () => {
    const html = renderMarkdown('Claim[^1].\n\n[^1]: Source.', { repository: REPOSITORY });
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    expect(targets.length).toBe(2);
    for (const target of targets) expect(ids.has(target), target).toBe(true);
  });
  it('renders a text the same whether or not it has raw HTML or references for the longer way', () => {
    // Nothing here is raw HTML or can be a reference, so it skips rehype-raw and remark-github.
    const input = [
      'Title',
      '=====',
      '',
      'Some *emphasis*, **strong**, ~~gone~~ and `code`, see www.example.com or [docs](https://example.com/docs).',
      '',
      '- [x] done',
      '- [ ] open',
      '',
      '| a | b | c |',
      '| :- | :-: | -: |',
      '| 1 | 2 | `<b>` |',
      '',
      '3. third\\',
      '   line  ',
      '   break',
      '   - nested &copy; <https://example.com/auto>',
      '',
      '***',
      '',
      '> Quoted[^note].',
      '',
      '```js',
      'const answer = 42;',
      '```',
      '',
      '![chart](https://example.com/chart.png)',
      '',
      '[^note]: A footnote.',
      '',
    ].join('\n');
    const short = renderMarkdown(input, { repository: REPOSITORY });
    expect(short).toContain('<table>');
    // Raw HTML and `#1` (in code, so no reference) each send the text through the step it
    // adds, which must change nothing else.
    const withHtml = renderMarkdown(`<b>B</b>\n\n${input}`, { repository: REPOSITORY });
    expect(withHtml).toBe(`<p><b>B</b></p>\n${short}`);
    const withCode = renderMarkdown(`A \`#1\`.\n\n${input}`, { repository: REPOSITORY });
    expect(withCode).toBe(`<p>A <code>#1</code>.</p>\n${short}`);
  });
});

describe('GitHub alerts', () => {
  // GitHub's kinds and the titles it shows for them (docs.github.com, "Alerts").
  const KINDS = [
    ['NOTE', 'note', 'Note'],
    ['TIP', 'tip', 'Tip'],
    ['IMPORTANT', 'important', 'Important'],
    ['WARNING', 'warning', 'Warning'],
    ['CAUTION', 'caution', 'Caution'],
    ['warning', 'warning', 'Warning'],
  ] as const;

  it.each(KINDS)('renders [!%s] as GitHub’s %s box, titled %s, the marker gone', (marker, kind, title) => {
    const html = renderMarkdown(`> [!${marker}]\n> Back up *first*.`, { repository: REPOSITORY });
    expect(html).toBe(`<div class="markdown-alert markdown-alert-${kind}"><p class="markdown-alert-title">${title}</p>\n<p>Back up <em>first</em>.</p>\n</div>`);
  });

  it.each([
    ['an unknown kind', '> [!FOO]\n> Text.'],
    ['text on the marker’s line', '> [!NOTE] Text.'],
    ['nothing after the marker', '> [!NOTE]'],
    ['a quote in a quote', '> > [!NOTE]\n> > Text.'],
    ['a quote in a list', '- > [!NOTE]\n  > Text.'],
  ])('leaves %s a quote, marker and all', (_case, markdown) => {
    const html = renderMarkdown(markdown, { repository: REPOSITORY });
    expect(html).toContain('<blockquote>');
    expect(html).toMatch(/\[!(FOO|NOTE)\]/);
    expect(html).not.toContain('markdown-alert');
  });

  it('reads as its title and text in excerpts, and stays a quote where it is none', () => {
    expect(markdownExcerpt('> [!WARNING]\n> Back up **first**.\n\nThen upgrade.')).toBe('Warning: Back up first. Then upgrade.');
    expect(markdownExcerpt('Intro.\n\n> [!tip]\n> Use `--watch`.\n>\n> - fast\n- ok')).toBe('Intro. Tip: Use --watch. fast ok');
    expect(markdownExcerpt('> [!NOTE] Same line.')).toBe('[!NOTE] Same line.');
    expect(markdownExcerpt('> > [!NOTE]\n> > Nested.')).toBe('[!NOTE] Nested.');
  });
});

describe('markdownExcerpt', () => {
  it('keeps the words a reader sees and drops headings, markup, code and raw HTML', () => {
    const text = markdownExcerpt('### Is your feature request related to a problem?\n\nPlease add **dark** mode.<script>x</script>\n\n```js\ncode()\n```\n\n![shot](a.png) See `theme`.');
    expect(text).toBe('Please add dark mode. See theme.');
  });

  it('cuts long text at a word and marks the cut', () => {
    const text = markdownExcerpt('word '.repeat(100), 40);
    expect(text.length).toBeLessThanOrEqual(40);
    expect(text).toMatch(/word…$/);
  });
});
