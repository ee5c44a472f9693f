/**
 * Finds references to issues and Discussions in Markdown written on GitHub: `#12`,
 * `owner/repo#12` and links such as `https://github.com/owner/repo/issues/12` or
 * `…/discussions/7`. Pull request links are not references to requests and are skipped.
 *
 * Text inside code (fenced blocks, inline code) and HTML comments is ignored, as GitHub does
 * when it links references: `` `#12` `` in a code span names nothing.
 */
import type { ItemRef } from '../snapshot/schema.ts';

// One pattern per way of writing a reference; each captures owner, name and number (or only the
// number for the short form). Host is not checked, so GitHub Enterprise Server links work too.
const URL_REFERENCE = String.raw`https?:\/\/[^\s/<>()]+\/([\w-]+)\/([\w.-]+)\/(?:issues|discussions)\/(\d+)(?![\w/])`;
const REPOSITORY_REFERENCE = String.raw`(?<![\w/.-])([\w-]+)\/([\w.-]+)#(\d+)\b`;
const SHORT_REFERENCE = String.raw`(?<![\w/&#])#(\d+)\b`;
const ANY_REFERENCE = `(?:${URL_REFERENCE}|${REPOSITORY_REFERENCE}|${SHORT_REFERENCE})`;

const REFERENCES = new RegExp(ANY_REFERENCE, 'g');
/** GitHub's own wording when a maintainer marks a duplicate: "Duplicate of #12". */
const DUPLICATE_OF = new RegExp(String.raw`\bduplicate\s+of\s*:?\s*(?:(?:the\s+)?(?:issue|discussion)\s+)?${ANY_REFERENCE}`, 'i');
/**
 * GitHub's closing keywords, plus "ship", which release notes use: "Closes #12",
 * "Fixes owner/repo#3", "Ships #4, #5 and #6".
 */
const CLOSING_KEYWORD = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|ship(?:s|ped)?)\b:?[ \t]+/gi;
const LIST_SEPARATOR = /^\s*(?:,|\band\b|&)\s*/i;
const CODE_AND_COMMENTS = /(^|\n)[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n[ \t]*\2[^\n]*(?=\n|$)|$)|`+[^`\n]+`+|<!--[\s\S]*?(?:-->|$)/g;

function withoutCode(markdown: string): string {
  return markdown.replace(CODE_AND_COMMENTS, (match, lineStart: string | undefined) =>
    // Keep the line break before a fence and blank the rest, so positions of words stay apart.
    `${lineStart ?? ''}${' '.repeat(Math.max(0, match.length - (lineStart?.length ?? 0)))}`,
  );
}

function toRef(match: RegExpExecArray, offset: number, repository: string): ItemRef | null {
  const [urlOwner, urlName, urlNumber, repoOwner, repoName, repoNumber, shortNumber] = match.slice(offset + 1, offset + 8);
  if (urlNumber !== undefined) return { repository: `${urlOwner ?? ''}/${urlName ?? ''}`, number: Number(urlNumber) };
  if (repoNumber !== undefined) return { repository: `${repoOwner ?? ''}/${repoName ?? ''}`, number: Number(repoNumber) };
  if (shortNumber !== undefined) return { repository, number: Number(shortNumber) };
  return null;
}

function isValid(ref: ItemRef | null): ref is ItemRef {
  return ref !== null && Number.isSafeInteger(ref.number) && ref.number > 0;
}

/** Every reference in `markdown`, in order of appearance; `#12` means `repository`'s item 12. */
export function findReferences(markdown: string, repository: string): ItemRef[] {
  const refs: ItemRef[] = [];
  for (const match of withoutCode(markdown).matchAll(REFERENCES)) {
    const ref = toRef(match, 0, repository);
    if (isValid(ref)) refs.push(ref);
  }
  return refs;
}

/** The item named by "Duplicate of …", or null when the text does not say so. */
export function findDuplicateOf(markdown: string, repository: string): ItemRef | null {
  const match = DUPLICATE_OF.exec(withoutCode(markdown));
  if (!match) return null;
  const ref = toRef(match, 0, repository);
  return isValid(ref) ? ref : null;
}

/** Items a release says it closes, fixes, resolves or ships, in order of appearance. */
export function findClosingReferences(markdown: string, repository: string): ItemRef[] {
  const text = withoutCode(markdown);
  const refs: ItemRef[] = [];
  const single = new RegExp(`^${ANY_REFERENCE}`);
  for (const keyword of text.matchAll(CLOSING_KEYWORD)) {
    let rest = text.slice((keyword.index ?? 0) + keyword[0].length);
    // A keyword may be followed by a list: "Ships #4, #5 and owner/repo#6".
    for (;;) {
      const match = single.exec(rest);
      if (!match) break;
      const ref = toRef(match, 0, repository);
      if (isValid(ref)) refs.push(ref);
      rest = rest.slice(match[0].length);
      const separator = LIST_SEPARATOR.exec(rest);
      if (!separator) break;
      rest = rest.slice(separator[0].length);
    }
  }
  return refs;
}
