// Counters in the Prometheus text format, without a client library: a handful of labelled counters is all we expose.

/** Counts things and renders them for `GET /metrics`. Labels never carry personal data. */
export interface Metrics {
  count(name: string, labels?: Record<string, string>, by?: number): void;
  render(): string;
}

export function createMetrics(): Metrics {
  const counters = new Map<string, Map<string, number>>();
  return {
    count(name, labels = {}, by = 1) {
      const series = counters.get(name) ?? new Map<string, number>();
      const key = Object.entries(labels)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
        .join(',');
      series.set(key, (series.get(key) ?? 0) + by);
      counters.set(name, series);
    },
    render() {
      const lines: string[] = [];
      for (const [name, series] of counters) {
        lines.push(`# TYPE ${name} counter`);
        for (const [labels, value] of series) lines.push(`${name}${labels ? `{${labels}}` : ''} ${value}`);
      }
      return lines.join('\n') + '\n';
    },
  };
}
