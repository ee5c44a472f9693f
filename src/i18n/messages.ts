/**
 * The site's languages and their messages. Each language is one file in `messages/`, in ICU
 * MessageFormat, formatted here with `intl-messageformat` (plural rules, selects, and numbers and
 * dates through `Intl`). English is the reference: its keys are every message there is.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import ar from './messages/ar.ts';
import de from './messages/de.ts';
import en from './messages/en.ts';
import ja from './messages/ja.ts';

export type MessageKey = keyof typeof en;
/** A translation: every English key, each an ICU message. */
export type Messages = Record<MessageKey, string>;
export type MessageValues = Record<string, string | number>;

export const MESSAGES = { en, de, ja, ar } as const satisfies Record<string, Messages>;
export type LanguageCode = keyof typeof MESSAGES;
export const LANGUAGE_CODES = Object.keys(MESSAGES) as LanguageCode[];

/**
 * The translation file for a language tag: `de-AT` and `de-CH` read `de`. The tag itself still
 * formats dates and numbers, so regional conventions hold. Undefined when there is none.
 */
export function messagesLanguage(tag: string): LanguageCode | undefined {
  const language = new Intl.Locale(tag).language;
  return LANGUAGE_CODES.find((code) => code === language);
}

/** `rtl` for languages written right to left (Arabic, Hebrew, Persian…), from CLDR through `Intl`. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

export type Translate = (key: MessageKey, values?: MessageValues) => string;

/**
 * For each plural category of the language (`one`, `few`, `other`…), the largest count up to
 * 1,000 that falls in it: what text made outside a message (a template for a script, a label on
 * an image) is formatted with, one form per category, to be picked later by `Intl.PluralRules`.
 */
export function pluralSamples(language: string): Map<Intl.LDMLPluralRule, number> {
  const rules = new Intl.PluralRules(language);
  const samples = new Map<Intl.LDMLPluralRule, number>();
  for (let count = 0; count <= 1000; count++) samples.set(rules.select(count), count);
  return samples;
}

const translators = new Map<string, Translate>();

/** Formats a message in `tag`'s language; each message is parsed once per process. */
export function translator(tag: string): Translate {
  let translate = translators.get(tag);
  if (translate) return translate;
  const code = messagesLanguage(tag);
  if (code === undefined) {
    throw new Error(`There is no translation for "${tag}". Use one of ${LANGUAGE_CODES.join(', ')}, or add one (docs/translating.md).`);
  }
  const messages: Messages = MESSAGES[code];
  const formats = new Map<MessageKey, IntlMessageFormat>();
  translate = (key, values) => {
    let format = formats.get(key);
    if (!format) {
      format = new IntlMessageFormat(messages[key], tag, undefined, { ignoreTag: true });
      formats.set(key, format);
    }
    return String(format.format(values));
  };
  translators.set(tag, translate);
  return translate;
}
