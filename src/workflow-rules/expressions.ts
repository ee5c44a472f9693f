/**
 * Reading `${{ … }}` expressions out of raw workflow text: where each one is, and which context
 * values (`github.event.issue.title`, `inputs.tag`, `steps.x.outputs.y`) it reads.
 * Syntax: https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/evaluate-expressions-in-workflows-and-actions
 */

export interface Expression {
  /** Offset of `${{` in the text searched. */
  offset: number;
  /** What stands between `${{` and `}}`, or undefined when the expression is never closed. */
  body: string | undefined;
}

export function findExpressions(text: string): Expression[] {
  const found: Expression[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('${{', from);
    if (start === -1) return found;
    const end = closingBraces(text, start + 3);
    if (end === -1) {
      found.push({ offset: start, body: undefined });
      return found;
    }
    found.push({ offset: start, body: text.slice(start + 3, end) });
    from = end + 2;
  }
}

/** Index of the `}}` that closes an expression, skipping `}}` inside '…' string literals. */
function closingBraces(text: string, from: number): number {
  let inString = false;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === "'") {
      // '' is an escaped quote inside a string literal; it toggles twice.
      inString = !inString;
    } else if (!inString && char === '}' && text[index + 1] === '}') {
      return index;
    }
  }
  return -1;
}

const KEYWORDS = new Set(['true', 'false', 'null', 'NaN', 'Infinity']);
const REFERENCE = /([A-Za-z_][\w-]*)((?:\.(?:[A-Za-z_*][\w-]*)|\[[^\]]*\])*)(\s*\()?/g;

/** Context values an expression reads, as written with dots: `github.event.issue.title`, `github[…]`. */
export function contextReferences(body: string): string[] {
  const withoutStrings = body.replace(/'(?:[^']|'')*'/g, "''");
  const references: string[] = [];
  for (const match of withoutStrings.matchAll(REFERENCE)) {
    const [, root = '', rest = '', call] = match;
    const before = withoutStrings[(match.index ?? 0) - 1];
    // Skip function names (`contains(`), literals, and the tail of a number such as 1e3.
    if (call !== undefined || KEYWORDS.has(root) || (before !== undefined && /[\w.]/.test(before))) continue;
    references.push(`${root}${rest}`);
  }
  return references;
}
