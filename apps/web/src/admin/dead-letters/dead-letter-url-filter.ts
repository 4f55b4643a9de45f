import { isoFromLocalInput } from '../../format/local-date-time';
import {
  deadLetterServices,
  isDeadLetterStatus,
  topicsConsumedBy,
  type DeadLetterService,
} from './dead-letter-services';
import type { DeadLetterFilter } from './dead-letter-types';

/** The query-string keys of the dead-letter pages: the filters, the group drilled into, and the view. */
export const deadLetterUrlKeys = [
  'service',
  'topic',
  'error',
  'status',
  'from',
  'to',
  'key',
  'event',
  'payload',
  'header',
  'group',
  'view',
] as const;
export type DeadLetterUrlValues = Record<(typeof deadLetterUrlKeys)[number], string>;

/** The API filter the URL describes; no status means the pending letters, ANY means every status. */
export function deadLetterFilterFromUrl(values: DeadLetterUrlValues): DeadLetterFilter {
  return {
    status:
      values.status === 'ANY'
        ? undefined
        : isDeadLetterStatus(values.status)
          ? values.status
          : 'PENDING',
    originalTopic: values.topic || undefined,
    errorText: values.error || undefined,
    failedFrom: isoFromLocalInput(values.from),
    failedTo: isoFromLocalInput(values.to),
    fingerprint: /^[0-9a-f]{32}$/.test(values.group) ? values.group : undefined,
    key: values.key || undefined,
    eventId: values.event || undefined,
    payloadText: values.payload || undefined,
    header: headerFromUrl(values.header),
  };
}

/** `name=value` looks for that header; text without `=` looks for any header with that value. */
function headerFromUrl(text: string): DeadLetterFilter['header'] {
  if (!text) return undefined;
  const split = text.indexOf('=');
  if (split <= 0) return { value: text };
  const value = text.slice(split + 1);
  return value ? { name: text.slice(0, split), value } : undefined;
}

/** The services whose queues can hold a match: the chosen one, and only those that consume the chosen topic. */
export function servicesMatching(
  values: DeadLetterUrlValues,
  filter: DeadLetterFilter,
): DeadLetterService[] {
  return deadLetterServices.filter(
    (service) =>
      (!values.service || values.service === service) &&
      (!filter.originalTopic ||
        (topicsConsumedBy[service] as readonly string[]).includes(filter.originalTopic)),
  );
}

/** The messages of one group, as a link into the messages view (same status filter). */
export function groupMessagesHref(
  service: DeadLetterService,
  fingerprint: string,
  status: string,
): string {
  const params = new URLSearchParams({ view: 'messages', service, group: fingerprint });
  if (status) params.set('status', status);
  return `/admin/dead-letters?${params.toString()}`;
}
