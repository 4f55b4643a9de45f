import { z } from 'zod';

export const healthReport = z.object({
  service: z.string(),
  status: z.enum(['ok', 'degraded']),
  uptimeSeconds: z.number(),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), detail: z.string().optional() })),
});
export type HealthReport = z.infer<typeof healthReport>;
