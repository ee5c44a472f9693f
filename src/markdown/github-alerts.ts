/**
 * GitHub's alerts: a blockquote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]` renders as a titled, coloured box.
 * https://docs.github.com/en/get-started/writing-on-github/getting-started-with-writing-and-formatting-on-github/basic-writing-and-formatting-syntax#alerts
 *
 * `rehype-github-alerts` finds them as GitHub does: only with the marker alone on its first line
 * (`> [!NOTE] Text` stays a quote), never empty, any other `[!WORD]` left a quote. It would also
 * take quotes inside lists and quotes, which GitHub does not ("Alerts cannot be nested within
 * other elements"), so it is shown the top-level quotes only (`rehypeGithubTopLevelAlerts`). We build the
 * box as GitHub's HTML (`<div class="markdown-alert markdown-alert-note"><p
 * class="markdown-alert-title">Note</p>…`) without its octicon: the title says the kind, the
 * colour repeats it, and user content keeps allowing no SVG at all.
 *
 * Excerpts read the Markdown tree instead (`alertOf`), with the same rules, so that a summary
 * says "Warning: …" where the page shows the box, and never "[!WARNING]".
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Blockquote, Text } from 'mdast';
import { rehypeGithubAlerts, type IAlert, type IOptions } from 'rehype-github-alerts';

/** The kinds GitHub knows, with the title it shows. */
export const ALERT_TITLES = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
} as const;

export type AlertKind = keyof typeof ALERT_TITLES;

export const ALERT_KINDS = Object.keys(ALERT_TITLES) as AlertKind[];

/** The classes an alert's HTML carries, for the sanitizing schema. */
export const ALERT_CLASSES = {
  box: ['markdown-alert', ...ALERT_KINDS.map((kind) => `markdown-alert-${kind}`)],
  title: ['markdown-alert-title'],
} as const;

function buildAlert(alert: IAlert, children: ElementContent[]): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['markdown-alert', `markdown-alert-${alert.keyword.toLowerCase()}`] },
    children: [{ type: 'element', tagName: 'p', properties: { className: ['markdown-alert-title'] }, children: [{ type: 'text', value: alert.title }] }, ...children],
  };
}

const ALERT_OPTIONS: IOptions = {
  // No icons: ours are built without them, so none has to be loaded or sanitized.
  alerts: ALERT_KINDS.map((kind) => ({ keyword: kind.toUpperCase(), title: ALERT_TITLES[kind], icon: '' })),
  build: buildAlert,
};

/** A name no HTML element has, that nested quotes wear while the plugin runs. */
const HIDDEN_QUOTE = 'x-nested-blockquote';

function nestedQuotes(node: Root | RootContent, depth: number, found: Element[]): Element[] {
  if (node.type === 'element' && node.tagName === 'blockquote' && depth > 1) found.push(node);
  if ('children' in node) for (const child of node.children) nestedQuotes(child, depth + 1, found);
  return found;
}

/**
 * `rehype-github-alerts` on the top-level quotes only. (The plugin keeps its options in its
 * module when attached; every processor attaches it with these same ones.)
 */
export function rehypeGithubTopLevelAlerts() {
  const transform = rehypeGithubAlerts(ALERT_OPTIONS);
  return (tree: Root): undefined => {
    const hidden = nestedQuotes(tree, 0, []);
    for (const quote of hidden) quote.tagName = HIDDEN_QUOTE;
    transform(tree);
    for (const quote of hidden) quote.tagName = 'blockquote';
  };
}

const MARKER = /^\[!([a-z]+)\][ \t]*(?:\r?\n|$)/i;

/**
 * The alert `blockquote` is, with the text after its marker, when it is one; `blockquote` must
 * be at the top level of its text (a child of the root), as GitHub requires. Rules as
 * `rehype-github-alerts` applies them: the marker alone on the first line of the first paragraph,
 * a known kind, something after it.
 */
export function alertOf(blockquote: Blockquote): { kind: AlertKind; rest: string } | undefined {
  const [first, ...others] = blockquote.children;
  if (first?.type !== 'paragraph') return undefined;
  const [text, ...inline] = first.children;
  if (text?.type !== 'text') return undefined;
  const match = MARKER.exec(text.value);
  const kind = match?.[1]?.toLowerCase();
  if (match === null || !isAlertKind(kind)) return undefined;
  const rest = text.value.slice(match[0].length);
  if (rest.trim() === '' && inline.length === 0 && others.length === 0) return undefined;
  return { kind, rest };
}

function isAlertKind(kind: string | undefined): kind is AlertKind {
  return kind !== undefined && Object.hasOwn(ALERT_TITLES, kind);
}

/** `blockquote`'s first paragraph without the marker, for reading an alert's text. */
export function withoutMarker(blockquote: Blockquote, rest: string): Blockquote {
  const [first, ...others] = blockquote.children;
  if (first?.type !== 'paragraph') return blockquote;
  const restText: Text = { type: 'text', value: rest };
  return { ...blockquote, children: [{ ...first, children: [restText, ...first.children.slice(1)] }, ...others] };
}
