import { describe, expect, it } from 'vitest';
import { routeTrpcCall } from './route-request.js';

describe('routeTrpcCall', () => {
  it('routes by the first segment of the procedure path', () => {
    expect(routeTrpcCall(['order.create'])).toEqual({ kind: 'service', service: 'order' });
    expect(routeTrpcCall(['notification.list', 'notification.markRead'])).toEqual({
      kind: 'service',
      service: 'notification',
    });
  });

  it('rejects unknown services and batches that span services', () => {
    expect(routeTrpcCall(['kitchen.cook'])).toMatchObject({ kind: 'rejected', status: 404 });
    expect(routeTrpcCall(['order.list', 'auth.me'])).toMatchObject({
      kind: 'rejected',
      status: 400,
    });
    expect(routeTrpcCall([])).toMatchObject({ kind: 'rejected', status: 404 });
  });
});
