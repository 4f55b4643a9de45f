'use client';
import Link from 'next/link';
import { Money } from '../components/money';
import { cartItemCount, cartTotalCents, useCart } from './cart-store';

/** On narrow screens the cart sits below the menu: this bar keeps the total and the way to checkout in reach. */
export function CartSummaryBar() {
  const cart = useCart();
  if (!cart) return null;
  const count = cartItemCount(cart);
  return (
    <div className="cart-bar">
      <a href="#cart-heading" className="cart-bar-summary">
        {count} {count === 1 ? 'dish' : 'dishes'} ·{' '}
        <Money cents={cartTotalCents(cart)} currency={cart.currency} />
      </a>
      <Link href="/checkout" className="button button-small">
        Checkout
      </Link>
    </div>
  );
}
