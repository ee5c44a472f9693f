/**
 * Dates and numbers in the site's language (`site.language`). Dates are shown in UTC so that
 * a build gives the same pages wherever it runs.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

export function formatNumber(value: number, locale: string): string {
  return value.toLocaleString(locale);
}
