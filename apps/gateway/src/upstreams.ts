import type { ServiceName } from '@food/contracts';
import { env } from './env.js';

export const upstreams: Record<ServiceName, URL> = {
  auth: new URL(env.AUTH_URL),
  order: new URL(env.ORDER_URL),
  payment: new URL(env.PAYMENT_URL),
  notification: new URL(env.NOTIFICATION_URL),
};
