import { defaultPorts } from '@food/contracts';
import { z } from 'zod';

// Server-side settings of the web app; the only reader of process.env here.
const envSchema = z.object({
  GATEWAY_URL: z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${defaultPorts.gateway}`),
});

function loadEnv() {
  const result = envSchema.safeParse(process.env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}

export const env = loadEnv();
