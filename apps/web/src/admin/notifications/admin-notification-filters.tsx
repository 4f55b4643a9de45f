'use client';
import { FilterForm } from '../../components/filter-form';
import {
  notificationKindLabels,
  type NotificationKind,
} from '../../notifications/notification-kind-labels';

export interface NotificationFilterValues {
  user: string;
  kind: string;
}

const kindOptions = [
  { value: '', label: 'Any kind' },
  ...(Object.keys(notificationKindLabels) as NotificationKind[]).map((kind) => ({
    value: kind,
    label: notificationKindLabels[kind],
  })),
];

export function AdminNotificationFilters({
  values,
  onApply,
}: {
  values: NotificationFilterValues;
  onApply: (values: NotificationFilterValues) => void;
}) {
  return (
    <FilterForm
      label="Filter notifications"
      values={values}
      onApply={onApply}
      fields={[
        { name: 'user', label: 'User id', kind: 'text', placeholder: 'user uuid' },
        { name: 'kind', label: 'Kind', kind: 'select', options: kindOptions },
      ]}
    />
  );
}
