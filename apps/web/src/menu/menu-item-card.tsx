'use client';
import { Money } from '../components/money';
import type { RouterOutputs } from '../trpc/router-types';

export type MenuRestaurant = RouterOutputs['order']['menu']['restaurants'][number];
export type MenuItem = MenuRestaurant['menuItems'][number];

export function MenuItemCard({
  item,
  currency,
  onAdd,
}: {
  item: MenuItem;
  currency: string;
  onAdd: () => void;
}) {
  return (
    <li className="card menu-item" data-testid="menu-item" data-item-id={item.id}>
      <h3>{item.name}</h3>
      <p>{item.description}</p>
      <div className="menu-item-foot">
        <Money cents={item.priceCents} currency={currency} />
        <button
          type="button"
          className="button button-small"
          onClick={onAdd}
          aria-label={`Add ${item.name} to cart`}
        >
          Add
        </button>
      </div>
    </li>
  );
}
