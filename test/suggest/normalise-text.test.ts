import { describe, expect, it } from 'vitest';
import { countRuns, withoutBoilerplate } from '../../src/suggest/boilerplate.ts';
import { markdownToText } from '../../src/suggest/markdown-to-text.ts';
import { projectSpelling, respell } from '../../src/suggest/spelling.ts';
import { stem } from '../../src/suggest/stem.ts';
import { tokenize, words as splitWords } from '../../src/suggest/tokenize.ts';

const terms = (text: string) => tokenize(text).map((token) => token.term);
const words = (text: string) => markdownToText(text).split(/\s+/).filter(Boolean);

describe('markdownToText keeps what describes the request and drops the rest', () => {
  it.each([
    ['fenced code blocks', 'Please add this:\n\n```ts\nexport default defineConfig({ cache: true });\n```\n\nThanks', ['Please', 'add', 'this:', 'Thanks']],
    ['tilde fences', 'Before\n~~~\nstack trace line\n~~~\nAfter', ['Before', 'After']],
    ['an unclosed fence, to the end as on GitHub', 'Before\n```\nlog line one\nlog line two', ['Before']],
    ['indented code blocks', 'Crashes with:\n\n    TypeError: cannot read properties\n\nafter an upgrade', ['Crashes', 'with:', 'after', 'an', 'upgrade']],
    ['URLs, bare and linked, keeping link text', 'See https://example.com/a?b=c and [the docs](https://example.com/docs).', ['See', 'and', 'the', 'docs', '.']],
    ['images', 'Broken layout ![screenshot](https://github.com/user-attachments/assets/1234) on mobile', ['Broken', 'layout', 'on', 'mobile']],
    ['reference-style images', 'Broken layout ![screenshot][shot] on mobile\n\n[shot]: https://github.com/user-attachments/assets/1234', ['Broken', 'layout', 'on', 'mobile']],
    ['HTML tags and comments', '<!-- template hint -->Use <kbd>Ctrl</kbd> <b>here</b>', ['Use', 'Ctrl', 'here']],
    ['issue references and mentions', 'Related to #12 and acme/widgets#3, cc @octocat', ['Related', 'to', 'and', ',', 'cc']],
    ['issue-form headings', '### Is your feature request related to a problem?\n\nExports are slow.', ['Exports', 'are', 'slow.']],
  ])('drops %s', (_what, markdown, expected) => {
    expect(words(markdown)).toEqual(expected);
  });

  it('keeps inline code as words: it usually names the feature', () => {
    expect(words('Support `srcset` on `<img>` tags')).toEqual(['Support', 'srcset', 'on', 'img', 'tags']);
  });
});

describe('tokenize', () => {
  it.each([
    ['grammatical forms', 'exports exported exporting export', 'export export export export'],
    ['British and American spellings', 'customise customize colour color localised localized', 'custom custom color color local local'],
    ['synonyms for dark mode', 'dark mode, dark theme, night theme, dark colour scheme', 'syn-dark-mode syn-dark-mode syn-dark-mode syn-dark-mode'],
    ['synonyms for internationalisation', 'i18n, internationalization, translations, localisation', 'syn-i18n syn-i18n syn-i18n syn-i18n'],
    ['multi-word synonyms across hyphens', 'Right-to-left scripts', 'syn-right-to-left script'],
    ['minifying and compressing', 'minify, minified output, compress, compression', 'syn-minify syn-minify output syn-minify syn-minify'],
    ['dead and broken links', 'dead links, a broken link', 'syn-broken-link syn-broken-link'],
    ['threads, cores and parallelism', 'multiple threads, worker pool, CPU cores, parallel', 'syn-parallel syn-parallel syn-parallel syn-parallel'],
    ['drafts and unpublished pages', 'draft, unpublished, work in progress', 'syn-draft syn-draft syn-draft'],
    ['a phrase written as one word', 'darkmode, basePath', 'syn-dark-mode syn-base-path'],
  ])('folds %s into one term', (_what, text, expected) => {
    expect(terms(text).join(' ')).toBe(expected);
  });

  it('drops stop words, request framing and bare numbers, lower-cases and strips accents', () => {
    expect(terms('Please add support for the Résumé export in version 2.4, it would be great!')).toEqual(['resum', 'export', 'version']);
  });

  it('keeps the word as written for the report', () => {
    expect(tokenize('Translations of Exported files').map((token) => token.surface)).toEqual(['i18n', 'exported', 'files']);
  });
});

