import { ConsumerStopping } from './wait-for-database.js';

/** What a partition does while a message waits: keep the group membership, and say why it is paused. */
export interface PartitionControl {
  /** Throws PartitionLost when the group is rebalancing: the batch must end, kafkajs rejoins. */
  heartbeat(): Promise<void>;
  isStopping(): boolean;
  /** Called with a reason when the partition starts waiting, and with null when it goes on. */
  paused(reason: string | null): void;
}

/** The group took the partition away (a rebalance) while a message waited: not the record's fault. */
export class PartitionLost extends Error {
  override readonly name = 'PartitionLost';
  constructor(readonly kafkaError: unknown) {
    super(`partition lost while waiting: ${(kafkaError as Error).message}`);
  }
}

/** Errors that end the batch rather than say anything about the record. */
export function interruptsBatch(error: unknown): boolean {
  return error instanceof ConsumerStopping || error instanceof PartitionLost;
}

/** A heartbeat whose failure (a rebalance) ends the batch instead of passing for a problem of the record. */
export function guardedHeartbeat(heartbeat: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await heartbeat();
    } catch (error) {
      throw new PartitionLost(error);
    }
  };
}
