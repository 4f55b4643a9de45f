'use client';
import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import '../security/zod-without-eval';

const cartLine = z.object({
  menuItemId: z.string(),
  name: z.string(),
  unitPriceCents: z.number().int().nonnegative(),
  quantity: z.number().int().min(1).max(99),
});
const cartSchema = z.object({
  restaurantId: z.string(),
  restaurantName: z.string(),
  currency: z.string(),
  lines: z.array(cartLine),
});

export type Cart = z.infer<typeof cartSchema>;
export type CartLine = z.infer<typeof cartLine>;
export interface CartRestaurant {
  id: string;
  name: string;
  currency: string;
}
export interface CartItem {
  id: string;
  name: string;
  priceCents: number;
}

const storageKey = 'food.cart.v1';
const listeners = new Set<() => void>();
let snapshot: Cart | null | undefined;

function read(): Cart | null {
  try {
    const parsed = cartSchema.safeParse(
      JSON.parse(window.localStorage.getItem(storageKey) ?? 'null'),
    );
    return parsed.success && parsed.data.lines.length ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(cart: Cart | null) {
  snapshot = cart && cart.lines.length ? cart : null;
  if (snapshot) window.localStorage.setItem(storageKey, JSON.stringify(snapshot));
  else window.localStorage.removeItem(storageKey);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== storageKey) return;
    snapshot = read();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

const getSnapshot = () => (snapshot === undefined ? (snapshot = read()) : snapshot);

/**
 * The cart lives in this browser (localStorage), so it survives signing in on the way to checkout. One cart holds
 * dishes of one restaurant, as an order does. Prices here are for display; the order service prices the order.
 */
export const cartStore = {
  /** Adds one of `item`; refuses (and changes nothing) when the cart holds another restaurant's dishes. */
  add(restaurant: CartRestaurant, item: CartItem): 'added' | 'other-restaurant' {
    const cart = getSnapshot();
    if (cart && cart.restaurantId !== restaurant.id) return 'other-restaurant';
    const lines = cart?.lines ?? [];
    const existing = lines.find((line) => line.menuItemId === item.id);
    write({
      restaurantId: restaurant.id,
      restaurantName: restaurant.name,
      currency: restaurant.currency,
      lines: existing
        ? lines.map((line) =>
            line === existing ? { ...line, quantity: Math.min(99, line.quantity + 1) } : line,
          )
        : [
            ...lines,
            { menuItemId: item.id, name: item.name, unitPriceCents: item.priceCents, quantity: 1 },
          ],
    });
    return 'added';
  },
  startWith(restaurant: CartRestaurant, item: CartItem) {
    write(null);
    cartStore.add(restaurant, item);
  },
  setQuantity(menuItemId: string, quantity: number) {
    const cart = getSnapshot();
    if (!cart) return;
    const lines = cart.lines
      .map((line) =>
        line.menuItemId === menuItemId ? { ...line, quantity: Math.min(99, quantity) } : line,
      )
      .filter((line) => line.quantity > 0);
    write({ ...cart, lines });
  },
  clear() {
    write(null);
  },
};

export function useCart(): Cart | null {
  return useSyncExternalStore(subscribe, getSnapshot, () => null);
}

export const cartTotalCents = (cart: Cart) =>
  cart.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
export const cartItemCount = (cart: Cart) =>
  cart.lines.reduce((sum, line) => sum + line.quantity, 0);
