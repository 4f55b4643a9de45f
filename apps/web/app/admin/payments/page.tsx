import { PaymentsView } from '@/admin/payments/payments-view';
import { headedPage } from '@/layout/headed-page';

const description = 'The simulated payment provider and the payments it took.';
const page = headedPage('Payments', description, PaymentsView);
export const metadata = page.metadata;
export default page.Page;
