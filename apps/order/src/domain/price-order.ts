import { DomainError } from '@food/contracts';

export interface MenuPrice {
  id: string;
  restaurantId: string;
  name: string;
  priceCents: number;
  available: boolean;
}

export interface RequestedLine {
  menuItemId: string;
  quantity: number;
}

export interface PricedLine {
  menuItemId: string;
  name: string;
  quantity: number;
  unitPriceCents: number;
}

/** A total above this is refused before anything is charged (about a very large party). */
export const maxOrderTotalCents = 1_000_000;

/**
 * Prices an order from the restaurant's own menu: the client sends items and quantities, never prices. Repeated
 * items are merged; an item of another restaurant, an unknown or unavailable item is refused, naming it.
 */
export function priceOrder(restaurantId: string, requested: readonly RequestedLine[], menu: ReadonlyMap<string, MenuPrice>) {
  const quantities = new Map<string, number>();
  for (const line of requested) quantities.set(line.menuItemId, (quantities.get(line.menuItemId) ?? 0) + line.quantity);
  const lines: PricedLine[] = [];
  for (const [menuItemId, quantity] of quantities) {
    const item = menu.get(menuItemId);
    if (!item || item.restaurantId !== restaurantId) {
      throw new DomainError('VALIDATION_FAILED', `items: ${menuItemId} is not on this restaurant's menu`, { menuItemId });
    }
    if (!item.available) throw new DomainError('VALIDATION_FAILED', `items: ${item.name} is not available right now`, { menuItemId });
    if (quantity > 99) throw new DomainError('VALIDATION_FAILED', `items: at most 99 of ${item.name}`, { menuItemId });
    lines.push({ menuItemId, name: item.name, quantity, unitPriceCents: item.priceCents });
  }
  const totalCents = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
  if (totalCents > maxOrderTotalCents) {
    throw new DomainError('VALIDATION_FAILED', `items: the total may not exceed ${maxOrderTotalCents / 100} per order`);
  }
  return { lines, totalCents };
}
