/**
 * Subscriber addresses never appear in logs, previews or the ledger. Logs show a mask that is
 * enough to recognise a subscriber you know (`j***@example.com`); the ledger keeps no trace of
 * the address at all, so text that may quote one (an SMTP server's reply) is scrubbed first.
 */

/** `jane@example.com` → `j***@example.com`; something that is not an address → `***`. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

// Loose on purpose: anything shaped like an address is removed, valid or not.
const ADDRESS_LIKE = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;

/** `text` with every address-like word replaced, for what is stored (SMTP replies in the ledger). */
export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS_LIKE, '<address>');
}
