// The alert rules and the Grafana dashboard against the running services' /metrics, and the manifests' probes against
// the running processes: so neither can drift from the code. Needs the stack `npm test` starts (TEST_STACK).
import { metricsRegistry } from '@food/service-kit';
import '@food/kafka-runtime';
import '../../apps/gateway/src/rate-limiting/rate-limit-metrics.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { stackUrl } from '../support/stack.js';
import { loadCluster } from './cluster.js';
import { declaredMetrics } from './exposition.js';
import { probeTargets } from './workload-checks.js';
import { monitoringQueries, scrapeSeries, scrapeTargetLabels } from './monitoring-files.js';
import { promqlReferences } from './promql-references.js';

const scraped = ['gateway', 'auth', 'order', 'payment', 'notification'];

/** Label names the code declares for each metric, for counters that have no sample yet (labels show on samples only). */
function labelsDeclaredInCode(): Map<string, Set<string>> {
  return new Map(
    metricsRegistry
      .getMetricsAsArray()
      .map(
        (metric) =>
          [
            metric.name,
            new Set((metric as unknown as { labelNames?: string[] }).labelNames ?? []),
          ] as const,
      ),
  );
}

describe.skipIf(!process.env.TEST_STACK)(
  'alert rules, dashboard and probes against the running stack',
  () => {
    const metricsOf = new Map<string, Map<string, Set<string>>>();

    beforeAll(async () => {
      for (const app of scraped) {
        const response = await fetch(`${stackUrl(app)}/metrics`);
        expect(response.status, app).toBe(200);
        metricsOf.set(app, declaredMetrics(await response.text()));
      }
    });

    it('every metric and label the rules and the dashboard use is exposed by the processes they name', () => {
      const declaredInCode = labelsDeclaredInCode();
      const targetLabels = scrapeTargetLabels();
      const problems: string[] = [];
      const queries = monitoringQueries();
      expect(queries.length).toBeGreaterThan(10);
      for (const { where, expression } of queries) {
        const { metrics, groupingLabels } = promqlReferences(expression);
        const labelsInQuery = new Set<string>(targetLabels);
        for (const [metric, matcherLabels] of metrics) {
          const appMatcher = /app=~?"([^"]+)"/.exec(expression)?.[1];
          const apps = appMatcher && appMatcher !== '.*' ? appMatcher.split('|') : scraped;
          const servedBy = apps.filter((app) => metricsOf.get(app)?.has(metric));
          if (metric in scrapeSeries) {
            scrapeSeries[metric]?.forEach((label) => labelsInQuery.add(label));
          } else if (
            servedBy.length === 0 ||
            (appMatcher && appMatcher !== '.*' && servedBy.length !== apps.length)
          ) {
            problems.push(
              `${where}: ${metric} is not exposed by ${apps.filter((app) => !servedBy.includes(app)).join(', ')}`,
            );
            continue;
          }
          const known = new Set([
            ...targetLabels,
            ...scraped.flatMap((app) => [...(metricsOf.get(app)?.get(metric) ?? [])]),
            ...(declaredInCode.get(metric.replace(/_(bucket|sum|count)$/, '')) ?? []),
            ...(metric.endsWith('_bucket') ? ['le'] : []),
          ]);
          known.forEach((label) => labelsInQuery.add(label));
          for (const label of matcherLabels) {
            if (!known.has(label)) problems.push(`${where}: ${metric} has no label ${label}`);
          }
        }
        for (const label of groupingLabels) {
          if (!labelsInQuery.has(label))
            problems.push(`${where}: no metric of the query has the label ${label}`);
        }
      }
      expect(problems.join('\n')).toBe('');
    });

    it('a metric or label that no process exposes is found', () => {
      const { metrics, groupingLabels } = promqlReferences(
        'sum by (app, topik) (rate(events_consumd_total{outcome="x"}[5m]))',
      );
      expect([...metrics.keys()]).toEqual(['events_consumd_total']);
      expect(scraped.some((app) => metricsOf.get(app)?.has('events_consumd_total'))).toBe(false);
      expect([...groupingLabels]).toEqual(['app', 'topik']);
      expect(scraped.some((app) => metricsOf.get(app)?.get('consumer_lag')?.has('topik'))).toBe(
        false,
      );
    });

    it('every probe of the manifests succeeds on the running process it asks', async () => {
      const problems: string[] = [];
      for (const { app, kind, path } of probeTargets(loadCluster())) {
        const response = await fetch(`${stackUrl(app)}${path}`, {
          redirect: 'manual',
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        // httpGet succeeds on 200-399; the exec probes (the gateway's) succeed on any answer.
        if (kind === 'httpGet' && !(response.status >= 200 && response.status < 400))
          problems.push(`${app} answers ${response.status} to its probe ${path}`);
      }
      expect(problems.join('\n')).toBe('');
    });
  },
);
