// A hand-made accessible line chart: x = round, one line per series told apart by colour, dash, marker and a
// direct label; treatment periods shaded and labelled; <title>/<desc>, a legend and a data table.
import { h, svgEl, uid } from '../ui/dom.js';
import { tr } from '../ui/i18n.js';
import { legendSample, lineStyle, marker } from './chartStyle.js';
import { fmt, fmtTick, periodName, reformCount, reformShort, roundsRange } from './format.js';
import { chartFont, chartHeight, responsiveChart } from './responsive.js';
import { fitText, niceTicks, roundTicks, spreadLabels, textWidth, wrapList } from './scale.js';
import type { Band, Format } from './series.js';

export interface ChartLine {
  label: string;
  short: string;
  values: (number | null)[];
  style: number;
}

export interface LineChartInput {
  title: string;
  format: Format;
  domain: [number, number];
  maxRound: number;
  lines: ChartLine[];
  bands: Band[];
  compact: boolean;
  /** The data table: collapsed, open (print) or left out. */
  table: 'details' | 'open' | 'none';
}

function describe(input: LineChartInput): string {
  const parts = input.lines.map((l) => {
    const pts = l.values.map((v, i) => ({ v, r: i + 1 })).filter((p): p is { v: number; r: number } => p.v !== null);
    const first = pts[0];
    const last = pts[pts.length - 1];
    if (!first || !last) return tr('debrief.desc.noData', { label: l.label });
    return tr('debrief.desc.line', {
      label: l.label,
      first: fmt(input.format, first.v),
      from: first.r,
      last: fmt(input.format, last.v),
      to: last.r,
    });
  });
  const periods = input.bands.filter((b) => b.label).map((b) => `${roundsRange(b.from, b.to)}: ${periodName(b)}`);
  if (periods.length > 1) parts.push(tr('debrief.desc.periods', { list: periods.join(tr('debrief.listSep')) }));
  return parts.join(' ');
}

function dataTable(input: LineChartInput): HTMLElement {
  const rows: HTMLElement[] = [];
  for (let r = 1; r <= input.maxRound; r++) {
    if (input.lines.every((l) => l.values[r - 1] === null || l.values[r - 1] === undefined)) continue;
    rows.push(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, String(r)),
        input.lines.map((l) => h('td', { class: 'num' }, fmt(input.format, l.values[r - 1]))),
      ),
    );
  }
  return h(
    'div',
    {
      class: 'table-scroll',
      tabindex: '0',
      role: 'region',
      'aria-label': tr('debrief.dataOf', { title: input.title }),
    },
    h(
      'table',
      { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, input.title),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, tr('term.round')),
          input.lines.map((l) => h('th', { scope: 'col', class: 'num' }, l.label)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.length > 0
          ? rows
          : h('tr', {}, h('td', { colspan: String(input.lines.length + 1) }, tr('debrief.noRounds'))),
      ),
    ),
  );
}

/** The lines of a period's label above its band: reform names, wrapped; "6 reforms" when they do not fit. */
function bandText(b: Band, fs: number, room: number, maxLines: number): string[] {
  if (b.label === '') return [];
  if (b.label === 'mixed') return [fitText(tr('debrief.period.mixed'), fs, room)];
  const list = b.treatments ?? [];
  if (list.length === 0) return [fitText(tr('reform.baseline'), fs, room)];
  return (
    wrapList(list.map(reformShort), tr('debrief.listSep'), fs, room, maxLines) ?? [fitText(reformCount(list), fs, room)]
  );
}

