/** The metrics a /metrics page declares, with every label its samples carry (a histogram's `le` included). */
export function declaredMetrics(text: string): Map<string, Set<string>> {
  const metrics = new Map<string, Set<string>>();
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    const declared = /^# TYPE (\S+) (\S+)/.exec(line);
    if (declared) {
      const [, name = '', type = ''] = declared;
      types.set(name, type);
      for (const series of type === 'histogram'
        ? ['_bucket', '_sum', '_count', '']
        : type === 'summary'
          ? ['_sum', '_count', '']
          : ['']) {
        metrics.set(`${name}${series}`, new Set());
      }
      continue;
    }
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})?\s/.exec(line);
    if (!sample) continue;
    const labels = metrics.get(sample[1] ?? '');
    for (const [, label = ''] of (sample[2] ?? '').matchAll(/([a-zA-Z_]\w*)="/g))
      labels?.add(label);
  }
  return metrics;
}
