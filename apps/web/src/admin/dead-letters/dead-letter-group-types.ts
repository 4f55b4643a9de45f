import type { RouterOutputs } from '../../trpc/router-types';
import type { DeadLetterService } from './dead-letter-services';

export type DeadLetterGroup = RouterOutputs['payment']['deadLetters']['groups']['groups'][number];

/** A group in the view over all services: its queue, and a key unique across them. */
export type ServiceDeadLetterGroup = DeadLetterGroup & { service: DeadLetterService; key: string };

export type GroupAction = 'replay' | 'discard';

export interface GroupActionRequest {
  group: ServiceDeadLetterGroup;
  action: GroupAction;
  /** Replays per second (replay only). */
  rate: number;
  /** Why (discard only). */
  reason: string;
}

export interface GroupActionProgress {
  /** The service's bulk action doing the work. */
  id: string;
  key: string;
  action: GroupAction;
  done: number;
  skipped: number;
  total: number;
}
