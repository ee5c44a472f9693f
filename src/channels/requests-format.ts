/**
 * Open Roadmap's own format for an imported channel (docs/channels.md), in JSON or CSV:
 *
 *   id,title,body,date,updated,link,status,duplicateOf,duplicates,author,voters
 *   17,Dark mode,"Please…",2025-03-01,,,planned,lumen-dev/lumen#12,,ada@example.com,ada@example.com;github:lin;8812
 *
 *   { "requests": [{ "id": "17", "title": "Dark mode", "date": "2025-03-01", "voters": ["github:lin", { "person": "8812", "date": "2025-03-04" }] }] }
 *
 * Each row is checked with Zod; every problem is reported with its file, line (CSV) or entry
 * (JSON) and field, and never quotes a value, since the file holds people's addresses.
 */
import { z } from 'zod';
import type { ChannelConfig } from '../config/schemas/channels.ts';
import { STATUS_IDS } from '../config/status-ids.ts';
import type { ImportedRequest, ImportedVote } from '../model/imported-requests.ts';
import { CSV_QUOTING_HINT, CsvSyntaxError, parseCsv, type CsvRow } from '../csv/parse-csv.ts';
import { channelProblem } from './channel-error.ts';
import { parseDate, parseGitHubRef, parseLink, parseOriginal, parsePerson, REQUEST_ID, type Parsed } from './imported-fields.ts';

export const REQUEST_COLUMNS = ['id', 'title', 'body', 'date', 'updated', 'link', 'status', 'duplicateOf', 'duplicates', 'author', 'voters'] as const;

/** A `;`-separated list in a CSV cell (commas are common in CSV cells, so not those). */
const cellList = (text: string): string[] =>
  text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');

function fromParsed<T>(parsed: Parsed<T>, context: z.RefinementCtx): T {
  if ('problem' in parsed) {
    context.addIssue({ code: 'custom', message: `${parsed.problem}\n${parsed.hint}` });
    return z.NEVER;
  }
  return parsed.value;
}

const text = z.union([z.string(), z.number().transform(String)], { error: 'expected text' });
const optionalText = z
  .union([text, z.null()])
  .optional()
  .transform((value) => (value === null || value === undefined || value.trim() === '' ? null : value.trim()));
const list = z
  .union([z.array(text), text, z.null()], { error: 'expected a list\nwrite a JSON list, or separate entries with ; in CSV' })
  .optional()
  .transform((value) => (value === null || value === undefined ? [] : Array.isArray(value) ? value : cellList(value)));

const voteSchema = z.union([text, z.strictObject({ person: text, date: text.optional() })], {
  error: 'a voter is neither text nor { "person": …, "date": … }\nwrite "ada@example.com", "github:octocat", an id, or an object with person and date',
});

