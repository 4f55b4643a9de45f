import { z } from 'zod';

/** A loop a process runs beside HTTP (a consumer group, the dead-letter store, the outbox relay), as health sees it. */
export const loopReport = z.object({
  name: z.string(),
  ok: z.boolean(),
  /** starting, running, paused, stalled, restarting, stopped, standby ... */
  state: z.string(),
  detail: z.string().optional(),
  /** Assigned partitions, as `topic[0,2]`. */
  partitions: z.array(z.string()).optional(),
  lag: z.number().optional(),
  lastError: z.string().optional(),
  restarts: z.number().optional(),
});
export type LoopReport = z.infer<typeof loopReport>;

export const healthReport = z.object({
  service: z.string(),
  status: z.enum(['ok', 'degraded']),
  uptimeSeconds: z.number(),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })),
  loops: z.array(loopReport).optional(),
});
export type HealthReport = z.infer<typeof healthReport>;
