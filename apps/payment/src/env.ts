import { loadConfigOrExit, serviceSettings } from '@food/service-kit';

export const envSchema = serviceSettings('payment');

export const env = loadConfigOrExit(envSchema, process.env);