/** One row, as written; `transform`s turn it into checked values. */
export const requestRowSchema = z.strictObject(
  {
    id: text.pipe(z.string().trim().regex(REQUEST_ID, 'the id is not a short word\nuse letters, digits, - and _ (it becomes part of the address, /requests/<channel>-<id>/)')),
    title: text.pipe(z.string().trim().min(1, 'the title is empty\nevery request needs a title')),
    body: optionalText.transform((value) => value ?? ''),
    date: text.transform((value, context) => fromParsed(parseDate(value), context)),
    updated: optionalText.transform((value, context) => (value === null ? null : fromParsed(parseDate(value), context))),
    link: optionalText.transform((value, context) => (value === null ? null : fromParsed(parseLink(value), context))),
    status: optionalText.pipe(
      z.enum(STATUS_IDS, { error: `not a status\nuse ${STATUS_IDS.join(', ')}, or leave it empty for the default of open requests` }).nullable(),
    ),
    duplicateOf: optionalText.transform((value, context) => (value === null ? null : fromParsed(parseOriginal(value), context))),
    duplicates: list.transform((values, context) => values.map((value) => fromParsed(parseGitHubRef(value), context))),
    author: optionalText.transform((value, context) => (value === null ? null : fromParsed(parsePerson(value), context))),
    voters: z
      .union([z.array(voteSchema), text, z.null()], { error: 'expected a list of voters\nwrite a JSON list, or separate voters with ; in CSV' })
      .optional()
      .transform((value, context) => {
        const entries = value === null || value === undefined ? [] : Array.isArray(value) ? value : cellList(value);
        return entries.map((entry) => {
          const person = fromParsed(parsePerson(typeof entry === 'string' ? entry : entry.person), context);
          const at = typeof entry === 'string' || entry.date === undefined ? null : fromParsed(parseDate(entry.date), context);
          return { person, at };
        });
      }),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown field\nthe fields are ${REQUEST_COLUMNS.join(', ')}` : undefined) },
);

const fileSchema = z.union([z.array(z.unknown()), z.strictObject({ requests: z.array(z.unknown()) })]);

function problemsOf(error: z.ZodError, where: string): string[] {
  return error.issues.map((issue) => {
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.filter((part) => typeof part === 'string').join('.') || null;
    const [problem = issue.message, hint = 'see docs/channels.md for the format'] = issue.message.split('\n');
    return channelProblem(where, field, problem, hint);
  });
}

function toRequest(row: z.output<typeof requestRowSchema>, channel: Pick<ChannelConfig, 'slug'>): ImportedRequest {
  const voters: ImportedVote[] = row.voters.map((vote) => ({ person: vote.person, at: vote.at ?? row.date }));
  return {
    channel: channel.slug,
    id: row.id,
    title: row.title,
    body: row.body,
    createdAt: row.date,
    updatedAt: row.updated ?? row.date,
    link: row.link,
    status: row.status,
    author: row.author,
    voters,
    duplicateOf: row.duplicateOf,
    duplicates: row.duplicates,
  };
}

export interface ParsedChannel {
  requests: ImportedRequest[];
  problems: string[];
}

function parseRows(rows: Array<{ fields: unknown; where: string }>, channel: Pick<ChannelConfig, 'slug'>): ParsedChannel {
  const requests: ImportedRequest[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { fields, where } of rows) {
    const parsed = requestRowSchema.safeParse(fields);
    if (!parsed.success) {
      problems.push(...problemsOf(parsed.error, where));
      continue;
    }
    const earlier = seen.get(parsed.data.id.toLowerCase());
    if (earlier !== undefined) {
      problems.push(channelProblem(where, 'id', `the id is already used by ${earlier}`, 'give every request its own id: it is the request’s address'));
      continue;
    }
    seen.set(parsed.data.id.toLowerCase(), where);
    requests.push(toRequest(parsed.data, channel));
  }
  return { requests, problems };
}

export function parseRequestsJson(source: string, file: string, channel: Pick<ChannelConfig, 'slug'>): ParsedChannel {
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch {
    return { requests: [], problems: [channelProblem(file, null, 'the file is not valid JSON', 'fix the syntax (a JSON validator shows where), or write the file as CSV')] };
  }
  const top = fileSchema.safeParse(json);
  if (!top.success) {
    return { requests: [], problems: [channelProblem(file, null, 'the file is not a list of requests', 'write { "requests": [ { "id": …, "title": …, "date": … } ] } or the list alone')] };
  }
  const entries = Array.isArray(top.data) ? top.data : top.data.requests;
  return parseRows(entries.map((fields, index) => ({ fields, where: `${file}, entry ${index + 1}` })), channel);
}

export function parseRequestsCsv(source: string, file: string, channel: Pick<ChannelConfig, 'slug'>): ParsedChannel {
  let rows: CsvRow[];
  try {
    rows = parseCsv(source);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { requests: [], problems: [channelProblem(`${file}, line ${error.line}`, null, error.problem, CSV_QUOTING_HINT)] };
  }
  const [header, ...body] = rows;
  if (header === undefined) return { requests: [], problems: [] };
  const names = header.fields.map((name) => name.trim());
  const known = new Map(REQUEST_COLUMNS.map((column) => [column.toLowerCase(), column]));
  const columns = names.map((name) => known.get(name.toLowerCase()) ?? null);
  const unknown = names.filter((name, index) => name !== '' && columns[index] === null);
  if (unknown.length > 0 || !columns.includes('id') || !columns.includes('title') || !columns.includes('date')) {
    return {
      requests: [],
      problems: [
        channelProblem(
          `${file}, line ${header.line}`,
          null,
          unknown.length > 0 ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` : 'the header row lacks id, title or date',
          `the first row names the columns: ${REQUEST_COLUMNS.join(', ')} (id, title and date required)`,
        ),
      ],
    };
  }
  return parseRows(
    body.map((row) => {
      const fields: Record<string, string> = {};
      row.fields.forEach((value, index) => {
        const column = columns[index];
        if (column) fields[column] = value;
      });
      return { fields, where: `${file}, line ${row.line}` };
    }),
    channel,
  );
}
