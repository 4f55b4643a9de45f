import { loadConfigOrExit, serviceSettings } from '@food/service-kit';

export const envSchema = serviceSettings('order');

export const env = loadConfigOrExit(envSchema, process.env);
