// The chaos run's command line, parsed at the edge.
import { parseArgs } from 'node:util';

export interface ChaosOptions {
  /** The short run of `npm test`: fewer orders and three faults. */
  short: boolean;
  /** On a 3-broker KRaft cluster (KAFKA_BROKERS_IN_CLUSTER=3), with a partition leader killed. */
  cluster: boolean;
  orderCount: number;
  ratePerSecond: number;
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, got "${raw}"`);
  return value;
}

export function readOptions(argv: string[]): ChaosOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      orders: { type: 'string' },
      rate: { type: 'string' },
      short: { type: 'boolean', default: false },
      cluster: { type: 'boolean', default: false },
    },
  });
  const short = values.short;
  return {
    short,
    cluster: values.cluster || process.env.KAFKA_BROKERS_IN_CLUSTER === '3',
    orderCount: positiveInteger('orders', values.orders, short ? 300 : 5000),
    // What its stack sustains on two cores (npm run bench with two payment and two notification instances: 10/s):
    // the run measures recovery. Above that every fault's "drain" is the overload's own backlog, and the client's
    // retries of refused creates (503) only add to it.
    ratePerSecond: positiveInteger('rate', values.rate, short ? 30 : 10),
  };
}
