import { AdminNotificationsView } from '@/admin/notifications/admin-notifications-view';
import { headedPage } from '@/layout/headed-page';

const description = 'What every customer was told, as it happens.';
const page = headedPage('Notifications', description, AdminNotificationsView);
export const metadata = page.metadata;
export default page.Page;
