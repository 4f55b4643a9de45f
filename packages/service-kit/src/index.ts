export * from './parse-env.js';
export * from './logger.js';
export * from './postgres.js';
export * from './migrate.js';
export * from './trpc-http-server.js';
export * from './health.js';
export * from './shutdown.js';
