import { MyOrders } from '@/orders/my-orders';
import { headedPage } from '@/layout/headed-page';

const description = 'Statuses update by themselves as payments go through.';
const page = headedPage('My orders', description, MyOrders);
export const metadata = page.metadata;
export default page.Page;
