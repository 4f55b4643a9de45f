'use client';
import Link from 'next/link';
import { Money } from '../components/money';
import {
  cartItemCount,
  cartStore,
  cartTotalCents,
  useCart,
  type CartItem,
  type CartLine,
  type CartRestaurant,
} from './cart-store';
import { orderAmountLimitCents } from './order-amount-limit';

export interface PendingSwitch {
  restaurant: CartRestaurant;
  item: CartItem;
}

/** An order comes from one restaurant: adding a dish from another asks whether to start a new cart. */
function SwitchQuestion({
  cartRestaurant,
  pendingSwitch,
  onHandled,
}: {
  cartRestaurant: string;
  pendingSwitch: PendingSwitch;
  onHandled: () => void;
}) {
  return (
    <div className="notice notice-warning" role="alert">
      <p>
        Your cart has dishes from <strong>{cartRestaurant}</strong>. An order comes from one
        restaurant: start a new cart with <strong>{pendingSwitch.restaurant.name}</strong>?
      </p>
      <div className="row">
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            cartStore.startWith(pendingSwitch.restaurant, pendingSwitch.item);
            onHandled();
          }}
        >
          Start a new cart
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onHandled}>
          Keep my cart
        </button>
      </div>
    </div>
  );
}

/** A dish in the cart: its subtotal, fewer or more, or out. */
function CartLineRow({ line, currency }: { line: CartLine; currency: string }) {
  return (
    <li className="cart-line">
      <span>{line.name}</span>
      <Money cents={line.unitPriceCents * line.quantity} currency={currency} />
      <span className="stepper">
        <button
          type="button"
          aria-label={`One less ${line.name}`}
          onClick={() => cartStore.setQuantity(line.menuItemId, line.quantity - 1)}
        >
          −
        </button>
        <output aria-label={`${line.name} quantity`}>{line.quantity}</output>
        <button
          type="button"
          aria-label={`One more ${line.name}`}
          onClick={() => cartStore.setQuantity(line.menuItemId, line.quantity + 1)}
        >
          +
        </button>
      </span>
      <button
        type="button"
        className="link-button small"
        onClick={() => cartStore.setQuantity(line.menuItemId, 0)}
      >
        Remove
      </button>
    </li>
  );
}

/** The cart beside the menu: quantities, total, the way to checkout, and the question when restaurants change. */
export function CartPanel({
  pendingSwitch,
  onSwitchHandled,
}: {
  pendingSwitch: PendingSwitch | null;
  onSwitchHandled: () => void;
}) {
  const cart = useCart();
  return (
    <aside className="card sticky" aria-labelledby="cart-heading" data-testid="cart">
      <div className="card-title">
        <h2 id="cart-heading">Your cart</h2>
        {cart ? <span className="muted small">{cartItemCount(cart)} items</span> : null}
      </div>
      {pendingSwitch && cart ? (
        <SwitchQuestion
          cartRestaurant={cart.restaurantName}
          pendingSwitch={pendingSwitch}
          onHandled={onSwitchHandled}
        />
      ) : null}
      {!cart ? (
        <p className="muted">Your cart is empty. Add dishes from the menu to start an order.</p>
      ) : (
        <>
          <p className="small muted">From {cart.restaurantName}</p>
          <ul className="cart-lines">
            {cart.lines.map((line) => (
              <CartLineRow key={line.menuItemId} line={line} currency={cart.currency} />
            ))}
          </ul>
          <div className="total-row">
            <span>Total</span>
            <Money cents={cartTotalCents(cart)} currency={cart.currency} />
          </div>
          {cartTotalCents(cart) > orderAmountLimitCents ? (
            <p className="notice notice-warning small">
              The test payment provider declines payments above{' '}
              <Money cents={orderAmountLimitCents} currency={cart.currency} />; this order would be
              cancelled.
            </p>
          ) : null}
          <Link
            href="/checkout"
            className="button button-block cart-checkout"
            data-testid="checkout-link"
          >
            Go to checkout
          </Link>
        </>
      )}
    </aside>
  );
}