describe('stem (Porter)', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['agreed', 'agre'],
    ['motoring', 'motor'],
    ['hopping', 'hop'],
    ['relational', 'relat'],
    ['generalizations', 'gener'],
    ['adjustment', 'adjust'],
    ['optimisation', 'optim'],
    ['optimization', 'optim'],
    ['customised', 'custom'],
    ['customizing', 'custom'],
    ['colours', 'color'],
    // A short stem keeps its "s": "promise" is not a British spelling.
    ['promises', 'promis'],
    ['hopeful', 'hope'],
    ['go', 'go'],
    // Porter2's "-ly" rule: only after the letters that can end a stem before "-ly".
    ['monthly', 'month'],
    ['quickly', 'quick'],
    ['family', 'famili'],
    ['rely', 'reli'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('boilerplate', () => {
  const bodies = (...texts: string[]) => texts.map((text) => text.split('\n').map((line) => splitWords(line)));

  it('leaves out runs of five words that three bodies share, and keeps the rest of the line', () => {
    const corpus = bodies('Exports are slow. Lumen 1.2, used for a documentation site.', 'Search is slow. Lumen 1.3, used for a documentation site.', 'Lumen 1.4, used for a documentation site. Feeds are late.');
    const [line] = corpus[0] ?? [];
    expect(withoutBoilerplate(line ?? [], countRuns(corpus))).toEqual([['exports', 'are', 'slow', 'lumen', '1', '2']]);
  });

  it('leaves out a short line that three bodies share whole, such as a template task', () => {
    const corpus = bodies('Export to PDF.\nDocs and an example', 'Import from CSV.\nDocs and an example', 'Print a board.\nDocs and an example');
    const runs = countRuns(corpus);
    expect(withoutBoilerplate(splitWords('Docs and an example'), runs)).toEqual([]);
    expect(withoutBoilerplate(splitWords('Export to PDF.'), runs)).toEqual([['export', 'to', 'pdf']]);
  });

  it('keeps a short line that only two bodies share', () => {
    const corpus = bodies('Docs and an example', 'Docs and an example', 'Something else');
    expect(withoutBoilerplate(splitWords('Docs and an example'), countRuns(corpus))).toEqual([['docs', 'and', 'an', 'example']]);
  });
});

describe('spelling, as the rest of the project spells it', () => {
  const spellingOf = (...texts: string[]) => projectSpelling(texts.map((text) => new Set(splitWords(text))));

  it('reads a word of one request as the common word it misspells: two letters swapped, one left out or added', () => {
    const spelling = spellingOf('Markdown preview', 'Markdown tables', 'Configure the markdown renderer', 'Configure themes', 'Markdwon previews', 'How to confgure it');
    expect(respell(splitWords('Markdwon previews, how to confgure it'), spelling)).toEqual(['markdown', 'previews', 'how', 'to', 'configure', 'it']);
  });

  it('leaves alone words that are more often other words than typos', () => {
    const spelling = spellingOf('Drafts folder', 'Drafts view', 'Plans drifts', 'Notice banner', 'Notice text', 'Noticed late', 'Night theme', 'Night mode', 'Light theme');
    // A changed letter ("drifts"), a changed ending ("noticed"), short words ("light").
    expect(respell(splitWords('drifts noticed light'), spelling)).toEqual(['drifts', 'noticed', 'light']);
  });

  it('joins two words that other requests write as one, but not stop words', () => {
    const spelling = spellingOf('Autocomplete for tags', 'Better autocomplete', 'Something in line', 'Inline editing');
    expect(respell(splitWords('auto complete for tags, in line'), spelling)).toEqual(['autocomplete', 'for', 'tags', 'in', 'line']);
  });
});
