/** Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks (LRM, RLM, ALM). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/**
 * Text that goes into a mail header, a log line or a sentence from outside (titles, names):
 * line breaks and other control characters become spaces, so nothing can start a new header
 * line ("Dark mode\r\nBcc: x@y") or break a log line; bidirectional controls are removed, so a
 * title cannot show its text reversed ("Trojan Source") in a subject or a terminal.
 * @see https://unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters
 */
export function oneLine(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

