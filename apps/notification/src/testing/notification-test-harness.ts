// Test support (excluded from the build): the notification router on a database of its own, with its live feed,
// called through createCaller.
import { startEventDrivenRouterTest } from '@food/kafka-runtime/testing';
import { createCallerFactory } from '@food/service-kit';
import { createDatabase } from '../db.js';
import { NotificationFeed } from '../feed/notification-feed.js';
import { notificationRouter } from '../router/index.js';

export function startNotificationRouterTest(label: string) {
  return startEventDrivenRouterTest({
    service: 'notification',
    label,
    createCaller: createCallerFactory(notificationRouter),
    createDatabase,
    harnessUrl: import.meta.url,
    open: async ({ url, logger }) => {
      const feed = new NotificationFeed(url, logger);
      await feed.start();
      return { extra: { feed }, close: () => feed.stop() };
    },
  });
}
