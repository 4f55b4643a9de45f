import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kubernetesDir } from './cluster.js';
import { readManifests } from './kustomize.js';

export const dashboardFile = path.join(kubernetesDir, 'monitoring/grafana-dashboard.json');
export const alertRulesFile = path.join(kubernetesDir, 'monitoring/alert-rules.yaml');
export const podMonitorFile = path.join(kubernetesDir, 'monitoring/pod-monitor.yaml');

export interface QueryOf {
  where: string;
  expression: string;
}

/** Every PromQL expression of the alert rules and the dashboard (panels and template variables). */
export function monitoringQueries(): QueryOf[] {
  const rules = readManifests(alertRulesFile).flatMap((rule) =>
    (rule.spec as { groups: { rules: { alert: string; expr: string }[] }[] }).groups.flatMap(
      (group) =>
        group.rules.map((entry) => ({ where: `alert ${entry.alert}`, expression: entry.expr })),
    ),
  );
  const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8')) as {
    panels: { title: string; targets?: { expr: string }[] }[];
    templating: { list: { name: string; query?: { query?: string } | string }[] };
  };
  const panels = dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({
      where: `panel ${panel.title}`,
      expression: target.expr,
    })),
  );
  const variables = dashboard.templating.list.flatMap((variable) => {
    const query = typeof variable.query === 'object' ? variable.query.query : undefined;
    const inner = query && /^label_values\((.+),\s*\w+\)$/.exec(query)?.[1];
    return inner ? [{ where: `variable ${variable.name}`, expression: inner }] : [];
  });
  return [...rules, ...panels, ...variables].map(({ where, expression }) => ({
    where,
    // Grafana's variables are not PromQL: a matcher's value is enough to stand in for them.
    expression: expression.replaceAll('$app', '.*'),
  }));
}

/**
 * Labels every series gets from the scrape, not from the process: Prometheus's own, and what the PodMonitor's
 * relabelings add.
 */
export function scrapeTargetLabels(): Set<string> {
  const [podMonitor] = readManifests(podMonitorFile);
  const endpoints = (
    podMonitor?.spec as { podMetricsEndpoints: { relabelings?: { targetLabel?: string }[] }[] }
  ).podMetricsEndpoints;
  return new Set([
    'job',
    'instance',
    'namespace',
    'pod',
    'container',
    'endpoint',
    ...endpoints.flatMap((endpoint) =>
      (endpoint.relabelings ?? []).flatMap((relabeling) => relabeling.targetLabel ?? []),
    ),
  ]);
}

/** Series Prometheus makes itself for each target, which no /metrics lists. */
export const scrapeSeries: Record<string, string[]> = { up: [] };
