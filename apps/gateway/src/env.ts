import { defaultPorts } from '@food/contracts';
import { loadConfigOrExit, logLevelSetting, portSetting } from '@food/service-kit';
import { z } from 'zod';

const upstream = (port: number) => z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${port}`);

export const envSchema = z.object({
  PORT: portSetting(defaultPorts.gateway),
  HOST: z.string().default('127.0.0.1'),
  AUTH_URL: upstream(defaultPorts.auth),
  ORDER_URL: upstream(defaultPorts.order),
  PAYMENT_URL: upstream(defaultPorts.payment),
  NOTIFICATION_URL: upstream(defaultPorts.notification),
  LOG_LEVEL: logLevelSetting,
});

export const env = loadConfigOrExit(envSchema, process.env);
