import { PageHeader } from '@/components/page-header';
import { ServiceHealthTable } from '@/components/service-health-table';
import { MenuView } from '@/menu/menu-view';
import { loadSystemHealth } from '@/system-health';
import { getServerQueryClient, HydrateClient, serverTrpc } from '@/trpc/server-trpc';

export const dynamic = 'force-dynamic';

export default async function MenuPage() {
  const trpc = await serverTrpc();
  const [health] = await Promise.all([
    loadSystemHealth(),
    getServerQueryClient().prefetchQuery(trpc.order.menu.queryOptions()),
  ]);
  return (
    <>
      <PageHeader
        title="What would you like to eat?"
        description="Choose a restaurant, fill your cart and check out. Payments use test cards: nothing is really charged."
      />
      <HydrateClient>
        <MenuView />
      </HydrateClient>
      <section className="card system-status" aria-labelledby="status-heading">
        <details>
          <summary id="status-heading">
            System status:{' '}
            {!health.gatewayReachable
              ? 'the gateway is not answering'
              : health.services.every((service) => service.ok)
                ? 'all services up'
                : 'some services are down'}
          </summary>
          {!health.gatewayReachable ? (
            <p role="alert" className="notice notice-error">
              The gateway is not answering. Start the stack with <code>npm start</code> and reload
              this page.
            </p>
          ) : (
            <ServiceHealthTable services={health.services} />
          )}
        </details>
      </section>
    </>
  );
}
