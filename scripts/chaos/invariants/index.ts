// Every invariant of the run, each one function; the order is the report's.
import type { ChaosStack } from '../chaos-stack.js';
import type { Check } from '../check.js';
import { noCaptureForDeclined, noEventProcessedTwice, noOutboxRowUnsent, oneCapturePerConfirmedOrder, oneNotificationPerOrder, onePaymentPerOrder } from './effects.js';
import { everyServiceHealthy } from './health.js';
import { everyOrderExists, historiesInSagaOrder, noOrderStuck, outcomesMatchPayments } from './orders.js';
import type { RunFacts } from './run-facts.js';
import { noMessageLost } from './topic-audit.js';

export async function checkInvariants(stack: ChaosStack, facts: RunFacts): Promise<Check[]> {
  return [
    everyOrderExists(facts),
    noOrderStuck(facts),
    outcomesMatchPayments(facts),
    await onePaymentPerOrder(facts),
    await oneCapturePerConfirmedOrder(facts),
    await noCaptureForDeclined(facts),
    await oneNotificationPerOrder(facts),
    await noEventProcessedTwice(facts),
    await noOutboxRowUnsent(facts),
    await everyServiceHealthy(stack),
    await noMessageLost(stack, facts),
    await historiesInSagaOrder(facts),
  ];
}
