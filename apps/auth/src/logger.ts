import { createLogger } from '@food/service-kit';
import { env } from './env.js';

export const logger = createLogger('auth', { level: env.LOG_LEVEL });
