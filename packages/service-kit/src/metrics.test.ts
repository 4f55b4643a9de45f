import { describe, expect, it } from 'vitest';
import { procedureLabeler } from './metrics.js';

describe('procedureLabeler', () => {
  const labelOf = procedureLabeler(['order.list', 'order.get']);

  it('labels a known procedure by its path and a batch of known ones as `batch`', () => {
    expect(labelOf('/trpc/order.list')).toBe('order.list');
    expect(labelOf('/trpc/order.list,order.get')).toBe('batch');
  });

  it('puts every unknown name under one label, however many there are', () => {
    const labels = new Set(
      ['order.x1', 'order.x2', 'x.y', 'order.list,order.nope', '', 'order.list%2C'].map((path) =>
        labelOf(`/trpc/${path}`),
      ),
    );
    expect([...labels]).toEqual(['unknown']);
    expect(labelOf('/anything')).toBe('other');
    expect(labelOf('/metrics')).toBe('/metrics');
  });
});
