import { describe, expect, it } from 'vitest';
import { laggingThreshold, markConsumerGroup } from './consumer-group-mark.js';

describe('markConsumerGroup', () => {
  it('marks a group without members stopped, even when it is not behind', () => {
    expect(markConsumerGroup({ state: 'Empty', memberCount: 0, totalLag: 0 })).toBe('stopped');
    expect(markConsumerGroup({ state: 'Dead', memberCount: 0, totalLag: 5 })).toBe('stopped');
  });

  it('marks a rebalancing group, which reads nothing until it settles', () => {
    expect(markConsumerGroup({ state: 'PreparingRebalance', memberCount: 2, totalLag: 0 })).toBe(
      'rebalancing',
    );
    expect(markConsumerGroup({ state: 'CompletingRebalance', memberCount: 1, totalLag: 0 })).toBe(
      'rebalancing',
    );
  });

  it('marks a running group lagging only from the threshold on', () => {
    expect(
      markConsumerGroup({ state: 'Stable', memberCount: 1, totalLag: laggingThreshold - 1 }),
    ).toBe('ok');
    expect(markConsumerGroup({ state: 'Stable', memberCount: 1, totalLag: laggingThreshold })).toBe(
      'lagging',
    );
  });
});
