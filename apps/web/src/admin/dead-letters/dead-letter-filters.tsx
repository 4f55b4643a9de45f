'use client';
import type { DeadLetterStatus } from '@food/contracts';
import { FilterForm } from '../../components/filter-form';
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

const serviceOptions = [
  { value: '', label: 'All services' },
  ...deadLetterServices.map((service) => ({ value: service, label: service })),
];
const topicOptions = [
  { value: '', label: 'Any topic' },
  ...consumedTopics.map((topic) => ({ value: topic, label: topic })),
];
const statusOptions = [
  ...(Object.keys(deadLetterStatusLabels) as DeadLetterStatus[]).map((status) => ({
    value: status === 'PENDING' ? '' : status,
    label: deadLetterStatusLabels[status],
  })),
  { value: 'ANY', label: 'Any status' },
];

export function DeadLetterFilters({
  values,
  onApply,
}: {
  values: DeadLetterFilterValues;
  onApply: (values: DeadLetterFilterValues) => void;
}) {
  return (
    <FilterForm
      label="Filter dead letters"
      values={values}
      onApply={onApply}
      fields={[
        { name: 'service', label: 'Service', kind: 'select', options: serviceOptions },
        { name: 'topic', label: 'Original topic', kind: 'select', options: topicOptions },
        { name: 'status', label: 'Status', kind: 'select', options: statusOptions },
        { name: 'key', label: 'Key (order id)', kind: 'text' },
        { name: 'event', label: 'Event id', kind: 'text' },
        { name: 'header', label: 'Header', kind: 'text', placeholder: 'name=value, or a value' },
        { name: 'payload', label: 'Payload contains', kind: 'text' },
        { name: 'error', label: 'Error contains', kind: 'text', placeholder: 'e.g. outage' },
        { name: 'from', label: 'Failed from', kind: 'datetime' },
        { name: 'to', label: 'Failed until', kind: 'datetime' },
      ]}
    />
  );
}
