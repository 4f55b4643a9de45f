'use client';
import Link from 'next/link';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { cartTotalCents, useCart } from '../cart/cart-store';
import { orderAmountLimitCents } from '../cart/order-amount-limit';
import { EmptyState } from '../components/empty-state';
import { ErrorNotice } from '../components/error-notice';
import { Money } from '../components/money';
import { loadCheckoutDraft, saveCheckoutDraft } from './checkout-draft';
import { idempotencyKeyFor } from './checkout-idempotency-key';
import { testPaymentMethods, type TestPaymentToken } from './test-payment-methods';
import { usePlaceOrder, type LostAnswerCheck } from './use-place-order';

const failureNotes: Record<LostAnswerCheck, string> = {
  none: 'Nothing was ordered. You can try again safely: the same order will not be placed twice.',
  checking: 'The connection failed before the shop answered. Checking whether your order was placed…',
  'not-ordered':
    'The connection failed and the shop has no such order: nothing was ordered. You can try again safely.',
  unknown:
    'The connection failed and we could not check whether your order was placed. Try again: if it was placed, you are taken to it, and it is never placed or charged twice.',
};

export function CheckoutForm() {
  const cart = useCart();
  const addressId = useId();
  const [address, setAddress] = useState('');
  const [paymentMethod, setPaymentMethod] = useState<TestPaymentToken>('tok_visa');
  const [addressError, setAddressError] = useState<string | null>(null);
  const [draftLoaded, setDraftLoaded] = useState(false);
  const { createOrder, submitting, check } = usePlaceOrder();
  // Read after mounting (sessionStorage exists only in the browser), saved on every change after that.
  useEffect(() => {
    const draft = loadCheckoutDraft();
    if (draft.address) setAddress(draft.address);
    if (draft.paymentMethod) setPaymentMethod(draft.paymentMethod);
    setDraftLoaded(true);
  }, []);
  useEffect(() => {
    if (draftLoaded) saveCheckoutDraft({ address, paymentMethod });
  }, [draftLoaded, address, paymentMethod]);

  if (!cart) {
    if (createOrder.isSuccess) return <p role="status">Order placed. Taking you to it…</p>;
    return (
      <EmptyState
        title="Your cart is empty"
        action={
          <Link href="/" className="button">
            Browse the menu
          </Link>
        }
      >
        Add dishes from a restaurant, then come back here to order.
      </EmptyState>
    );
  }

  const total = cartTotalCents(cart);
  const pending = createOrder.isPending || createOrder.isSuccess || check === 'checking';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The ref stops a second submit that arrives before React has re-rendered the disabled button.
    if (!cart || submitting.current || pending) return;
    const deliveryAddress = address.trim();
    if (deliveryAddress.length < 5) {
      setAddressError('Enter the full delivery address (street, number and town).');
      document.getElementById(addressId)?.focus();
      return;
    }
    setAddressError(null);
    submitting.current = true;
    const items = cart.lines.map((line) => ({
      menuItemId: line.menuItemId,
      quantity: line.quantity,
    }));
    const fingerprint = JSON.stringify({
      restaurantId: cart.restaurantId,
      items,
      deliveryAddress,
      paymentMethod,
    });
    createOrder.mutate({
      restaurantId: cart.restaurantId,
      items,
      deliveryAddress,
      paymentMethod,
      idempotencyKey: idempotencyKeyFor(fingerprint),
    });
  }

  return (
    <form className="grid-2" onSubmit={submit} noValidate aria-busy={pending}>
      <div className="stack">
        <section className="card" aria-labelledby="delivery-heading">
          <h2 id="delivery-heading">Delivery</h2>
          <div className="field">
            <label htmlFor={addressId}>Delivery address</label>
            <textarea
              id={addressId}
              name="deliveryAddress"
              className="textarea"
              autoComplete="street-address"
              required
              maxLength={300}
              value={address}
              onChange={(event) => setAddress(event.target.value)}
              aria-invalid={addressError ? true : undefined}
              aria-describedby={addressError ? `${addressId}-error` : undefined}
            />
            {addressError ? (
              <p id={`${addressId}-error`} className="field-error">
                {addressError}
              </p>
            ) : null}
          </div>
        </section>
        <section className="card" aria-labelledby="payment-heading">
          <fieldset className="field">
            <legend id="payment-heading">
              <h2>Payment</h2>
            </legend>
            <p className="field-hint">
              This is a test shop: pick a test card to see what happens to an order in each case.
            </p>
            <div className="choice-list">
              {testPaymentMethods.map((method) => (
                <label key={method.token} className="choice">
                  <input
                    type="radio"
                    name="paymentMethod"
                    value={method.token}
                    checked={paymentMethod === method.token}
                    onChange={() => setPaymentMethod(method.token)}
                  />
                  <span>
                    <span className="choice-title">{method.label}</span>
                    <span className="small muted">{method.description}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        </section>
      </div>
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
    </form>
  );
}
