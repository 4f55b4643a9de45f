import { NotificationList } from '@/notifications/notification-list';
import { headedPage } from '@/layout/headed-page';

const description = 'Payments, confirmations and cancellations of your orders, as they happen.';
const page = headedPage('Notifications', description, NotificationList);
export const metadata = page.metadata;
export default page.Page;
