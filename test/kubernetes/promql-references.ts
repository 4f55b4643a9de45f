// The metric names and labels a PromQL expression uses, for checking rules and dashboards against /metrics. Enough
// PromQL for what they contain: selectors, matchers, ranges, functions, aggregations with by/without, vector
// matching with on/ignoring/group_left/group_right, and the binary operators.
const aggregations = [
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
  'limitk',
  'limit_ratio',
];
const functionsAndKeywords = new Set([
  ...aggregations,
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'bool',
  'offset',
]);
const groupingKeywords = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);

export interface PromqlReferences {
  /** Each metric with the labels its own matchers name. */
  metrics: Map<string, Set<string>>;
  /** Labels named in by/without/on/ignoring clauses. */
  groupingLabels: Set<string>;
}

const token =
  /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\[[^\]]*\]|\{[^}]*\}|[a-zA-Z_:][\w:]*|\d+(?:\.\d+)?(?:e[+-]?\d+)?|\S/g;

export function promqlReferences(expression: string): PromqlReferences {
  const metrics = new Map<string, Set<string>>();
  const groupingLabels = new Set<string>();
  const tokens = [...expression.matchAll(token)].map((match) => match[0]);
  let lastMetric: string | undefined;
  for (let index = 0; index < tokens.length; index += 1) {
    const current = tokens[index] ?? '';
    const next = tokens[index + 1];
    if (current.startsWith('{')) {
      const labels = [...current.matchAll(/([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)/g)].map(
        (match) => match[1] ?? '',
      );
      if (lastMetric) labels.forEach((label) => metrics.get(lastMetric ?? '')?.add(label));
      lastMetric = undefined;
      continue;
    }
    if (!/^[a-zA-Z_:]/.test(current)) {
      if (!current.startsWith('[')) lastMetric = undefined;
      continue;
    }
    if (groupingKeywords.has(current) && next === '(') {
      let cursor = index + 2;
      for (; cursor < tokens.length && tokens[cursor] !== ')'; cursor += 1) {
        const label = tokens[cursor] ?? '';
        if (label !== ',') groupingLabels.add(label);
      }
      index = cursor;
      lastMetric = undefined;
      continue;
    }
    if (functionsAndKeywords.has(current) || next === '(') {
      lastMetric = undefined;
      continue;
    }
    if (!metrics.has(current)) metrics.set(current, new Set());
    lastMetric = current;
  }
  return { metrics, groupingLabels };
}
