/**
 * The private subscriber list (`ROADMAP_SUBSCRIBERS_FILE`), as CSV or JSON:
 *
 *   email,github,name,digest
 *   ada@example.com,ada-l,Ada Lovelace,yes
 *   lin@example.com,,,
 *
 *   [{ "email": "ada@example.com", "github": "ada-l", "name": "Ada Lovelace", "digest": true }]
 *
 * Only `email` is required. `github` is the subscriber's GitHub login: when it voted for or
 * opened a request a release ships, they get a personal mail. `digest` (default yes) says whether
 * they want a release digest otherwise. A CSV file without a header row has the columns in this
 * order; a plain list of addresses is a valid file.
 *
 * The list is private: it must not live where the site is built from or published (`content/`,
 * `public/`, `dist/`), and no error message ever repeats an address from it.
 *
 * The whole list is checked before the notifier does anything: one bad row refuses the run, and
 * the message names every bad row by its line (or entry) number.
 *
 * Internationalized addresses: a domain in Unicode (`ada@bücher.example`) is written in its ASCII
 * form (`xn--bcher-kva.example`), which every mail server takes. A mailbox name in Unicode
 * (`café@example.com`) could only be sent to a server announcing SMTPUTF8 (RFC 6531), and a
 * server without it refuses it in ways that look like a dead address, so such a row is refused
 * with a clear message instead of being guessed at.
 * @see https://www.rfc-editor.org/rfc/rfc6531
 */
import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { domainToASCII } from 'node:url';
import { z } from 'zod';
import { NotifyError } from './notify-error.ts';
import { oneLine } from './one-line.ts';
import { CSV_QUOTING_HINT, CsvSyntaxError, parseCsv } from '../csv/parse-csv.ts';

export interface Subscriber {
  /** As written in the list, trimmed. Never print it: use `maskAddress`. */
  email: string;
  /** GitHub login without `@`, or null. */
  github: string | null;
  /** Display name, with control characters removed, or null. */
  name: string | null;
  /** Wants a release digest when no request of theirs shipped. */
  digest: boolean;
}

export interface SubscriberList {
  subscribers: Subscriber[];
  /** Problems that did not stop the run (repeated addresses, unknown columns). */
  warnings: string[];
}

/** Folders the site is built from or published from: a list there would be published. */
const PUBLISHED_FOLDERS = ['content', 'public', 'dist'];
const COLUMNS = ['email', 'github', 'name', 'digest'] as const;
type Column = (typeof COLUMNS)[number];

const emailSchema = z.email();
const loginSchema = z.string().regex(/^[A-Za-z\d](?:[A-Za-z\d-]{0,38})$/);

const jsonSubscriberSchema = z.object({
  email: z.string(),
  github: z.string().nullish(),
  name: z.string().nullish(),
  digest: z.union([z.boolean(), z.string()]).nullish(),
});
const jsonListSchema = z.union([z.array(jsonSubscriberSchema), z.object({ subscribers: z.array(jsonSubscriberSchema) })]);

function isInside(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** Refuses a list inside a folder the site is built or published from. */
export async function checkSubscriberPath(file: string, projectRoot: string): Promise<string> {
  const absolute = resolve(projectRoot, file);
  const real = await realpath(absolute).catch(() => absolute);
  const root = await realpath(projectRoot).catch(() => resolve(projectRoot));
  for (const folder of PUBLISHED_FOLDERS) {
    if (isInside(resolve(root, folder), real) || isInside(resolve(projectRoot, folder), absolute)) {
      throw new NotifyError(
        `The subscriber list ${file} is inside ${folder}/, which the site is built or published from, so the addresses could end up on the site.`,
        'Keep the list outside the project (notify.yml writes it to the runner\'s temporary directory) and point ROADMAP_SUBSCRIBERS_FILE at it.',
      );
    }
  }
  return real;
}

function cleanText(value: string | null | undefined): string | null {
  // Names end up in mail headers: no line breaks or other control characters, ever.
  const cleaned = oneLine(value ?? '');
  return cleaned === '' ? null : cleaned;
}

function parseDigest(value: string | boolean | null | undefined, where: string): boolean {
  if (typeof value === 'boolean') return value;
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || ['yes', 'y', 'true', '1'].includes(text)) return true;
  if (['no', 'n', 'false', '0'].includes(text)) return false;
  throw new NotifyError(`${where}: digest must be yes or no.`, 'Write yes (or true, 1) to send release digests, no (or false, 0) for personal mails only, or leave it empty for yes.');
}

/** An address as the notifier sends to it (domain in ASCII), or what is wrong with it (never quoting it). */
export function checkAddress(text: string): { address: string } | { problem: string; hint: string } {
  const email = text.trim();
  if (email === '') return { problem: 'the email is missing.', hint: 'Every subscriber needs an address in the email column.' };
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  if (/[^\x20-\x7e]/.test(local)) {
    return {
      problem: 'the address has characters outside ASCII before the @ (an internationalized address), which only mail servers with SMTPUTF8 take.',
      hint: 'Open Roadmap does not send to such addresses: ask the subscriber for an ASCII address (many providers give an alias), or remove the row.',
    };
  }
  const domain = at < 0 ? '' : domainToASCII(email.slice(at + 1));
  const address = at < 0 || domain === '' ? email : `${local}@${domain}`;
  if (!emailSchema.safeParse(address).success) {
    return { problem: 'the email is not a valid address.', hint: 'Fix the address in the subscriber list (it is not repeated here, since the list is private).' };
  }
  return { address };
}

