import { createProcessLogger } from '@food/service-kit';
import { env } from './env.js';

export const logger = createProcessLogger('order', env);
