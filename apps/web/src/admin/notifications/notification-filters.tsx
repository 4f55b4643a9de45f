'use client';
import { filterBar, optionsOf } from '../../components/filter-form';
import { notificationKindLabels } from '../../notifications/notification-kind-labels';

/** The user and the kind of notification. */
export const NotificationFilters = filterBar('Filter notifications', [
  { name: 'user', label: 'User id', kind: 'text', placeholder: 'user uuid' },
  {
    name: 'kind',
    label: 'Kind',
    kind: 'select',
    options: optionsOf(notificationKindLabels, 'Any kind'),
  },
]);
