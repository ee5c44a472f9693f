/**
 * The suggested-duplicates report as Markdown, for maintainers to read in an editor or on
 * GitHub: one table row per pair, both requests linked to GitHub, and, when the right answer is
 * known (the demo project), how the suggestions measure against it.
 */
import type { Evaluation } from './evaluate-suggestions.ts';
import { requestReference, type RequestSummary, type SuggestionRow } from './suggestion-rows.ts';

export interface ReportContext {
  /** When the snapshot was synced. */
  syncedAt: string;
  /** How many requests were compared. */
  requests: number;
  threshold: number;
  /** The first configured repository, whose requests are named `#12`. */
  firstRepository: string | undefined;
  /** Suggestions above the threshold before `--limit` cut the list. */
  totalSuggestions: number;
}

export interface ReportEvaluation {
  /** Where the answer came from, in a few words. */
  source: string;
  evaluation: Evaluation;
  /** The requests by key, to name missed pairs. */
  requestOf: (key: string) => RequestSummary | undefined;
}

/** Titles are untrusted: as plain text in a table cell, nothing in them may become Markdown or HTML. */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, (char) => `\\${char}`)
    .trim();
}

/** A link target that cannot end the link early: parentheses, brackets and spaces percent-encoded. */
function markdownUrl(url: string): string {
  return url.replace(/[()<>\s[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function requestCell(request: RequestSummary, firstRepository: string | undefined): string {
  const kind = request.type === 'discussion' ? ' (Discussion)' : '';
  return `[${markdownText(requestReference(request, firstRepository))}](${markdownUrl(request.url)}) ${markdownText(request.title)}${kind}`;
}

export function formatPrecisionRecall(evaluation: Evaluation): string {
  const expected = evaluation.truePositives.length + evaluation.missed.length;
  return (
    `precision ${evaluation.precision.toFixed(2)}, recall ${evaluation.recall.toFixed(2)}: ` +
    `${evaluation.truePositives.length} of ${expected} known duplicates found, ` +
    `${evaluation.falsePositives.length} false alarm${evaluation.falsePositives.length === 1 ? '' : 's'}, ` +
    `${evaluation.missed.length} missed`
  );
}

export function reportMarkdown(rows: readonly SuggestionRow[], context: ReportContext, measured?: ReportEvaluation): string {
  const known = new Set(measured?.evaluation.truePositives.map(([a, b]) => [a, b].sort().join('\n')) ?? []);
  const lines = [
    '# Suggested duplicates',
    '',
    'Requests that read alike but that nobody has marked as duplicates yet. Open both on GitHub; when they ask for the same thing, ' +
      'mark the newer one there (comment "Duplicate of #12", or close it as a duplicate) and the next sync folds its votes into the older one.',
    '',
    `Snapshot synced ${context.syncedAt} · ${context.requests} requests compared · threshold ${context.threshold} · ` +
      (rows.length < context.totalSuggestions ? `${rows.length} of ${context.totalSuggestions} suggestions shown` : `${rows.length} suggestions`),
    '',
  ];
  if (rows.length === 0) {
    lines.push('No pair of requests scores above the threshold.');
  } else {
    const knownColumn = measured ? ' Known |' : '';
    lines.push(`| Score | Request | Votes | Looks like | Votes | Shared terms |${knownColumn}`);
    lines.push(`| ---: | --- | ---: | --- | ---: | --- |${measured ? ' :---: |' : ''}`);
    for (const row of rows) {
      const mark = measured ? ` ${known.has([row.a.key, row.b.key].sort().join('\n')) ? 'yes' : 'no'} |` : '';
      lines.push(
        `| ${row.score.toFixed(2)} | ${requestCell(row.a, context.firstRepository)} | ${row.a.votes} | ${requestCell(row.b, context.firstRepository)} | ${row.b.votes} | ${markdownText(row.reasons.join(', '))} |${mark}`,
      );
    }
  }
  if (measured) {
    lines.push('', '## Measured against known duplicates', '', `${markdownText(measured.source)}: ${formatPrecisionRecall(measured.evaluation)}.`);
    if (measured.evaluation.missed.length > 0) {
      lines.push('', 'Missed:', '');
      const named = (key: string): string => {
        const request = measured.requestOf(key);
        return request ? requestCell(request, context.firstRepository) : markdownText(key);
      };
      for (const [a, b] of measured.evaluation.missed) lines.push(`- ${named(a)} · ${named(b)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
