import type { UpstreamStatus } from '../system-health';

/** One row per service behind the gateway: up, degraded or down, and why; with every check and loop it runs. */
export function ServiceHealthTable({
  services,
  showChecks = false,
}: {
  services: UpstreamStatus[];
  showChecks?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Status</th>
            <th scope="col">Detail</th>
            {showChecks ? <th scope="col">Checks</th> : null}
          </tr>
        </thead>
        <tbody>
          {services.map((service) => (
            <tr key={service.service} data-testid="service-health" data-service={service.service}>
              <td>{service.service}</td>
              <td>
                <span className={service.ok ? 'badge badge-ok' : 'badge badge-down'} data-state={service.state}>
                  {service.state}
                </span>
              </td>
              <td>{service.detail}</td>
              {showChecks ? (
                <td className="small">
                  {service.checks
                    .map(
                      (check) => `${check.name}: ${check.ok ? 'ok' : (check.detail ?? 'failing')}`,
                    )
                    .join(', ') || '—'}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
