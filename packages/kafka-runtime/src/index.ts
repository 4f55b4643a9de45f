export * from './kafka-client.js';
export * from './namespace.js';
export * from './ensure-topics.js';
