// Pages written per second over the job's life, with uPlot.
import { h } from './dom.js';
import { uPlot } from './lib.js';

export function throughputChart() {
  const element = h('figure', { class: 'chart wide' }, h('figcaption', {}, 'Pages written per second'));
  const plot = h('div', { class: 'plot', role: 'img', 'aria-label': 'Pages written per second over time' });
  const empty = h('p', { class: 'muted' }, 'No pages written yet');
  element.append(empty, plot);
  let chart = null;

  function update(points) {
    const [xs, ys] = fillGaps(points);
    if (!xs.length) return;
    empty.remove();
    const width = Math.max(280, plot.clientWidth || element.clientWidth || 600);
    if (!chart) {
      const style = getComputedStyle(document.body);
      const stroke = style.getPropertyValue('--accent').trim() || '#2563eb';
      const text = style.getPropertyValue('--text').trim() || '#222';
      const axis = { stroke: text, grid: { stroke: 'rgba(128,128,128,0.2)' }, ticks: { stroke: 'rgba(128,128,128,0.4)' } };
      chart = new uPlot({
        width, height: 200, legend: { show: false }, cursor: { show: true },
        scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
        axes: [
          { ...axis, incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600],
            values: (u, ticks) => ticks.map((t) => new Date(t * 1000).toLocaleTimeString()) },
          { ...axis, label: 'pages/s' },
        ],
        series: [{}, { label: 'pages/s', stroke, fill: `${stroke}33`, width: 2 }],
      }, [xs, ys], plot);
    } else {
      chart.setSize({ width, height: 200 });
      chart.setData([xs, ys]);
    }
  }
  return { element, update };
}

/** Seconds without a page written are zeros (and one before the first), so the line drops instead of jumping. */
function fillGaps(points) {
  const xs = [];
  const ys = [];
  if (!points.length) return [xs, ys];
  const counts = new Map(points.map((p) => [Date.parse(p.second) / 1000, p.pages]));
  const first = Date.parse(points[0].second) / 1000;
  const last = Date.parse(points[points.length - 1].second) / 1000;
  for (let t = first - 1; t <= last && xs.length < 3_600; t += 1) {
    xs.push(t);
    ys.push(counts.get(t) || 0);
  }
  return [xs, ys];
}
