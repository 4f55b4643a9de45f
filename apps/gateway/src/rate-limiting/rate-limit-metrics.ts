import { metricsRegistry } from '@food/service-kit';
import { Counter } from 'prom-client';

export const rateLimitRejectionsTotal = new Counter({
  name: 'rate_limit_rejections_total',
  help: 'Requests refused with 429, by budget (per user, per IP, or the stricter sign-in budget)',
  labelNames: ['budget'] as const,
  registers: [metricsRegistry],
});
