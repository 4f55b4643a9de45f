import type { RouterInputs, RouterOutputs } from '../../trpc/router-types';
import type { DeadLetterService } from './dead-letter-services';

export type DeadLetter = RouterOutputs['payment']['deadLetters']['list']['items'][number];
export type DeadLetterDetails = RouterOutputs['payment']['deadLetters']['get'];
export type DeadLetterFilter = RouterInputs['payment']['deadLetters']['count'];
export type ReplayResult = RouterOutputs['payment']['deadLetters']['replaySelected'];

/** A dead letter in the one view over all services: which queue it sits in, and a key unique across them. */
export type ServiceDeadLetter = DeadLetter & { service: DeadLetterService; key: string };

export const deadLetterKey = (service: DeadLetterService, id: string) => `${service}:${id}`;
