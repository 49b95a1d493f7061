// Small SVG bar charts for the reports page: drawn here, no chart library, nothing fetched from anywhere.

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One series of a bar chart: its name (the legend) and a value per label; null draws nothing. */
export interface Series {
  name: string;
  values: (number | null)[];
  /** A CSS class (`s1`…`s4`) that colours it. */
  tone: string;
}

/** Four or five steps up the axis, each 1, 2 or 5 times a power of ten, so the labels read cleanly. */
function axis(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  return { top: Math.ceil(max / step) * step, step };
}

/**
 * Vertical grouped bars, one group per label, with a labelled axis and a legend. `describe` is the text a screen
 * reader gets instead of the drawing (the same numbers are in the tables below the charts).
 */
export function barChart(options: { title: string; labels: string[]; series: Series[]; describe: string; format?: (n: number) => string }): SVGSVGElement {
  const { labels, series } = options;
  const format = options.format ?? ((n: number) => String(n));
  const width = 640;
  const height = 220;
  const left = 64;
  const bottom = 40;
  const top = 28;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const { top: max, step } = axis(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-label': `${options.title}. ${options.describe}` });
  svg.appendChild(el('title', {}, options.title));
  for (let value = 0; value <= max + step / 2; value += step) {
    const y = top + plotH - (plotH * value) / max;
    svg.appendChild(el('line', { x1: left, x2: width - 8, y1: y, y2: y, class: 'grid' }));
    svg.appendChild(el('text', { x: left - 6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, format(Math.round(value * 100) / 100)));
  }
  const group = plotW / Math.max(1, labels.length);
  const bar = Math.max(2, Math.min(28, (group * 0.8) / Math.max(1, series.length)));
  // Labels thin out so they never overlap: at most about twelve along the axis.
  const every = Math.ceil(labels.length / 12);
  labels.forEach((label, i) => {
    const x0 = left + i * group + (group - bar * series.length) / 2;
    series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const h = (plotH * v) / max;
      const rect = el('rect', { x: x0 + j * bar, y: top + plotH - h, width: Math.max(1, bar - 1), height: h, class: `bar ${s.tone}` });
      rect.appendChild(el('title', {}, `${label} · ${s.name}: ${format(v)}`));
      svg.appendChild(rect);
    });
    if (i % every === 0) svg.appendChild(el('text', { x: left + i * group + group / 2, y: height - bottom + 16, class: 'tick', 'text-anchor': 'middle' }, label));
  });
  let lx = left;
  for (const s of series) {
    svg.appendChild(el('rect', { x: lx, y: 8, width: 10, height: 10, class: `bar ${s.tone}` }));
    const text = el('text', { x: lx + 14, y: 17, class: 'legend' }, s.name);
    svg.appendChild(text);
    lx += 24 + s.name.length * 7;
  }
  return svg;
}

/** Horizontal bars for shares (by channel, language, country), largest first, at most `limit` of them. */
export function shareChart(options: { title: string; entries: [string, number][]; describe: string; limit?: number }): SVGSVGElement {
  const entries = [...options.entries].sort((a, b) => b[1] - a[1]).slice(0, options.limit ?? 8);
  const width = 300;
  const row = 22;
  const height = 28 + Math.max(1, entries.length) * row;
  const labelW = 110;
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart share', 'aria-label': `${options.title}. ${options.describe}` });
  svg.appendChild(el('title', {}, options.title));
  svg.appendChild(el('text', { x: 0, y: 16, class: 'legend strong' }, options.title));
  entries.forEach(([label, n], i) => {
    const y = 28 + i * row;
    svg.appendChild(el('text', { x: labelW - 6, y: y + 14, class: 'tick', 'text-anchor': 'end' }, label.length > 16 ? `${label.slice(0, 15)}…` : label));
    const w = ((width - labelW - 40) * n) / max;
    svg.appendChild(el('rect', { x: labelW, y: y + 3, width: Math.max(1, w), height: row - 8, class: 'bar s1' }));
    svg.appendChild(el('text', { x: labelW + w + 4, y: y + 14, class: 'tick' }, String(n)));
  });
  return svg;
}
