import { deadLetterKey, type DeadLetter, type ServiceDeadLetter } from './dead-letter-types';
import type { DeadLetterService } from './dead-letter-services';

export interface LoadedQueue {
  service: DeadLetterService;
  /** Pages loaded so far, newest first, as each service answers. */
  items: DeadLetter[];
  hasMore: boolean;
}

const newerFirst = (a: DeadLetter, b: DeadLetter) =>
  a.failedAt === b.failedAt ? (a.id < b.id ? 1 : -1) : a.failedAt < b.failedAt ? 1 : -1;

/**
 * Merges several services' dead letters into one list, newest first. A service with more pages to load may still
 * have letters newer than another service's oldest loaded one, so rows older than the oldest loaded letter of any
 * such service are held back until more is loaded: the merged list never skips a letter.
 */
export function mergeNewestFirst(queues: LoadedQueue[]): {
  rows: ServiceDeadLetter[];
  heldBack: number;
} {
  const all = queues
    .flatMap((queue) =>
      queue.items.map((item) => ({
        ...item,
        service: queue.service,
        key: deadLetterKey(queue.service, item.id),
      })),
    )
    .sort(newerFirst);
  const boundaries = queues
    .filter((queue) => queue.hasMore)
    .map((queue) => queue.items.at(-1))
    .filter((item) => item !== undefined);
  const boundary = boundaries.sort(newerFirst)[0];
  const rows = boundary ? all.filter((item) => newerFirst(item, boundary) <= 0) : all;
  return { rows, heldBack: all.length - rows.length };
}
