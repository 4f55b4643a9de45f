'use client';
import { formatDateTime, type TimeStyle } from '../format/formatters';
import { useBrowserLocale } from '../format/use-browser-locale';

export function LocalTime({ iso, style = 'short' }: { iso: string; style?: TimeStyle }) {
  const locale = useBrowserLocale();
  return (
    <time dateTime={iso} title={iso}>
      {formatDateTime(iso, locale, style)}
    </time>
  );
}
