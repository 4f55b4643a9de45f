export type { AppRouter } from './app-router.js';
export * from './session.js';
export * from './create-api-client.js';
export * from './route-by-service.js';
