import { createLogger } from '@food/service-kit';
import { loadToolEnv } from './env.js';

export const logger = createLogger('auth', { level: loadToolEnv().LOG_LEVEL });
