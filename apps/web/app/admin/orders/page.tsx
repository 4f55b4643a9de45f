import { AdminOrdersView } from '@/admin/orders/admin-orders-view';
import { headedPage } from '@/layout/headed-page';

const description = "Every customer's orders. Open one to follow its saga event by event.";
const page = headedPage('Orders', description, AdminOrdersView);
export const metadata = page.metadata;
export default page.Page;
