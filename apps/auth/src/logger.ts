import { createProcessLogger } from '@food/service-kit';
import { loadToolEnv } from './env.js';

export const logger = createProcessLogger('auth', loadToolEnv());
