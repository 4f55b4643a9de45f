export * from './services.js';
export * from './topics.js';
export * from './health.js';
export * from './envelope.js';
export * from './events.js';
export * from './headers.js';
export * from './errors.js';
export * from './auth.js';
