import { createLogger } from '@food/service-kit';
import { env } from './env.js';

export const logger = createLogger('notification', { level: env.LOG_LEVEL });
