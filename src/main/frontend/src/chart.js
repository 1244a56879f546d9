import { h, percent, svg } from './dom.js';

/**
 * A horizontal bar chart of breach rates on a fixed 0–100 % scale (so a small rate looks small), one bar
 * per group, each labelled with its rate and its breaches out of clocks.
 */
export function breachChart(title, bars) {
  const rowHeight = 34;
  const labelWidth = 170;
  const barWidth = 360;
  const valueWidth = 130;
  const width = labelWidth + barWidth + valueWidth;
  const height = Math.max(1, bars.length) * rowHeight + 28;
  const chart = svg('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': title,
    preserveAspectRatio: 'xMinYMin meet',
  });
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = labelWidth + tick * barWidth;
    chart.append(svg('line', { class: 'grid', x1: x, x2: x, y1: 0, y2: height - 22 }));
    chart.append(svg('text', { class: 'tick', x, y: height - 6, 'text-anchor': 'middle' }, `${tick * 100}%`));
  }
  bars.forEach((bar, i) => {
    const y = i * rowHeight + 6;
    const row = svg('g', { class: 'bar-row', 'data-label': bar.label, 'data-rate': bar.rate });
    row.append(svg('text', { class: 'bar-label', x: labelWidth - 8, y: y + 16, 'text-anchor': 'end' }, bar.label));
    row.append(svg('rect', { class: 'track', x: labelWidth, y, width: barWidth, height: 22, rx: 3 }));
    row.append(svg('rect', {
      class: bar.rate > 0 ? 'bar breached' : 'bar', x: labelWidth, y, width: Math.max(bar.rate * barWidth, 1), height: 22, rx: 3,
    }));
    row.append(svg('text', { class: 'bar-value', x: labelWidth + barWidth + 8, y: y + 16 },
      `${percent(bar.rate)}（${bar.breached}/${bar.clocks}）`));
    chart.append(row);
  });
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, title),
    bars.length === 0 ? h('p', { class: 'muted' }, '所选期间没有计时记录') : chart);
}
