import { shortId } from '../../format/formatters';
import type { CustomerIdentity } from './use-customer-directory';

/** A customer as people know them (name, email), with the id as the fallback and in the tooltip. */
export function CustomerName({
  userId,
  customer,
}: {
  userId: string;
  customer: CustomerIdentity | undefined;
}) {
  if (!customer) {
    return (
      <span className="mono" title={userId}>
        {shortId(userId)}
      </span>
    );
  }
  return (
    <span title={userId} data-testid="customer-name">
      <span>{customer.name}</span>
      <span className="small muted customer-email">{customer.email}</span>
    </span>
  );
}
