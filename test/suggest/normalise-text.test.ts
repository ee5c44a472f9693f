import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../src/suggest/markdown-to-text.ts';
import { stem } from '../../src/suggest/stem.ts';
import { tokenize } from '../../src/suggest/tokenize.ts';

const terms = (text: string) => tokenize(text).map((token) => token.term);
const words = (text: string) => markdownToText(text).split(/\s+/).filter(Boolean);

describe('markdownToText keeps what describes the request and drops the rest', () => {
  it.each([
    ['fenced code blocks', 'Please add this:\n\n```ts\nexport default defineConfig({ cache: true });\n```\n\nThanks', ['Please', 'add', 'this:', 'Thanks']],
    ['tilde fences', 'Before\n~~~\nstack trace line\n~~~\nAfter', ['Before', 'After']],
    ['an unclosed fence, to the end as on GitHub', 'Before\n```\nlog line one\nlog line two', ['Before']],
    ['URLs, bare and linked, keeping link text', 'See https://example.com/a?b=c and [the docs](https://example.com/docs).', ['See', 'and', 'the', 'docs', '.']],
    ['images', 'Broken layout ![screenshot](https://github.com/user-attachments/assets/1234) on mobile', ['Broken', 'layout', 'on', 'mobile']],
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
    ['hopeful', 'hope'],
    ['go', 'go'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});
