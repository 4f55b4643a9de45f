import { describe, expect, it } from 'vitest';
import { routeTrpcPath } from './route-request.js';

describe('routeTrpcPath', () => {
  it('routes by the first segment of the procedure path', () => {
    expect(routeTrpcPath('/trpc/order.create')).toEqual({ kind: 'service', service: 'order' });
    expect(routeTrpcPath('/trpc/notification.list,notification.markRead')).toEqual({ kind: 'service', service: 'notification' });
  });

  it('rejects unknown services and batches that span services', () => {
    expect(routeTrpcPath('/trpc/kitchen.cook')).toMatchObject({ kind: 'rejected', status: 404 });
    expect(routeTrpcPath('/trpc/order.list,auth.me')).toMatchObject({ kind: 'rejected', status: 400 });
    expect(routeTrpcPath('/trpc/')).toMatchObject({ kind: 'rejected', status: 404 });
  });
});
