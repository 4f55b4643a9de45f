import type { UpstreamStatus } from '../system-health';
import { DataTable, type Column } from './data-table';

const columns: Column<UpstreamStatus>[] = [
  { header: 'Service', cell: (service) => service.service },
  {
    header: 'Status',
    cell: (service) => (
      <span
        className={service.ok ? 'badge badge-ok' : 'badge badge-down'}
        data-state={service.state}
      >
        {service.state}
      </span>
    ),
  },
  { header: 'Detail', cell: (service) => service.detail },
];

const checksColumn: Column<UpstreamStatus> = {
  header: 'Checks',
  className: 'small',
  cell: (service) =>
    service.checks
      .map((check) => `${check.name}: ${check.ok ? 'ok' : (check.detail ?? 'failing')}`)
      .join(', ') || '—',
};

/** One row per service behind the gateway: up, degraded or down, and why; with every check and loop it runs. */
export function ServiceHealthTable({
  services,
  showChecks = false,
}: {
  services: UpstreamStatus[];
  showChecks?: boolean;
}) {
  return (
    <DataTable
      columns={showChecks ? [...columns, checksColumn] : columns}
      rows={services}
      rowKey={(service) => service.service}
      rowAttributes={(service) => ({
        'data-testid': 'service-health',
        'data-service': service.service,
      })}
    />
  );
}
