'use client';
import Link from 'next/link';
import { cartTotalCents, type Cart } from '../cart/cart-store';
import { orderAmountLimitCents } from '../cart/order-amount-limit';
import { ErrorNotice } from '../components/error-notice';
import { Money } from '../components/money';
import type { LostAnswerCheck, usePlaceOrder } from './use-place-order';

const failureNotes: Record<LostAnswerCheck, string> = {
  none: 'Nothing was ordered. You can try again safely: the same order will not be placed twice.',
  checking:
    'The connection failed before the shop answered. Checking whether your order was placed…',
  'not-ordered':
    'The connection failed and the shop has no such order: nothing was ordered. You can try again safely.',
  unknown:
    'The connection failed and we could not check whether your order was placed. Try again: if it was placed, you are taken to it, and it is never placed or charged twice.',
};

/** What is being ordered and its total, the Place order button, and what became of the last try. */
export function OrderSummary({
  cart,
  pending,
  createOrder,
  check,
}: {
  cart: Cart;
  pending: boolean;
  createOrder: ReturnType<typeof usePlaceOrder>['createOrder'];
  check: LostAnswerCheck;
}) {
  const total = cartTotalCents(cart);
  return (
    <aside className="card sticky" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Your order</h2>
      <p className="small muted">From {cart.restaurantName}</p>
      <ul className="cart-lines">
        {cart.lines.map((line) => (
          <li key={line.menuItemId} className="spread">
            <span>
              {line.quantity} × {line.name}
            </span>
            <Money cents={line.unitPriceCents * line.quantity} currency={cart.currency} />
          </li>
        ))}
      </ul>
      <div className="total-row">
        <span>Total</span>
        <Money cents={total} currency={cart.currency} />
      </div>
      {total > orderAmountLimitCents ? (
        <p className="notice notice-warning small">
          The test provider declines payments above this limit: the order will be cancelled.
        </p>
      ) : null}
      {createOrder.isError && check === 'none' ? (
        <ErrorNotice error={createOrder.error} title="Your order was not placed" />
      ) : null}
      <button
        type="submit"
        className="button button-block cart-checkout"
        disabled={pending}
        data-testid="place-order"
      >
        {pending ? 'Placing your order…' : 'Place order'}
      </button>
      <p className="small muted" aria-live="polite" data-testid="checkout-outcome">
        {createOrder.isPending
          ? 'Placing your order…'
          : createOrder.isError
            ? failureNotes[check]
            : ''}
      </p>
      <Link href="/" className="small">
        Change the cart
      </Link>
    </aside>
  );
}
