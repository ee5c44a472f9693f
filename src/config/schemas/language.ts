import { z } from 'zod';
import { LANGUAGE_CODES, messagesLanguage } from '../../i18n/messages.ts';
import { closestMatch } from '../did-you-mean.ts';
import { describeValue, listAlternatives, withHint } from '../messages.ts';

const englishNames = new Intl.DisplayNames('en', { type: 'language' });

/** `"ja" (Japanese)`: a tag with its name, so the list reads without a lookup table. */
function named(code: string): string {
  return `"${code}" (${englishNames.of(code) ?? code})`;
}

const LANGUAGE_LIST = listAlternatives(LANGUAGE_CODES.map(named), 'or');

/**
 * The language a slip meant: a close tag (`jp` → `ja`), or a language written by name, in English
 * or in itself (`german`, `Deutsch`, `日本語`).
 */
function meantLanguage(value: string): string | undefined {
  const byName = LANGUAGE_CODES.find((code) =>
    [englishNames.of(code), new Intl.DisplayNames(code, { type: 'language' }).of(code)].some(
      (name) => name !== undefined && name.toLocaleLowerCase() === value.trim().toLocaleLowerCase(),
    ),
  );
  return byName ?? closestMatch(value.trim(), LANGUAGE_CODES);
}

/**
 * A BCP 47 tag whose language has a translation in `src/i18n/messages/`, in canonical form
 * (`de-at` → `de-AT`). The region is kept: it formats dates and numbers the local way.
 */
export const languageSchema = z.string().transform((value, context) => {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(value.trim())[0];
  } catch {
    canonical = undefined;
  }
  // BCP 47 also allows 5–8 letter primary subtags, but none is registered, so "english" is a slip.
  const isTag = canonical !== undefined && /^[a-z]{2,3}(?:-|$)/i.test(canonical);
  if (canonical !== undefined && isTag && messagesLanguage(canonical) !== undefined) return canonical;
  const meant = meantLanguage(value);
  const problem = isTag ? `${describeValue(value)} is a language the site has no translation for` : `${describeValue(value)} is not a BCP 47 language tag`;
  const choices = `the site is translated into ${LANGUAGE_LIST}`;
  const hint = meant === undefined ? `${choices}; docs/translating.md tells how to add a language` : `did you mean "${meant}"? ${choices.charAt(0).toUpperCase()}${choices.slice(1)}`;
  context.issues.push({ code: 'custom', input: value, message: withHint(problem, hint) });
  return z.NEVER;
});
