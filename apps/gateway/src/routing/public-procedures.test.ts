import { describe, expect, it } from 'vitest';
import { isPublicCall, isPublicProcedure } from './public-procedures.js';

describe('the public allow-list', () => {
  it.each([
    'auth.register',
    'auth.login',
    'auth.refresh',
    'auth.logout',
    'order.menu',
    'auth.health',
    'order.health',
    'payment.health',
    'notification.health',
  ])('%s is public', (procedure) => expect(isPublicProcedure(procedure)).toBe(true));

  it.each([
    'auth.me',
    'auth.listUsers',
    'auth.setRole',
    'order.create',
    'order.menu.admin',
    'kitchen.health',
    'auth.health.x',
    'auth',
    '',
  ])('%s is not', (procedure) => expect(isPublicProcedure(procedure)).toBe(false));

  it('makes a call public only if every procedure in it is', () => {
    expect(isPublicCall(['order.menu', 'order.health'])).toBe(true);
    expect(isPublicCall(['order.menu', 'order.list'])).toBe(false);
    expect(isPublicCall([])).toBe(false);
  });
});
