/**
 * The suggested-duplicates report as a terminal table: score, both requests (reference, title,
 * votes) and the shared terms, each cell cut to fit.
 */
import { requestReference, type RequestSummary, type SuggestionRow } from './suggestion-rows.ts';

const TITLE_WIDTH = 44;
const TERMS_WIDTH = 40;

/** Titles are untrusted: control characters (terminal escape sequences) are dropped. */
export function terminalText(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\p{Cc}/gu, '').trim();
}

function fit(text: string, width: number): string {
  const characters = [...text];
  return characters.length <= width ? text.padEnd(width) : `${characters.slice(0, width - 1).join('')}…`;
}

function requestCell(request: RequestSummary, firstRepository: string | undefined): string {
  const reference = requestReference(request, firstRepository);
  const kind = request.type === 'discussion' ? ' (D)' : '';
  return fit(`${reference} ${terminalText(request.title)}${kind}`, TITLE_WIDTH);
}

export function reportTable(rows: readonly SuggestionRow[], firstRepository: string | undefined): string {
  const header = `${'Score'.padEnd(6)}${fit('Request', TITLE_WIDTH)} ${'Votes'.padStart(5)}  ${fit('Looks like', TITLE_WIDTH)} ${'Votes'.padStart(5)}  Shared terms`;
  const lines = [header, '─'.repeat(header.length + TERMS_WIDTH - 'Shared terms'.length)];
  for (const row of rows) {
    lines.push(
      `${row.score.toFixed(2).padEnd(6)}${requestCell(row.a, firstRepository)} ${String(row.a.votes).padStart(5)}  ` +
        `${requestCell(row.b, firstRepository)} ${String(row.b.votes).padStart(5)}  ${fit(terminalText(row.reasons.join(', ')), TERMS_WIDTH).trimEnd()}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
