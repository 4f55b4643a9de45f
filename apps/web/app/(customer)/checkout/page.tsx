import { CheckoutForm } from '@/checkout/checkout-form';
import { headedPage } from '@/layout/headed-page';

const description = 'Where should we deliver, and how would you like to pay?';
const page = headedPage('Checkout', description, CheckoutForm);
export const metadata = page.metadata;
export default page.Page;
