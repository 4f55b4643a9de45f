import type { Fault, FaultDeps } from '../fault.js';
import type { ChaosOptions } from '../options.js';
import { crashAfterCaptureFault } from './crash-after-capture.js';
import { cutDatabaseFault } from './cut-database.js';
import { killAndRestartFault } from './kill-and-restart.js';
import { killPartitionLeaderFault } from './kill-partition-leader.js';
import { providerOutageFault } from './provider-outage.js';
import { restartBrokerFault } from './restart-broker.js';

/**
 * The faults of a run. On the cluster, the broker restart gives way to the kill of a partition leader (restarting
 * all three brokers at once would test nothing a single broker does not).
 */
export function faultSchedule(options: ChaosOptions, deps: FaultDeps): Fault[] {
  const brokerFault = (at: number, downMs: number) =>
    options.cluster ? killPartitionLeaderFault(deps, at, downMs) : restartBrokerFault(deps, at);
  if (options.short) {
    return [
      killAndRestartFault(deps, 0.3, 'payment', 'payment (instance 1)'),
      brokerFault(options.cluster ? 0.4 : 0.6, 10_000),
      crashAfterCaptureFault(deps, 0.8),
    ];
  }
  return [
    killAndRestartFault(deps, 0.08, 'order'),
    killAndRestartFault(deps, 0.16, 'payment', 'payment (instance 1)'),
    killAndRestartFault(deps, 0.24, 'notification', 'notification (instance 1)'),
    killAndRestartFault(deps, 0.32, 'gateway'),
    killAndRestartFault(deps, 0.36, 'web-2', 'web (instance 2)'),
    brokerFault(0.4, 15_000),
    cutDatabaseFault(deps, 0.6, 'order'),
    crashAfterCaptureFault(deps, 0.7),
    // Late, once the consumers have caught up after the broker fault, so that charges really fail.
    providerOutageFault(deps, 0.88),
  ];
}
