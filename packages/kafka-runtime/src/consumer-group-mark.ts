/** What an operator should notice about a consumer group; `ok` needs nothing. */
export type ConsumerGroupMark = 'ok' | 'stopped' | 'rebalancing' | 'lagging';

/** Messages behind at which a running group is marked lagging (a healthy group is at most a batch or two behind). */
export const laggingThreshold = 100;

/**
 * A group without members reads nothing, whatever its lag (every instance stopped, or the group is a leftover);
 * a rebalancing one reads nothing until it settles; a running one far behind the end of its partitions is lagging.
 */
export function markConsumerGroup(group: {
  state: string;
  memberCount: number;
  totalLag: number;
}): ConsumerGroupMark {
  if (group.memberCount === 0 || group.state === 'Empty' || group.state === 'Dead')
    return 'stopped';
  if (group.state === 'PreparingRebalance' || group.state === 'CompletingRebalance')
    return 'rebalancing';
  if (group.totalLag >= laggingThreshold) return 'lagging';
  return 'ok';
}
