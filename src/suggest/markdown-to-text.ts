/**
 * The words of an issue or Discussion body, without what would make unrelated requests look
 * alike: code blocks (configuration snippets, stack traces and logs repeat across requests),
 * HTML, URLs, images, `#12` references, `@mentions`, and headings — issue forms turn each
 * question into a heading, the same on every issue of a repository.
 *
 * Link text and inline code stay: "`srcset`" or "[view transitions](…)" name the feature.
 * Regular expressions are enough here: the text is only tokenised, never rendered.
 */

// An unclosed fence runs to the end of the text, as on GitHub; `(?![\s\S])` is the end of the text.
const FENCED_CODE = /^[ \t]{0,3}(`{3,}|~{3,})[^\n]*(?:\n[\s\S]*?)?(?:\n[ \t]{0,3}\1[`~]*[ \t]*(?=\n|(?![\s\S]))|(?![\s\S]))/gm;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const HEADING = /^[ \t]{0,3}#{1,6}(?:[ \t][^\n]*)?$/gm;
const IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)/g;
const LINK = /\[([^\]\n]*)\]\([^)\n]*\)/g;
const REFERENCE_LINK = /\[([^\]\n]*)\]\[[^\]\n]*\]/g;
const LINK_DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$/gm;
const INLINE_CODE = /(`+)([^`\n]+?)\1/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()]+/gi;
const HTML_TAG = /<\/?[a-z][^<>\n]*>/gi;
const HTML_ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z]+);/gi;
const ISSUE_REFERENCE = /(?:\b[\w.-]+\/[\w.-]+)?#\d+\b/g;
const MENTION = /(?<![\w.])@[\w-]+(?:\/[\w-]+)?/g;

export function markdownToText(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/g, '\n')
      .replace(HTML_COMMENT, ' ')
      .replace(FENCED_CODE, ' ')
      .replace(HEADING, ' ')
      .replace(LINK_DEFINITION, ' ')
      .replace(IMAGE, ' ')
      .replace(LINK, ' $1 ')
      .replace(REFERENCE_LINK, ' $1 ')
      // Inline code is kept as words: `<pre>` and `srcset` name things, but not as HTML to strip.
      .replace(INLINE_CODE, (_match, _ticks: string, code: string) => ` ${code.replace(/[<>/]/g, ' ')} `)
      .replace(URL, ' ')
      .replace(HTML_TAG, ' ')
      .replace(HTML_ENTITY, ' ')
      .replace(ISSUE_REFERENCE, ' ')
      .replace(MENTION, ' ')
  );
}