function parseEntry(fields: Partial<Record<Column, string | boolean | null | undefined>>, where: string): Subscriber {
  const checked = checkAddress(String(fields.email ?? ''));
  if ('problem' in checked) throw new NotifyError(`${where}: ${checked.problem}`, checked.hint);
  const email = checked.address;
  const githubText = cleanText(typeof fields.github === 'string' ? fields.github : null)?.replace(/^@/, '') ?? null;
  if (githubText !== null && !loginSchema.safeParse(githubText).success) {
    throw new NotifyError(`${where}: the github column is not a GitHub login.`, 'Write the login alone, e.g. octocat (letters, digits and hyphens), or leave it empty.');
  }
  return {
    email,
    github: githubText,
    name: cleanText(typeof fields.name === 'string' ? fields.name : null),
    digest: parseDigest(fields.digest, where),
  };
}

type ParsedEntry = { subscriber: Subscriber; where: string } | { problem: NotifyError; where: string };

function entryOf(parse: () => Subscriber, where: string): ParsedEntry {
  try {
    return { subscriber: parse(), where };
  } catch (error) {
    if (error instanceof NotifyError) return { problem: error, where };
    throw error;
  }
}

/** The subscriber list's rows; a file that is not CSV stops the run, by line, never quoting it. */
function csvRows(text: string, file: string): ReturnType<typeof parseCsv> {
  try {
    return parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new NotifyError(`${file}, line ${error.line}: ${error.problem}.`, `Fix the quotes in the subscriber list: ${CSV_QUOTING_HINT}.`);
  }
}

function fromCsv(text: string, file: string, warnings: string[]): ParsedEntry[] {
  const rows = csvRows(text, file).filter((row) => !(row.fields[0] ?? '').trim().startsWith('#'));
  const first = rows[0];
  const header = first?.fields.map((field) => field.trim().toLowerCase()) ?? [];
  const hasHeader = header.includes('email');
  const columns: (Column | null)[] = hasHeader
    ? header.map((name) => ((COLUMNS as readonly string[]).includes(name) ? (name as Column) : null))
    : [...COLUMNS];
  if (hasHeader) {
    const unknown = header.filter((name) => name !== '' && !(COLUMNS as readonly string[]).includes(name));
    if (unknown.length > 0) warnings.push(`${file}: ignored the column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${COLUMNS.join(', ')}).`);
  }
  return rows.slice(hasHeader ? 1 : 0).map((row) => {
    const where = `${file}, line ${row.line}`;
    const fields: Partial<Record<Column, string>> = {};
    row.fields.forEach((value, index) => {
      const column = columns[index];
      if (column) fields[column] = value;
    });
    return entryOf(() => parseEntry(fields, where), where);
  });
}

function fromJson(text: string, file: string): ParsedEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new NotifyError(`${file} is not valid JSON (${(error as Error).message}).`, 'Fix the file, or write the list as CSV: email,github,name,digest.');
  }
  const parsed = jsonListSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new NotifyError(
      `${file} is not a subscriber list${issue ? ` (at ${issue.path.join('.') || 'the top'}: ${issue.message})` : ''}.`,
      'Write a list of objects: [{ "email": "…", "github": "login", "name": "…", "digest": true }], only email required.',
    );
  }
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.subscribers;
  return entries.map((entry, index) => {
    const where = `${file}, entry ${index + 1}`;
    return entryOf(() => parseEntry(entry, where), where);
  });
}

/** Parses a subscriber list; `shownName` names the file in messages. */
export function parseSubscribers(text: string, shownName: string): SubscriberList {
  const warnings: string[] = [];
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  const entries = trimmed.startsWith('[') || trimmed.startsWith('{') ? fromJson(trimmed, shownName) : fromCsv(text, shownName, warnings);
  const problems = entries.flatMap((entry) => ('problem' in entry ? [entry.problem] : []));
  const [first] = problems;
  if (first !== undefined && problems.length === 1) throw first;
  if (problems.length > 1) {
    throw new NotifyError(
      `${shownName} has ${problems.length} bad rows, so the notifier did nothing:\n${problems.map((problem) => `  ${problem.message}`).join('\n')}`,
      [...new Set(problems.map((problem) => problem.hint))].join(' '),
    );
  }
  const seen = new Map<string, string>();
  const subscribers: Subscriber[] = [];
  for (const entry of entries) {
    if ('problem' in entry) continue;
    const { subscriber, where } = entry;
    const key = subscriber.email.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      warnings.push(`${where} repeats the address of ${earlier}; the first one is used.`);
      continue;
    }
    seen.set(key, where);
    subscribers.push(subscriber);
  }
  return { subscribers, warnings };
}

export async function readSubscribers(file: string, projectRoot: string): Promise<SubscriberList> {
  const path = await checkSubscriberPath(file, projectRoot);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new NotifyError(
      `Could not read the subscriber list ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      'Check ROADMAP_SUBSCRIBERS_FILE, or unset it to send no emails.',
    );
  }
  return parseSubscribers(text, file);
}
