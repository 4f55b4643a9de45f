// Test support (excluded from the build): the payment router on a database of its own, called through createCaller.
import { startEventDrivenRouterTest } from '@food/kafka-runtime/testing';
import { createCallerFactory } from '@food/service-kit';
import { createDatabase } from '../db.js';
import { paymentRouter } from '../router/index.js';

const createCaller = createCallerFactory(paymentRouter);

export function startPaymentRouterTest(label: string) {
  return startEventDrivenRouterTest({ service: 'payment', label, createCaller, createDatabase, harnessUrl: import.meta.url });
}
