// A time-series chart drawn as SVG, so that every point is an element a keyboard can reach and a screen reader can
// name; a canvas chart library would need a second, hidden rendering for that.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 720;
const HEIGHT = 340;
const MARGIN = { top: 16, right: 24, bottom: 36, left: 72 };
const PALETTE = ['#1f5fa8', '#b3461d', '#2e7d32', '#6a3d9a', '#8c6d00', '#00838f', '#ad1457', '#455a64'];

/** The first and last day of a reference period as written by the API: 2023, 2023-Q2, 2023-05, 2023-05-31 or a/b. */
export function periodSpan(text) {
  const slash = text.indexOf('/');
  if (slash >= 0) {
    return { start: periodSpan(text.slice(0, slash)).start, end: periodSpan(text.slice(slash + 1)).end };
  }
  const [year, part, day] = text.split('-');
  const y = Number(year);
  if (part === undefined) {
    return { start: Date.UTC(y, 0, 1), end: Date.UTC(y, 11, 31) };
  }
  if (part.startsWith('Q')) {
    const first = 3 * (Number(part.slice(1)) - 1);
    return { start: Date.UTC(y, first, 1), end: Date.UTC(y, first + 3, 0) };
  }
  const month = Number(part) - 1;
  if (day === undefined) {
    return { start: Date.UTC(y, month, 1), end: Date.UTC(y, month + 1, 0) };
  }
  const at = Date.UTC(y, month, Number(day));
  return { start: at, end: at };
}

/** Where a period's value is placed: the middle of a single period, the end of an interval (a value "over" a span). */
function periodTime(text) {
  const span = periodSpan(text);
  return text.includes('/') ? span.end : (span.start + span.end) / 2;
}

function element(name, attributes = {}, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) {
      node.setAttribute(key, String(value));
    }
  }
  if (parent) {
    parent.appendChild(node);
  }
  return node;
}

