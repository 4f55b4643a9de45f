import { loadSystemHealth } from '@/system-health';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const health = await loadSystemHealth();
  return (
    <section aria-labelledby="status-heading">
      <h1 id="status-heading">System status</h1>
      {!health.gatewayReachable ? (
        <p role="alert" className="notice notice-error">
          The gateway is not answering. Start the stack with <code>npm start</code> and reload this page.
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Status</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {health.services.map((service) => (
              <tr key={service.service}>
                <td>{service.service}</td>
                <td>
                  <span className={service.ok ? 'badge badge-ok' : 'badge badge-down'}>{service.ok ? 'up' : 'down'}</span>
                </td>
                <td>{service.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
