import { env } from '../env.js';
import { logger } from '../logger.js';
import { NotificationFeed } from './notification-feed.js';

export const notificationFeed = new NotificationFeed(env.DATABASE_URL, logger);
