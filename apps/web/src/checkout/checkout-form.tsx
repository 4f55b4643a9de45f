'use client';
import { useId, useState, type FormEvent } from 'react';
import { useCart } from '../cart/cart-store';
import { EmptyState } from '../components/empty-state';
import { DeliverySection, PaymentSection } from './checkout-sections';
import { idempotencyKeyFor } from './checkout-idempotency-key';
import { OrderSummary } from './order-summary';
import { useCheckoutDraft } from './use-checkout-draft';
import { usePlaceOrder } from './use-place-order';

/** Checkout: where to deliver and how to pay, beside the order and its Place order button. */
export function CheckoutForm() {
  const cart = useCart();
  const addressId = useId();
  const { address, setAddress, paymentMethod, setPaymentMethod } = useCheckoutDraft();
  const [addressError, setAddressError] = useState<string | null>(null);
  const { createOrder, submitting, check } = usePlaceOrder();

  if (!cart) {
    if (createOrder.isSuccess) return <p role="status">Order placed. Taking you to it…</p>;
    return (
      <EmptyState title="Your cart is empty" link={{ href: '/', label: 'Browse the menu' }}>
        Add dishes from a restaurant, then come back here to order.
      </EmptyState>
    );
  }

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
        <DeliverySection
          addressId={addressId}
          address={address}
          error={addressError}
          onChange={setAddress}
        />
        <PaymentSection paymentMethod={paymentMethod} onChange={setPaymentMethod} />
      </div>
      <OrderSummary cart={cart} pending={pending} createOrder={createOrder} check={check} />
    </form>
  );
}
