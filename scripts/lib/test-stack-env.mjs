import { localAccounts } from './stack.mjs';

/** The TEST_STACK variable the end-to-end tests read (test/support/stack.ts): where every server of the stack is. */
export function testStackEnv(settings, processes, extras = {}) {
  return {
    TEST_STACK: JSON.stringify({
      kafkaBrokers: settings.kafkaBrokers,
      kafkaNamespace: settings.kafkaNamespace,
      postgresUrl: settings.postgresUrl,
      redisUrl: settings.redisUrl,
      urls: Object.fromEntries(processes.map((info) => [info.name, info.url])),
      accounts: localAccounts,
      databaseUrls: Object.fromEntries(processes.filter((info) => info.env.DATABASE_URL).map((info) => [info.service ?? info.name, info.env.DATABASE_URL])),
      ...extras,
    }),
  };
}
