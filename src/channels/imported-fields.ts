/**
 * The fields an imported request's row is made of, shared by every format: people, dates,
 * references to GitHub items or to other imported requests. Each parser returns the value or
 * what is wrong with it, never quoting it: the files are private.
 */
import { z } from 'zod';
import type { ImportedOriginal, ImportedPerson } from '../model/imported-requests.ts';
import type { ItemRef } from '../snapshot/schema.ts';

export type Parsed<T> = { value: T } | { problem: string; hint: string };

const emailSchema = z.email();
const LOGIN = /^[A-Za-z\d](?:[A-Za-z\d-]{0,38})$/;
/** An id is part of an address (`/requests/email-17/`): letters, digits, `-` and `_`. */
export const REQUEST_ID = /^[A-Za-z\d_-]{1,64}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const GITHUB_REF = /^([\w-]+\/[\w.-]+)#(\d+)$/;
const GITHUB_URL = /^https?:\/\/[^\s/]+\/([\w-]+\/[\w.-]+)\/(?:issues|discussions)\/(\d+)\/?(?:[#?].*)?$/;
const IMPORTED_REF = /^([a-z\d-]+):([A-Za-z\d_-]{1,64})$/;

/**
 * A person: `github:login`, an email address, or any other text without spaces as an opaque id
 * (a user id from a form tool or an old board).
 */
export function parsePerson(text: string): Parsed<ImportedPerson> {
  const value = text.trim();
  if (value === '') return { problem: 'a person is empty', hint: 'write an email address, github:login, or an id' };
  if (/^github:/i.test(value)) {
    const login = value.slice('github:'.length).replace(/^@/, '');
    return LOGIN.test(login) ? { value: { github: login } } : { problem: 'a github: entry is not a GitHub login', hint: 'write github: and the login alone, e.g. github:octocat' };
  }
  if (value.includes('@')) {
    return emailSchema.safeParse(value).success
      ? { value: { email: value } }
      : { problem: 'an entry with @ is not a valid email address', hint: 'fix the address (it is not repeated here, since the file is private)' };
  }
  if (/\s/.test(value)) return { problem: 'an id contains spaces', hint: 'ids are single words; separate several people with ;' };
  return { value: { id: value } };
}

/** A date (`2025-03-01`) or a date and time with a zone, as ISO 8601; returned as a date-time. */
export function parseDate(text: string): Parsed<string> {
  const value = text.trim();
  if (DATE_ONLY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return { value: `${value}T00:00:00Z` };
  if (z.iso.datetime({ offset: true }).safeParse(value).success) return { value: new Date(value).toISOString().replace(/\.000Z$/, 'Z') };
  return { problem: 'not a date', hint: 'write 2025-03-01, or 2025-03-01T09:30:00Z with a time' };
}

/** A GitHub issue or Discussion: `owner/repo#12` or its address on GitHub. */
export function parseGitHubRef(text: string): Parsed<ItemRef> {
  const value = text.trim();
  const match = GITHUB_REF.exec(value) ?? GITHUB_URL.exec(value);
  if (match?.[1] === undefined || match[2] === undefined || Number(match[2]) < 1) {
    return { problem: 'not a GitHub issue or Discussion', hint: 'write owner/repo#12, or the item’s address on GitHub' };
  }
  return { value: { repository: match[1], number: Number(match[2]) } };
}

/** What a request duplicates: a GitHub item, or another imported request as `<channel>:<id>`. */
export function parseOriginal(text: string): Parsed<ImportedOriginal> {
  const imported = IMPORTED_REF.exec(text.trim());
  if (imported?.[1] !== undefined && imported[2] !== undefined) return { value: { channel: imported[1], id: imported[2] } };
  const github = parseGitHubRef(text);
  if ('problem' in github) {
    return { problem: 'names neither a GitHub item nor an imported request', hint: 'write owner/repo#12, a GitHub address, or <channel slug>:<id> such as email:17' };
  }
  return { value: { github: github.value } };
}

/** A link to where the request can be read: http or https only. */
export function parseLink(text: string): Parsed<string> {
  const value = text.trim();
  return /^https?:\/\/\S+$/.test(value) && URL.canParse(value)
    ? { value }
    : { problem: 'not an http(s) address', hint: 'write the full address, https://…, or leave it empty' };
}
