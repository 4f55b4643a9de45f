import { dedupeWindowOutlastsTopics, eventRetentionSettings, loadConfigOrExit, serviceSettings } from '@food/service-kit';

export const envSchema = serviceSettings('notification').extend(eventRetentionSettings).superRefine(dedupeWindowOutlastsTopics);

export const env = loadConfigOrExit(envSchema, process.env);
