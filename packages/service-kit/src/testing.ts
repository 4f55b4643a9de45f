// What service tests share (`@food/service-kit/testing`): a migrated database of their own, a settable clock.
export * from './test-database.js';
export * from './router-test-support.js';
export * from './router-test.js';
export * from './fixture-server.js';
