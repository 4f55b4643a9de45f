/** The tests' settings: the Redis of the test stack when `npm test` runs them (TEST_STACK), else REDIS_URL, else local. */
const testStack = JSON.parse(process.env.TEST_STACK ?? '{}') as { redisUrl?: string };

export const testRedisUrl: string =
  testStack.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