function niceStep(range, count) {
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** Counts start at zero so that bars of evidence are not exaggerated; a series with negatives keeps them. */
function valueDomain(points) {
  const values = points.flatMap(p => [p.value, p.low, p.high]).filter(v => v !== null && v !== undefined);
  let low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  if (low === high) {
    high = low + 1;
  }
  const step = niceStep(high - low, 5);
  return { low: Math.floor(low / step) * step, high: Math.ceil(high / step) * step, step };
}

function timeDomain(points) {
  const spans = points.map(p => periodSpan(p.period));
  let start = Math.min(...spans.map(s => s.start));
  let end = Math.max(...spans.map(s => s.end));
  const year = 365.25 * 24 * 3600 * 1000;
  const pad = Math.max((end - start) * 0.06, year / 4);
  return { start: start - pad, end: end + pad };
}

/** The shape of a status, so that status never rests on colour alone. */
function marker(status, x, y, parent, colour) {
  const size = 6;
  switch (status) {
    case 'estimated':
      return element('circle', { cx: x, cy: y, r: size, fill: '#fff', stroke: colour, 'stroke-width': 2.5 }, parent);
    case 'projected':
      return element('path', { d: `M${x},${y - size - 1}L${x + size + 1},${y + size}L${x - size - 1},${y + size}Z`,
        fill: '#fff', stroke: colour, 'stroke-width': 2.5 }, parent);
    case 'derived':
      return element('rect', { x: x - size, y: y - size, width: 2 * size, height: 2 * size, fill: colour,
        transform: `rotate(45 ${x} ${y})` }, parent);
    default:
      return element('circle', { cx: x, cy: y, r: size, fill: colour }, parent);
  }
}

/**
 * Draws the series. points: [{geo, period, value, low, high, status, revised, label}], one entry per value shown.
 * compare: the same shape for the values known now, drawn faintly when an earlier vintage is shown. onSelect is
 * called with a point when it is clicked or activated from the keyboard; selected is the chosen point's geo:period.
 */
export function drawChart(container, { points, compare = [], title, formatTick, onSelect, selected }) {
  container.replaceChildren();
  const all = points.concat(compare);
  if (all.length === 0) {
    return null;
  }
  const svg = element('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group', 'aria-label': title,
    preserveAspectRatio: 'xMidYMid meet' }, container);
  const values = valueDomain(all);
  const time = timeDomain(all);
  const x = t => MARGIN.left + (t - time.start) / (time.end - time.start) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = v => HEIGHT - MARGIN.bottom - (v - values.low) / (values.high - values.low) * (HEIGHT - MARGIN.top - MARGIN.bottom);

  const axes = element('g', { class: 'axes', 'aria-hidden': 'true' }, svg);
  for (let v = values.low; v <= values.high + values.step / 2; v += values.step) {
    element('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v), class: v === 0 ? 'zero' : 'grid' }, axes);
    element('text', { x: MARGIN.left - 8, y: y(v) + 4, 'text-anchor': 'end' }, axes).textContent = formatTick(v);
  }
  const firstYear = new Date(time.start).getUTCFullYear();
  const lastYear = new Date(time.end).getUTCFullYear();
  const yearStep = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 8));
  for (let year = firstYear; year <= lastYear + 1; year += yearStep) {
    const at = Date.UTC(year, 0, 1);
    if (at >= time.start && at <= time.end) {
      element('line', { x1: x(at), x2: x(at), y1: HEIGHT - MARGIN.bottom, y2: HEIGHT - MARGIN.bottom + 5, class: 'tick' }, axes);
      element('text', { x: x(at), y: HEIGHT - MARGIN.bottom + 20, 'text-anchor': 'middle' }, axes).textContent = String(year);
    }
  }

  const geos = [...new Set(all.map(p => p.geo))].sort();
  const colour = geo => PALETTE[geos.indexOf(geo) % PALETTE.length];
  const bySeries = list => geos.map(geo => list.filter(p => p.geo === geo)
    .sort((a, b) => periodTime(a.period) - periodTime(b.period)));

  const then = element('g', { class: 'compare', 'aria-hidden': 'true' }, svg);
  for (const series of bySeries(compare)) {
    const numbers = series.filter(p => p.value !== null);
    if (numbers.length > 1) {
      element('polyline', { points: numbers.map(p => `${x(periodTime(p.period))},${y(p.value)}`).join(' '),
        stroke: colour(series[0].geo) }, then);
    }
    for (const p of numbers) {
      element('circle', { cx: x(periodTime(p.period)), cy: y(p.value), r: 4, stroke: colour(p.geo) }, then);
    }
  }

  const drawn = element('g', { class: 'series' }, svg);
  for (const series of bySeries(points)) {
    if (series.length === 0) {
      continue;
    }
    const tint = colour(series[0].geo);
    const ranges = series.filter(p => p.low !== null && p.high !== null);
    if (ranges.length > 1) {
      const upper = ranges.map(p => `${x(periodTime(p.period))},${y(p.high)}`);
      const lower = ranges.slice().reverse().map(p => `${x(periodTime(p.period))},${y(p.low)}`);
      element('polygon', { points: upper.concat(lower).join(' '), fill: tint, class: 'band' }, drawn);
    }
    const numbers = series.filter(p => p.value !== null);
    if (numbers.length > 1) {
      element('polyline', { points: numbers.map(p => `${x(periodTime(p.period))},${y(p.value)}`).join(' '),
        stroke: tint, class: 'line' }, drawn);
    }
    for (const p of series) {
      const px = x(periodTime(p.period));
      const handle = element('g', { class: 'point', tabindex: 0, role: 'button', 'aria-label': p.label,
        'data-geo': p.geo, 'data-period': p.period, 'data-value': p.value ?? `${p.low}–${p.high}`,
        'data-status': p.status, 'aria-pressed': String(selected === `${p.geo}:${p.period}`) }, drawn);
      if (p.period.includes('/')) {
        const span = periodSpan(p.period);
        element('line', { x1: x(span.start), x2: x(span.end), y1: y(p.value ?? p.high), y2: y(p.value ?? p.high),
          stroke: tint, class: 'span' }, handle);
      }
      if (p.low !== null && p.high !== null) {
        element('rect', { x: px - 7, y: y(p.high), width: 14, height: Math.max(2, y(p.low) - y(p.high)), fill: tint,
          class: 'range' }, handle);
      }
      const cy = y(p.value ?? (p.low + p.high) / 2);
      if (p.revised) {
        element('circle', { cx: px, cy, r: 11, class: 'revised', stroke: tint }, handle);
      }
      marker(p.status, px, cy, handle, tint);
      // A larger, invisible target for fingers and pointers.
      element('circle', { cx: px, cy, r: 16, class: 'target' }, handle);
      element('title', {}, handle).textContent = p.label;
      const choose = () => onSelect(p);
      handle.addEventListener('click', choose);
      handle.addEventListener('keydown', event => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          choose();
        }
      });
    }
  }
  if (geos.length > 1) {
    const labels = element('g', { class: 'geo-labels', 'aria-hidden': 'true' }, svg);
    geos.forEach((geo, index) => {
      element('rect', { x: MARGIN.left + 8 + index * 64, y: MARGIN.top - 4, width: 10, height: 10, fill: colour(geo) }, labels);
      element('text', { x: MARGIN.left + 22 + index * 64, y: MARGIN.top + 5 }, labels).textContent = geo;
    });
  }
  return svg;
}
