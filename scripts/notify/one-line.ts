/**
 * Text that goes into a mail header, a log line or a sentence from outside (titles, names):
 * line breaks and other control characters become spaces, so nothing can start a new header
 * line ("Dark mode\r\nBcc: x@y") or break a log line.
 */
export function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
}
