/**
 * Everything the notifier prints goes through a redactor: secrets (the GitHub token, the SMTP
 * password) become `***`, and every subscriber address becomes its mask, whichever way it got
 * into the text (an SMTP server quoting a recipient in an error, say). Callers already mask what
 * they print; this is the net under them.
 */
import { maskAddress } from './mask-address.ts';

export interface Redactor {
  (text: string): string;
  /** Adds secrets to hide from now on (empty strings are ignored). */
  addSecrets(...secrets: readonly (string | null | undefined)[]): void;
  /** Adds subscriber addresses to mask from now on. */
  addAddresses(addresses: readonly string[]): void;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();
  const addresses = new Set<string>();
  let pattern: RegExp | null = null;

  const rebuild = (): void => {
    // Longest first, so a secret that contains another is replaced whole.
    const all = [...secrets, ...addresses].sort((a, b) => b.length - a.length).map(escapeRegExp);
    pattern = all.length === 0 ? null : new RegExp(all.join('|'), 'gi');
  };

  const redactor = ((text: string): string => {
    if (pattern === null) return text;
    return text.replace(pattern, (found) => {
      const lower = found.toLowerCase();
      for (const address of addresses) if (address === lower) return maskAddress(found);
      return '***';
    });
  }) as Redactor;

  redactor.addSecrets = (...values) => {
    for (const value of values) {
      // Short values would mask ordinary words; a real token or password is longer.
      if (value && value.length >= 4) {
        secrets.add(value);
        // Secrets inside URLs show up percent-encoded too.
        const encoded = encodeURIComponent(value);
        if (encoded !== value) secrets.add(encoded);
      }
    }
    rebuild();
  };
  redactor.addAddresses = (values) => {
    for (const value of values) addresses.add(value.toLowerCase());
    rebuild();
  };
  return redactor;
}
