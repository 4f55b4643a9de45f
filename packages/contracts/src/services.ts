/** The services behind the gateway, the first segment of every procedure path, and their default ports. */
export const serviceNames = ['auth', 'order', 'payment', 'notification'] as const;
export type ServiceName = (typeof serviceNames)[number];

export const defaultPorts = {
  web: 3000,
  gateway: 4000,
  auth: 4001,
  order: 4002,
  payment: 4003,
  notification: 4004,
} as const satisfies Record<ServiceName | 'web' | 'gateway', number>;

/** Each service owns one database; tests use the same name with a `_test` suffix. */
export const databaseNames = {
  auth: 'auth_db',
  order: 'order_db',
  payment: 'payment_db',
  notification: 'notification_db',
} as const satisfies Record<ServiceName, string>;
