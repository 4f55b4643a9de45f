import type { Metadata } from 'next';
import { loadEventingOverview } from '@/admin/system/eventing-overview';
import { ConsumerGroupsTable } from '@/admin/system/consumer-groups-table';
import { EventingTable } from '@/admin/system/eventing-table';
import { RefreshButton } from '@/admin/system/refresh-button';
import { PageHeader } from '@/components/page-header';
import { ServiceHealthTable } from '@/components/service-health-table';
import { serverGateway } from '@/gateway/server-gateway';
import { loadSystemHealth } from '@/system-health';

export const metadata: Metadata = { title: 'System' };

export default async function SystemPage() {
  const [health, overview] = await Promise.all([
    loadSystemHealth(),
    serverGateway().then(loadEventingOverview),
  ]);
  return (
    <>
      <PageHeader
        title="System"
        description="Health of each service, and how the events between them are flowing."
        actions={<RefreshButton />}
      />
      <div className="stack">
        <section className="card" aria-labelledby="health-heading">
          <h2 id="health-heading">Service health</h2>
          {!health.gatewayReachable ? (
            <p role="alert" className="notice notice-error">
              The gateway is not answering, so the services cannot be reached either. Start the
              stack and refresh.
            </p>
          ) : (
            <>
              <ServiceHealthTable services={health.services} showChecks />
              {health.redis ? (
                <p className="small facts-spaced">
                  Redis (rate limits, login throttle):{' '}
                  <span className={health.redis.ok ? 'badge badge-ok' : 'badge badge-down'}>
                    {health.redis.ok ? 'up' : 'down'}
                  </span>{' '}
                  {health.redis.ok ? null : health.redis.detail}
                </p>
              ) : null}
            </>
          )}
        </section>
        <section className="card" aria-labelledby="pipeline-heading">
          <h2 id="pipeline-heading">Event pipeline</h2>
          <p className="small muted">
            Events waiting in each service&apos;s outbox, how many messages its consumers are
            behind, and its dead-letter queue. A growing backlog or lag means a service is falling
            behind; pending dead letters need someone to replay or discard them.
          </p>
          <EventingTable overview={overview} />
        </section>
        <section className="card" aria-labelledby="groups-heading">
          <h2 id="groups-heading">Consumer groups</h2>
          <p className="small muted">
            Each group as the broker describes it: its members and the partitions each reads, and
            how far it is behind. A group with no members (stopped) or far behind (lagging) is
            marked.
          </p>
          <ConsumerGroupsTable overview={overview} />
        </section>
      </div>
    </>
  );
}
