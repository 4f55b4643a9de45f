import { DomainError } from '@food/contracts';
import { describe, expect, it } from 'vitest';
import { priceOrder, type MenuPrice } from './price-order.js';

const menu = new Map<string, MenuPrice>(
  [
    { id: 'pizza', restaurantId: 'roma', name: 'Pizza', priceCents: 950, available: true },
    { id: 'wine', restaurantId: 'roma', name: 'Wine', priceCents: 2400, available: false },
    { id: 'sushi', restaurantId: 'sakura', name: 'Sushi', priceCents: 1100, available: true },
    { id: 'banquet', restaurantId: 'roma', name: 'Banquet', priceCents: 450_000, available: true },
  ].map((item) => [item.id, item]),
);

describe('priceOrder', () => {
  it('totals from menu prices and merges repeated items', () => {
    const priced = priceOrder('roma', [{ menuItemId: 'pizza', quantity: 2 }, { menuItemId: 'pizza', quantity: 1 }], menu);
    expect(priced).toEqual({ lines: [{ menuItemId: 'pizza', name: 'Pizza', quantity: 3, unitPriceCents: 950 }], totalCents: 2850 });
  });

  it.each([
    ['an item of another restaurant', [{ menuItemId: 'sushi', quantity: 1 }], /sushi is not on this restaurant's menu/],
    ['an unknown item', [{ menuItemId: 'nope', quantity: 1 }], /nope is not on this restaurant's menu/],
    ['an unavailable item', [{ menuItemId: 'wine', quantity: 1 }], /Wine is not available/],
    ['too many of one item', [{ menuItemId: 'pizza', quantity: 60 }, { menuItemId: 'pizza', quantity: 40 }], /at most 99/],
    ['a total above the limit', [{ menuItemId: 'banquet', quantity: 3 }], /may not exceed/],
  ])('refuses %s', (_label, lines, message) => {
    expect(() => priceOrder('roma', lines, menu)).toThrow(DomainError);
    expect(() => priceOrder('roma', lines, menu)).toThrow(message);
  });
});
