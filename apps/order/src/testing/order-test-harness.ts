// Test support (excluded from the build): the order router on a database of its own, called through createCaller.
import { startEventDrivenRouterTest } from '@food/kafka-runtime/testing';
import { createCallerFactory } from '@food/service-kit';
import { createDatabase } from '../db.js';
import { orderRouter } from '../router/index.js';

const createCaller = createCallerFactory(orderRouter);

export function startOrderRouterTest(label: string) {
  return startEventDrivenRouterTest({ service: 'order', label, createCaller, createDatabase, harnessUrl: import.meta.url });
}
