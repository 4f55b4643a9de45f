import type { RouterOutputs } from '../trpc/router-types';

type Cancellation = NonNullable<RouterOutputs['order']['get']['cancellation']>;

const reasonLabels: Record<string, string> = {
  CARD_DECLINED: 'Card declined',
  INSUFFICIENT_FUNDS: 'Insufficient funds',
  AMOUNT_OVER_LIMIT: 'Amount over the limit',
};

/** Why the order was cancelled, in the payment provider's words, and that nothing was charged. */
export function CancellationNotice({ cancellation }: { cancellation: Cancellation }) {
  return (
    <div className="notice notice-error" data-testid="cancellation">
      <span className="notice-title">
        Cancelled:{' '}
        <span data-testid="cancellation-reason">
          {reasonLabels[cancellation.reason] ?? cancellation.reason}
        </span>
      </span>
      <p data-testid="cancellation-message">{cancellation.message}</p>
      <p className="small">You have not been charged.</p>
    </div>
  );
}
