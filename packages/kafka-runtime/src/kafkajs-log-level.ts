import { logLevel, type LogEntry } from 'kafkajs';

export type LogLevelName = 'error' | 'warn' | 'info' | 'debug';

const levelNames: Record<number, LogLevelName> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * Broker answers that kafkajs retries by itself and that every start, broker restart and rebalance produces: the
 * group coordinator still loading `__consumer_offsets`, a rebalance under way, a partition's leader being elected.
 * kafkajs logs each failed response at ERROR before retrying it; a retry that finally gives up reaches our code as
 * an error and is logged there, with its context. Keyed by kafkajs's messages (protocol/error.js), which is all its
 * log line carries.
 */
const routineAnswers = new Set([
  "The coordinator is loading and hence can't process requests for this group", // GROUP_LOAD_IN_PROGRESS
  'The group coordinator is not available', // GROUP_COORDINATOR_NOT_AVAILABLE
  'This is not the correct coordinator for this group', // NOT_COORDINATOR_FOR_GROUP
  'The group is rebalancing, so a rejoin is needed', // REBALANCE_IN_PROGRESS
  'The coordinator is not aware of this member', // UNKNOWN_MEMBER_ID
  'Specified group generation id is not valid', // ILLEGAL_GENERATION
  'There is no leader for this topic-partition as we are in the middle of a leadership election', // LEADER_NOT_AVAILABLE
  'This server is not the leader for that topic-partition', // NOT_LEADER_FOR_PARTITION
  'This server does not host this topic-partition', // UNKNOWN_TOPIC_OR_PARTITION (metadata not yet propagated)
  'The leader epoch in the request is older than the epoch on the broker', // FENCED_LEADER_EPOCH
]);

/** kafkajs's own lines about rejoining a group: what a consumer group does on every membership change. */
const routineRejoins = new Set([
  'The group is rebalancing, re-joining',
  'The coordinator is not aware of this member, re-joining the group',
]);

/**
 * kafkajs's lines about a consumer it crashed and restarts: the supervisor (supervised-consumer.ts) sees every crash,
 * shows it in `/health` and logs it at the level it deserves (a warning when a consumer keeps crashing or is not
 * restarted), so kafkajs's own copies are information. A clean start has one: a group joined while its coordinator
 * still loads crashes the consumer, and kafkajs restarts it 250 ms later.
 */
const consumerLifecycle = /^(Crash: |Restarting the consumer in )/;

/**
 * The level a kafkajs log line is written at: its own, except for the routine answers above (debug), routine rejoins
 * and consumer restarts (info), so that a clean start or a rebalance writes no warning and a warning means something.
 */
export function kafkajsLogLevel({ level, namespace, log }: Pick<LogEntry, 'level' | 'namespace' | 'log'>): LogLevelName {
  const named = levelNames[level] ?? 'info';
  if (named !== 'error' && named !== 'warn') return named;
  const { message, error } = log as { message?: unknown; error?: unknown };
  if (namespace === 'Connection' && typeof error === 'string' && routineAnswers.has(error)) return 'debug';
  if (typeof message === 'string' && routineRejoins.has(message)) return 'info';
  if (namespace === 'Consumer' && typeof message === 'string' && consumerLifecycle.test(message)) return 'info';
  return named;
}
