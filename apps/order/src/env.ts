import { databaseNames, defaultPorts } from '@food/contracts';
import { loadConfigOrExit, logLevelSetting, portSetting } from '@food/service-kit';
import { z } from 'zod';

export const envSchema = z.object({
  PORT: portSetting(defaultPorts.order),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .default(`postgresql://postgres@127.0.0.1:5432/${databaseNames.order}`),
  LOG_LEVEL: logLevelSetting,
});

export const env = loadConfigOrExit(envSchema, process.env);
