import { loadConfigOrExit, serviceSettings } from '@food/service-kit';

export const envSchema = serviceSettings('notification');

export const env = loadConfigOrExit(envSchema, process.env);
