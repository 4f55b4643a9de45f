import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { needsNewProducerSession } from './producer-session-error.js';

// kafkajs is CommonJS, and Node finds no named export of these in it.
const { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError, KafkaJSAggregateError, KafkaJSConnectionError } = kafkajs;
/** As kafkajs builds it from a Produce response's error code. */
const protocolError = (type: string, code: number, message: string) =>
  new KafkaJSProtocolError(Object.assign(new Error(message), { type, code, retriable: false }));
const outOfOrder = () => protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45, 'The broker received an out of order sequence number');

describe('needsNewProducerSession', () => {
  it('says yes to the errors a new producer id cures, however kafkajs wraps them', () => {
    expect(needsNewProducerSession(outOfOrder())).toBe(true);
    expect(needsNewProducerSession(new KafkaJSNumberOfRetriesExceeded(outOfOrder(), { retryCount: 5, retryTime: 3000 }))).toBe(true);
    expect(needsNewProducerSession(new KafkaJSAggregateError('two brokers failed', [new Error('other'), outOfOrder()]))).toBe(true);
    expect(needsNewProducerSession(protocolError('UNKNOWN_PRODUCER_ID', 59, 'This exception is raised by the broker if it could not locate the producer metadata'))).toBe(true);
  });

  it('says no to a broker out of reach or anything else', () => {
    expect(needsNewProducerSession(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED'))).toBe(false);
    expect(needsNewProducerSession(new Error('OUT_OF_ORDER_SEQUENCE_NUMBER'))).toBe(false);
    expect(needsNewProducerSession(undefined)).toBe(false);
  });
});