/** The chart drawn `W` px wide (1 unit = 1 px). */
function drawLines(input: LineChartInput, W: number): SVGSVGElement {
  const { maxRound, format } = input;
  const narrow = W < 480;
  const fs = chartFont(W);
  const H = chartHeight(W);
  const slots = Math.max(1, maxRound);
  const [lo, hi] = input.domain;
  const ticks = niceTicks(lo, hi, 4);
  const left = Math.ceil(Math.max(...ticks.map((t) => textWidth(fmtTick(format, t), fs)))) + 12;
  const labelRoom = Math.max(0, ...input.lines.map((l) => textWidth(l.short, fs)));
  const right = Math.ceil(Math.min(labelRoom + 14, W * (narrow ? 0.24 : 0.2)));
  const plotW = W - left - right;
  // 14 px from a laptop up (the projector), one px less on a phone.
  const bandFs = narrow ? fs - 1 : fs;
  const maxLines = narrow ? 2 : 3;
  const bandLines = input.bands.map((b) => bandText(b, bandFs, (b.to - b.from + 1) * (plotW / slots) - 6, maxLines));
  const top = Math.max(1, ...bandLines.map((l) => l.length)) * (bandFs + 3) + 10;
  const m = { left, right, top, bottom: fs * 2 + 14 };
  const pw = plotW;
  const ph = H - m.top - m.bottom;
  const x = (r: number) => m.left + ((r - 0.5) / slots) * pw;
  const y = (v: number) => m.top + (1 - (v - lo) / Math.max(1e-12, hi - lo)) * ph;
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const svg = svgEl(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      width: W,
      height: H,
      class: 'dchart',
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      focusable: 'false',
    },
    svgEl('title', { id: titleId }, input.title),
    svgEl('desc', { id: descId }, describe(input)),
  );

  const bands = svgEl('g', { class: 'bands' });
  input.bands.forEach((b, i) => {
    const x0 = m.left + ((b.from - 1) / slots) * pw;
    const x1 = m.left + (b.to / slots) * pw;
    if (i % 2 === 1)
      bands.append(
        svgEl('rect', { x: x0.toFixed(1), y: m.top, width: (x1 - x0).toFixed(1), height: ph, class: 'band-shade' }),
      );
    if (i > 0)
      bands.append(svgEl('line', { x1: x0.toFixed(1), x2: x0.toFixed(1), y1: 4, y2: m.top + ph, class: 'band-edge' }));
    const lines = bandLines[i] ?? [];
    const text = svgEl('text', {
      x: ((x0 + x1) / 2).toFixed(1),
      y: m.top - 8 - (lines.length - 1) * (bandFs + 3),
      'text-anchor': 'middle',
      class: 'band-label',
      'font-size': bandFs,
    });
    lines.forEach((line, k) =>
      text.append(svgEl('tspan', { x: ((x0 + x1) / 2).toFixed(1), dy: k === 0 ? 0 : bandFs + 3 }, line)),
    );
    if (lines.length > 0) bands.append(text);
  });
  svg.append(bands);

  const grid = svgEl('g', { class: 'grid' });
  for (const t of ticks) {
    grid.append(
      svgEl('line', {
        x1: m.left,
        x2: m.left + pw,
        y1: y(t).toFixed(1),
        y2: y(t).toFixed(1),
        class: t === lo ? 'axis' : 'gridline',
      }),
    );
    grid.append(
      svgEl(
        'text',
        { x: m.left - 6, y: (y(t) + fs / 3).toFixed(1), 'text-anchor': 'end', class: 'tick', 'font-size': fs },
        fmtTick(format, t),
      ),
    );
  }
  for (const r of roundTicks(maxRound, Math.max(2, Math.floor(pw / (fs * 2.4))))) {
    grid.append(
      svgEl(
        'text',
        { x: x(r).toFixed(1), y: m.top + ph + fs + 4, 'text-anchor': 'middle', class: 'tick', 'font-size': fs },
        String(r),
      ),
    );
  }
  grid.append(
    svgEl(
      'text',
      { x: (m.left + pw / 2).toFixed(1), y: H - 6, 'text-anchor': 'middle', class: 'axis-title', 'font-size': fs },
      tr('term.round'),
    ),
  );
  svg.append(grid);

  const ends: { y: number; line: ChartLine; x: number }[] = [];
  const series = svgEl('g', { class: 'series' });
  for (const line of input.lines) {
    const st = lineStyle(line.style);
    let d = '';
    let pen = false;
    let last: { x: number; y: number } | null = null;
    const g = svgEl('g', {});
    line.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      const px = x(i + 1);
      const py = y(v);
      d += `${pen ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
      pen = true;
      last = { x: px, y: py };
      g.append(marker(st.marker, px, py, narrow ? 3 : 4, st.colour));
    });
    if (d)
      series.append(
        svgEl('path', {
          d,
          fill: 'none',
          stroke: st.colour,
          'stroke-width': narrow ? 2.5 : 3,
          'stroke-dasharray': st.dash || undefined,
          'stroke-linejoin': 'round',
        }),
      );
    series.append(g);
    const end = last as { x: number; y: number } | null;
    if (end) ends.push({ y: end.y, x: end.x, line });
  }
  const placed = spreadLabels(
    ends.map((e) => e.y),
    fs + 2,
    m.top + fs / 2,
    m.top + ph,
  );
  ends.forEach((e, i) => {
    const room = W - e.x - 10;
    const text = fitText(e.line.short, fs, room);
    if (!text) return;
    series.append(
      svgEl(
        'text',
        {
          x: (e.x + 7).toFixed(1),
          y: ((placed[i] ?? e.y) + fs / 3).toFixed(1),
          class: 'direct-label',
          'font-size': fs,
          style: `fill:${lineStyle(e.line.style).colour}`,
        },
        text,
      ),
    );
  });
  svg.append(series);
  return svg;
}

export function lineChart(input: LineChartInput): HTMLElement {
  const chart = responsiveChart((w) => drawLines(input, w), input.compact ? 340 : 600);
  const legend = h(
    'ul',
    { class: 'chart-legend' },
    input.lines.map((l) => h('li', {}, legendSample(lineStyle(l.style)), h('span', {}, l.label))),
  );
  const table =
    input.table === 'none'
      ? null
      : h(
          'details',
          { class: 'chart-data', open: input.table === 'open', 'data-key': input.title },
          h('summary', {}, tr('debrief.showData')),
          dataTable(input),
        );
  return h('figure', { class: 'dfigure' }, h('figcaption', {}, input.title), chart, legend, table);
}
