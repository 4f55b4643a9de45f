import { localAccounts } from './stack.mjs';

/**
 * The TEST_STACK variable the end-to-end tests read (test/support/stack.ts): where every server of the stack is,
 * and the shared secrets, for tests that call a service or the gateway as the gateway or the web app would.
 */
export function testStackEnv(settings, plan, extras = {}, processes = plan.all) {
  return {
    TEST_STACK: JSON.stringify({
      kafkaBrokers: settings.kafkaBrokers,
      kafkaNamespace: settings.kafkaNamespace,
      postgresUrl: settings.postgresUrl,
      redisUrl: settings.redisUrl,
      urls: Object.fromEntries(processes.map((info) => [info.name, info.url])),
      accounts: localAccounts,
      secrets: { gateway: plan.gateway.env.GATEWAY_SECRET, proxy: plan.gateway.env.PROXY_SECRET },
      databaseUrls: Object.fromEntries(
        plan.services.map((info) => [info.name, info.env.DATABASE_URL]),
      ),
      ...extras,
    }),
  };
}
