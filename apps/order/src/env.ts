import { dedupeWindowOutlastsTopics, eventRetentionSettings, loadConfigOrExit, serviceSettings } from '@food/service-kit';

export const envSchema = serviceSettings('order').extend(eventRetentionSettings).superRefine(dedupeWindowOutlastsTopics);

export const env = loadConfigOrExit(envSchema, process.env);
