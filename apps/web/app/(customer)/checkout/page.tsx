import type { Metadata } from 'next';
import { CheckoutForm } from '@/checkout/checkout-form';
import { PageHeader } from '@/components/page-header';

export const metadata: Metadata = { title: 'Checkout · Food ordering' };

export default function CheckoutPage() {
  return (
    <>
      <PageHeader
        title="Checkout"
        description="Where should we deliver, and how would you like to pay?"
      />
      <CheckoutForm />
    </>
  );
}
