import { PaymentsTable } from './payments-table';
import { ProviderOutageSwitch } from './provider-outage-switch';

/** The provider's outage switch beside the payments it took. */
export function PaymentsView() {
  return (
    <div className="grid-2-even">
      <ProviderOutageSwitch />
      <PaymentsTable />
    </div>
  );
}
