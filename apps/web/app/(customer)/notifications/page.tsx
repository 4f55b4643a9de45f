import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { NotificationList } from '@/notifications/notification-list';

export const metadata: Metadata = { title: 'Notifications · Food ordering' };

export default function NotificationsPage() {
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Payments, confirmations and cancellations of your orders, as they happen."
      />
      <NotificationList />
    </>
  );
}
