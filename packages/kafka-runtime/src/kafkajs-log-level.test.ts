import { logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { kafkajsLogLevel } from './kafkajs-log-level.js';

describe('kafkajsLogLevel', () => {
  it('writes the answers kafkajs retries by itself at debug, and group rejoins at info', () => {
    const loading = { message: 'Response FindCoordinator(key: 10, version: 2)', error: "The coordinator is loading and hence can't process requests for this group" };
    expect(kafkajsLogLevel({ level: logLevel.ERROR, namespace: 'Connection', log: { ...loading, timestamp: '', logger: 'kafkajs' } })).toBe('debug');
    expect(kafkajsLogLevel({ level: logLevel.WARN, namespace: 'Runner', log: { message: 'The group is rebalancing, re-joining', timestamp: '', logger: 'kafkajs' } })).toBe('info');
  });

  it("writes kafkajs's copies of a consumer crash and restart at info (the supervisor logs crashes)", () => {
    const crash = { message: "Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests for this group", timestamp: '', logger: 'kafkajs' };
    expect(kafkajsLogLevel({ level: logLevel.ERROR, namespace: 'Consumer', log: crash })).toBe('info');
    expect(kafkajsLogLevel({ level: logLevel.ERROR, namespace: 'Consumer', log: { message: 'Restarting the consumer in 250ms', timestamp: '', logger: 'kafkajs' } })).toBe('info');
  });

  it('keeps every other warning and error as kafkajs said it', () => {
    const refused = { message: 'Response Produce(key: 0, version: 7)', error: 'The broker received an out of order sequence number' };
    expect(kafkajsLogLevel({ level: logLevel.ERROR, namespace: 'Connection', log: { ...refused, timestamp: '', logger: 'kafkajs' } })).toBe('error');
    expect(kafkajsLogLevel({ level: logLevel.ERROR, namespace: 'Consumer', log: { message: 'Failed to execute listener: boom', timestamp: '', logger: 'kafkajs' } })).toBe('error');
    expect(kafkajsLogLevel({ level: logLevel.WARN, namespace: 'BrokerPool', log: { message: 'Failed to connect to seed broker', timestamp: '', logger: 'kafkajs' } })).toBe('warn');
  });
});
