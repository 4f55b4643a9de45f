import type { Metadata } from 'next';
import { AdminNotificationsView } from '@/admin/notifications/admin-notifications-view';
import { PageHeader } from '@/components/page-header';

export const metadata: Metadata = { title: 'Notifications · Admin' };

export default function AdminNotificationsPage() {
  return (
    <>
      <PageHeader
        title="Notifications"
        description="What every customer was told, as it happens."
      />
      <AdminNotificationsView />
    </>
  );
}
