// The fiscal view as paired bars per region: local tax under the origin (production) basis, solid, and under the
// destination (consumption) basis, hatched; values written on the bars, a legend and a data table.
import { h, svgEl, uid } from '../ui/dom.js';
import { num, tr } from '../ui/i18n.js';
import { chartFont, chartHeight, responsiveChart } from './responsive.js';
import { fitText, niceTicks, yDomain } from './scale.js';
import type { FiscalRow } from './series.js';

export interface BarChartInput {
  title: string;
  rows: FiscalRow[];
  regionLabel: (id: string) => string;
  compact: boolean;
  table: 'details' | 'open' | 'none';
}

const ORIGIN = '#0b5fa5';
const DEST = '#c2410c';

function sample(kind: 'origin' | 'destination', patternId: string): SVGSVGElement {
  return svgEl(
    'svg',
    { viewBox: '0 0 18 14', width: 18, height: 14, 'aria-hidden': 'true', focusable: 'false', class: 'legend-sample' },
    kind === 'origin'
      ? svgEl('rect', { x: 1, y: 1, width: 16, height: 12, fill: ORIGIN })
      : svgEl('rect', {
          x: 1,
          y: 1,
          width: 16,
          height: 12,
          fill: `url(#${patternId})`,
          stroke: DEST,
          'stroke-width': 1.5,
        }),
  );
}

function drawBars(input: BarChartInput, W: number, patternId: string): SVGSVGElement {
  const { rows } = input;
  const fs = chartFont(W);
  const H = Math.round(chartHeight(W) * 0.9);
  const m = { left: fs * 3 + 8, right: 10, top: fs + 10, bottom: fs * 2 + 14 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const [, hi] = yDomain(
    'zero',
    rows.flatMap((r) => [r.origin, r.destination]),
  );
  const y = (v: number) => m.top + (1 - v / hi) * ph;
  const titleId = uid('bar-title');
  const descId = uid('bar-desc');
  const desc = rows
    .map((r) =>
      tr('debrief.fiscal.desc', {
        region: input.regionLabel(r.regionId),
        origin: num(r.origin, 2),
        destination: num(r.destination, 2),
      }),
    )
    .join(' ');
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
    svgEl('desc', { id: descId }, desc),
    svgEl(
      'defs',
      {},
      svgEl(
        'pattern',
        { id: patternId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svgEl('rect', { width: 6, height: 6, fill: '#fdebe1' }),
        svgEl('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: DEST, 'stroke-width': 3 }),
      ),
    ),
  );
  for (const t of niceTicks(0, hi, 4)) {
    svg.append(
      svgEl('line', {
        x1: m.left,
        x2: m.left + pw,
        y1: y(t).toFixed(1),
        y2: y(t).toFixed(1),
        class: t === 0 ? 'axis' : 'gridline',
      }),
    );
    svg.append(
      svgEl(
        'text',
        { x: m.left - 6, y: (y(t) + fs / 3).toFixed(1), 'text-anchor': 'end', class: 'tick', 'font-size': fs },
        num(t, t < 10 && !Number.isInteger(t) ? 1 : 0),
      ),
    );
  }
  const slot = pw / Math.max(1, rows.length);
  const bw = Math.min(64, slot * 0.34);
  rows.forEach((r, i) => {
    const cx = m.left + slot * (i + 0.5);
    const bar = (v: number, x0: number, origin: boolean) => {
      const top = y(v);
      svg.append(
        svgEl(
          'rect',
          origin
            ? {
                x: x0.toFixed(1),
                y: top.toFixed(1),
                width: bw.toFixed(1),
                height: (m.top + ph - top).toFixed(1),
                fill: ORIGIN,
              }
            : {
                x: x0.toFixed(1),
                y: top.toFixed(1),
                width: bw.toFixed(1),
                height: (m.top + ph - top).toFixed(1),
                fill: `url(#${patternId})`,
                stroke: DEST,
                'stroke-width': 1.5,
              },
        ),
      );
      svg.append(
        svgEl(
          'text',
          {
            x: (x0 + bw / 2).toFixed(1),
            y: (top - 4).toFixed(1),
            'text-anchor': 'middle',
            class: 'bar-value',
            'font-size': slot < fs * 6 ? fs - 2 : fs,
          },
          num(v, 2),
        ),
      );
    };
    bar(r.origin, cx - bw - 1, true);
    bar(r.destination, cx + 1, false);
    svg.append(
      svgEl(
        'text',
        { x: cx.toFixed(1), y: m.top + ph + fs + 6, 'text-anchor': 'middle', class: 'tick', 'font-size': fs },
        fitText(input.regionLabel(r.regionId), fs, slot - 4),
      ),
    );
  });
  return svg;
}

export function fiscalChart(input: BarChartInput): HTMLElement {
  // One pattern id per chart: the legend's samples use it too, whatever width the chart is drawn at.
  const patternId = uid('hatch');
  const chart = responsiveChart((w) => drawBars(input, w, patternId), input.compact ? 340 : 600);
  const legend = h(
    'ul',
    { class: 'chart-legend' },
    h('li', {}, sample('origin', patternId), h('span', {}, tr('debrief.fiscal.origin'))),
    h('li', {}, sample('destination', patternId), h('span', {}, tr('debrief.fiscal.destination'))),
  );
  const table =
    input.table === 'none'
      ? null
      : h(
          'details',
          { class: 'chart-data', open: input.table === 'open', 'data-key': input.title },
          h('summary', {}, tr('debrief.showData')),
          h(
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
                  h('th', { scope: 'col' }, tr('term.region')),
                  h('th', { scope: 'col', class: 'num' }, tr('debrief.fiscal.origin')),
                  h('th', { scope: 'col', class: 'num' }, tr('debrief.fiscal.destination')),
                  h('th', { scope: 'col', class: 'num' }, tr('debrief.fiscal.change')),
                ),
              ),
              h(
                'tbody',
                {},
                input.rows.map((r) =>
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'row' }, input.regionLabel(r.regionId)),
                    h('td', { class: 'num' }, num(r.origin, 2)),
                    h('td', { class: 'num' }, num(r.destination, 2)),
                    h(
                      'td',
                      { class: 'num' },
                      r.origin > 0
                        ? `${r.destination >= r.origin ? '+' : ''}${num((r.destination / r.origin - 1) * 100, 1)}%`
                        : '–',
                    ),
                  ),
                ),
              ),
            ),
          ),
        );
  return h('figure', { class: 'dfigure' }, h('figcaption', {}, input.title), chart, legend, table);
}
