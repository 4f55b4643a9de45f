'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CartPanel, type PendingSwitch } from '../cart/cart-panel';
import { CartSummaryBar } from '../cart/cart-summary-bar';
import { cartStore } from '../cart/cart-store';
import { EmptyState } from '../components/empty-state';
import { QueryState } from '../components/query-state';
import { useTRPC } from '../trpc/trpc-react';
import { MenuItemCard, type MenuItem, type MenuRestaurant } from './menu-item-card';

/** Restaurants as tabs, the chosen one's dishes, and the cart beside them. */
export function MenuView() {
  const trpc = useTRPC();
  const menu = useQuery(trpc.order.menu.queryOptions(undefined, { staleTime: 60_000 }));
  return (
    <QueryState
      query={menu}
      what="the menu"
      loadingRows={6}
      empty={
        menu.data?.restaurants.length === 0 && (
          <EmptyState title="No restaurants yet">
            Come back soon: restaurants are being added.
          </EmptyState>
        )
      }
    >
      {(data) => <MenuWithCart restaurants={data.restaurants} />}
    </QueryState>
  );
}

function RestaurantTabs({
  restaurants,
  chosenId,
  onChoose,
}: {
  restaurants: MenuRestaurant[];
  chosenId: string;
  onChoose: (id: string) => void;
}) {
  return (
    <div className="restaurant-tabs" role="group" aria-label="Restaurants">
      {restaurants.map((restaurant) => (
        <button
          key={restaurant.id}
          type="button"
          className="restaurant-tab"
          aria-pressed={restaurant.id === chosenId}
          onClick={() => onChoose(restaurant.id)}
        >
          {restaurant.name}
        </button>
      ))}
    </div>
  );
}

function MenuWithCart({ restaurants }: { restaurants: MenuRestaurant[] }) {
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [pendingSwitch, setPendingSwitch] = useState<PendingSwitch | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const chosen: MenuRestaurant =
    restaurants.find((restaurant) => restaurant.id === chosenId) ?? restaurants[0]!;
  const add = (item: MenuItem) => {
    const restaurant = { id: chosen.id, name: chosen.name, currency: chosen.currency };
    const cartItem = { id: item.id, name: item.name, priceCents: item.priceCents };
    if (cartStore.add(restaurant, cartItem) === 'other-restaurant')
      setPendingSwitch({ restaurant, item: cartItem });
    else setAnnouncement(`${item.name} added to your cart.`);
  };

  return (
    <div className="grid-2">
      <section aria-labelledby="menu-heading">
        <h2 id="menu-heading" className="visually-hidden">
          Menu
        </h2>
        <RestaurantTabs restaurants={restaurants} chosenId={chosen.id} onChoose={setChosenId} />
        <div className="spread">
          <h3>
            {chosen.name} <span className="muted small">· {chosen.cuisine}</span>
          </h3>
        </div>
        {chosen.menuItems.length ? (
          <ul className="menu-items">
            {chosen.menuItems.map((item) => (
              <MenuItemCard
                key={item.id}
                item={item}
                currency={chosen.currency}
                onAdd={() => add(item)}
              />
            ))}
          </ul>
        ) : (
          <EmptyState title="Nothing on the menu right now">
            This restaurant has no dishes available at the moment.
          </EmptyState>
        )}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        <CartSummaryBar />
      </section>
      <CartPanel pendingSwitch={pendingSwitch} onSwitchHandled={() => setPendingSwitch(null)} />
    </div>
  );
}
