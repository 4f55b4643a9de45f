export * from './services.js';
export * from './topics.js';
export * from './health.js';
