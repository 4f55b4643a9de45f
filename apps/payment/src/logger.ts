import { createLogger } from '@food/service-kit';
import { env } from './env.js';

export const logger = createLogger('payment', { level: env.LOG_LEVEL });
