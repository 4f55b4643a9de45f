import type { Metadata } from 'next';
import { PaymentsTable } from '@/admin/payments/payments-table';
import { ProviderOutageSwitch } from '@/admin/payments/provider-outage-switch';
import { PageHeader } from '@/components/page-header';

export const metadata: Metadata = { title: 'Payments · Admin' };

export default function PaymentsPage() {
  return (
    <>
      <PageHeader
        title="Payments"
        description="The simulated payment provider and the payments it took."
      />
      <div className="grid-2-even">
        <ProviderOutageSwitch />
        <PaymentsTable />
      </div>
    </>
  );
}
