'use client';

export type LiveStatus = 'connecting' | 'live' | 'offline';

const labels: Record<LiveStatus, string> = {
  connecting: 'Connecting to live updates…',
  live: 'Live',
  offline: 'Live updates paused; refreshing every few seconds',
};

export function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span className="small muted nowrap" data-testid="live-status" data-status={status}>
      <span
        className={status === 'live' ? 'live-dot' : 'live-dot live-dot-off'}
        aria-hidden="true"
      />
      {labels[status]}
    </span>
  );
}
