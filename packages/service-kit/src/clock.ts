/** What time it is: the system's in a process, a fixed or moving one in a test. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
