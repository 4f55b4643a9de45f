/** Amounts are integer cents with a currency; shown in the reader's locale (en-GB before the browser takes over). */
export function formatMoney(cents: number, currency: string, locale: string | null): string {
  return new Intl.NumberFormat(locale ?? 'en-GB', { style: 'currency', currency }).format(
    cents / 100,
  );
}

export type TimeStyle = 'short' | 'precise';

/** Times are stored in UTC; on screen in the reader's locale and time zone, or in UTC (labelled) before that. */
export function formatDateTime(
  iso: string,
  locale: string | null,
  style: TimeStyle = 'short',
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    style === 'precise'
      ? { dateStyle: 'medium', timeStyle: 'medium' }
      : { dateStyle: 'medium', timeStyle: 'short' };
  if (!locale)
    return `${new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(date)} UTC`;
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** The first 8 characters of a uuid: how orders are named to people (`#1a2b3c4d`). */
export const shortId = (id: string) => id.slice(0, 8);
