import type { SessionUser } from './session-user';

/** Where a user starts: admins in the console, customers at the menu. */
export const homeOf = (user: SessionUser) => (user.role === 'ADMIN' ? '/admin/orders' : '/');
