'use client';
import type { DeadLetterStatus } from '@food/contracts';
import { filterBar, optionsOf, type FilterField } from '../../components/filter-form';
import { consumedTopics, deadLetterServices, deadLetterStatusLabels } from './dead-letter-services';

export interface DeadLetterFilterValues {
  service: string;
  topic: string;
  error: string;
  /** '' means PENDING (the letters that need someone), ANY means every status. */
  status: string;
  from: string;
  to: string;
  key: string;
  event: string;
  payload: string;
  header: string;
}

const sameLabels = (values: readonly string[]) =>
  Object.fromEntries(values.map((value) => [value, value]));
const statusOptions = [
  ...(Object.keys(deadLetterStatusLabels) as DeadLetterStatus[]).map((status) => ({
    value: status === 'PENDING' ? '' : status,
    label: deadLetterStatusLabels[status],
  })),
  { value: 'ANY', label: 'Any status' },
];

const fields: ReadonlyArray<FilterField<keyof DeadLetterFilterValues>> = [
  {
    name: 'service',
    label: 'Service',
    kind: 'select',
    options: optionsOf(sameLabels(deadLetterServices), 'All services'),
  },
  {
    name: 'topic',
    label: 'Original topic',
    kind: 'select',
    options: optionsOf(sameLabels(consumedTopics), 'Any topic'),
  },
  { name: 'status', label: 'Status', kind: 'select', options: statusOptions },
  { name: 'key', label: 'Key (order id)', kind: 'text' },
  { name: 'event', label: 'Event id', kind: 'text' },
  { name: 'header', label: 'Header', kind: 'text', placeholder: 'name=value, or a value' },
  { name: 'payload', label: 'Payload contains', kind: 'text' },
  { name: 'error', label: 'Error contains', kind: 'text', placeholder: 'e.g. outage' },
  { name: 'from', label: 'Failed from', kind: 'datetime' },
  { name: 'to', label: 'Failed until', kind: 'datetime' },
];

/** The same filter over the groups and over the messages, so drilling into a group keeps it. */
export const DeadLetterFilters = filterBar('Filter dead letters', fields);
