import { loadConfigOrExit, serviceSettings } from '@food/service-kit';

export const envSchema = serviceSettings('auth');

export const env = loadConfigOrExit(envSchema, process.env);
