import { describe, expect, it } from 'vitest';
import { procedurePathsOf } from './trpc-paths.js';

describe('procedurePathsOf', () => {
  it('reads a batch as tRPC does, an encoded comma included', () => {
    expect(procedurePathsOf('/trpc/order.list')).toEqual(['order.list']);
    expect(procedurePathsOf('/trpc/order.list,order.get')).toEqual(['order.list', 'order.get']);
    expect(procedurePathsOf('/trpc/order.create%2Corder.create')).toEqual(['order.create', 'order.create']);
    expect(procedurePathsOf('/trpc/notification%2Efeed')).toEqual(['notification.feed']);
  });

  it('counts a path that cannot be decoded as one', () => {
    expect(procedurePathsOf('/trpc/order.%E0%A4%A')).toEqual(['order.%E0%A4%A']);
  });
});
