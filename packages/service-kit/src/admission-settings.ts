import { z } from 'zod';
import type { AdmissionLimits } from './admission-gate.js';

const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Connections of the service's database pool (pg's own default); shared by requests, consumers and the relay. */
export const databasePoolSizeSetting = wholeNumber(1, 1000).default(10);

/** How much work a service's HTTP server takes on before it answers 503 (docs/architecture.md, "Overload"). */
export const admissionSettings = {
  /** Unset: DATABASE_POOL_SIZE minus the connections kept for the Kafka side (admissionLimitsOf). */
  ADMISSION_MAX_IN_FLIGHT: wholeNumber(1, 10_000).optional(),
  ADMISSION_MAX_QUEUED: wholeNumber(0, 100_000).default(100),
  ADMISSION_QUEUE_TIMEOUT_MS: wholeNumber(0, 60_000).default(2000),
  ADMISSION_RETRY_AFTER_SECONDS: wholeNumber(1, 3600).default(1),
};

/** Connections left to the consumers and the outbox relay when ADMISSION_MAX_IN_FLIGHT is derived from the pool. */
const connectionsKeptForEventing = 2;

export interface AdmissionEnv {
  DATABASE_POOL_SIZE: number;
  ADMISSION_MAX_IN_FLIGHT?: number | undefined;
  ADMISSION_MAX_QUEUED: number;
  ADMISSION_QUEUE_TIMEOUT_MS: number;
  ADMISSION_RETRY_AFTER_SECONDS: number;
}

/**
 * The admission limits of a parsed config. A procedure call holds at most one connection at a time, so more calls in
 * flight than free connections would only queue inside Prisma, where a transaction that cannot start in time fails.
 */
export function admissionLimitsOf(env: AdmissionEnv): AdmissionLimits {
  return {
    maxInFlight: env.ADMISSION_MAX_IN_FLIGHT ?? Math.max(1, env.DATABASE_POOL_SIZE - connectionsKeptForEventing),
    maxQueued: env.ADMISSION_MAX_QUEUED,
    queueTimeoutMs: env.ADMISSION_QUEUE_TIMEOUT_MS,
    retryAfterSeconds: env.ADMISSION_RETRY_AFTER_SECONDS,
  };
}
