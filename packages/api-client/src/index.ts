export type { AppRouter } from './app-router.js';
export * from './session.js';
export * from './create-api-client.js';
export * from './route-by-service.js';
export type { ApiClientOptions } from './client-options.js';
export * from './overload-retry-policy.js';
export * from './retry-when-overloaded.js';
