'use client';
import { formatMoney } from '../format/formatters';
import { useBrowserLocale } from '../format/use-browser-locale';

export function Money({ cents, currency }: { cents: number; currency: string }) {
  const locale = useBrowserLocale();
  return <span className="price">{formatMoney(cents, currency, locale)}</span>;
}
