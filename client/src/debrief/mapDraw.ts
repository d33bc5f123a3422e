// Draws one frame of the map replay as SVG: regions sized by output (id inside, name and output below), map links,
// agreements kept (solid green, ✓) or broken (dashed red, ✗), project results (+ = −), inspections (magnifier),
// barriers as walls at the blocking region, duplicate investment hatched, promotion as a star.
import type { MapDef } from '../../../shared/model/maps.js';
import { svgEl, uid } from '../ui/dom.js';
import { num, pct } from '../ui/i18n.js';
import { PALETTE } from './chartStyle.js';
import { regionName } from './format.js';
import type { MapFrame } from './mapModel.js';
import { fitText } from './scale.js';

export const KEPT = '#1d7a46';
export const BROKEN = '#b3261e';
export const WALL = '#1d2430';

type Pt = { x: number; y: number };

export function magnifier(x: number, y: number, s = 1): SVGGElement {
  return svgEl(
    'g',
    { class: 'mag' },
    svgEl('circle', { cx: x - 2 * s, cy: y - 2 * s, r: 5 * s, fill: '#fff', stroke: WALL, 'stroke-width': 2 }),
    svgEl('line', {
      x1: x + 1.5 * s,
      y1: y + 1.5 * s,
      x2: x + 6 * s,
      y2: y + 6 * s,
      stroke: WALL,
      'stroke-width': 2.5,
      'stroke-linecap': 'round',
    }),
  );
}

export function star(x: number, y: number, r: number): SVGPolygonElement {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.45;
    pts.push(`${(x + rr * Math.cos(a)).toFixed(1)},${(y + rr * Math.sin(a)).toFixed(1)}`);
  }
  return svgEl('polygon', { points: pts.join(' '), fill: '#f2a900', stroke: WALL, 'stroke-width': 1.2 });
}

export function badge(x: number, y: number, text: string, colour: string): SVGGElement {
  return svgEl(
    'g',
    { class: 'badge' },
    svgEl('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 10, fill: '#fff', stroke: colour, 'stroke-width': 2 }),
    svgEl(
      'text',
      {
        x: x.toFixed(1),
        y: (y + 4.5).toFixed(1),
        'text-anchor': 'middle',
        'font-size': 13,
        'font-weight': 700,
        style: `fill:${colour}`,
      },
      text,
    ),
  );
}

export const SHOCK_SIGN: Record<string, string> = { '-1': '−', '0': '=', '1': '+' };

export function drawMap(map: MapDef, frame: MapFrame, compact: boolean, title: string, desc: string): SVGSVGElement {
  const W = compact ? 360 : 600;
  const H = compact ? 420 : 400;
  const pad = compact ? 46 : 66;
  const rMax = compact ? 28 : 46;
  const pos = new Map<string, Pt>(
    frame.regions.map((r) => [r.id, { x: pad + r.x * (W - 2 * pad), y: pad + r.y * (H - 2 * pad) }]),
  );
  const rad = new Map(
    frame.regions.map((r) => [r.id, Math.max(12, rMax * Math.sqrt(r.gdp / Math.max(1e-9, frame.maxGdp)))]),
  );
  const titleId = uid('map-title');
  const descId = uid('map-desc');
  const hatch = uid('dup');
  const svg = svgEl(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      class: 'dmap',
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      focusable: 'false',
    },
    svgEl('title', { id: titleId }, title),
    svgEl('desc', { id: descId }, desc),
    svgEl(
      'defs',
      {},
      svgEl(
        'pattern',
        { id: hatch, width: 7, height: 7, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svgEl('line', { x1: 0, y1: 0, x2: 0, y2: 7, stroke: '#fff', 'stroke-width': 2.5 }),
      ),
    ),
  );
  const P = (id: string): Pt => pos.get(id) ?? { x: 0, y: 0 };
  const line = (a: string, b: string, attrs: Record<string, string | number | undefined>) => {
    const pa = P(a);
    const pb = P(b);
    svg.append(
      svgEl('line', { x1: pa.x.toFixed(1), y1: pa.y.toFixed(1), x2: pb.x.toFixed(1), y2: pb.y.toFixed(1), ...attrs }),
    );
  };
  for (const [a, b] of frame.links) line(a, b, { stroke: '#8b93a1', 'stroke-width': 2 });
  for (const bar of frame.barriers)
    if (!bar.linked) line(bar.by, bar.against, { stroke: '#8b93a1', 'stroke-width': 1.5, 'stroke-dasharray': '2 5' });
  const pairs = new Map<string, typeof frame.agreements>();
  for (const ag of frame.agreements) pairs.set(`${ag.a}|${ag.b}`, [...(pairs.get(`${ag.a}|${ag.b}`) ?? []), ag]);
  for (const list of pairs.values()) {
    const first = list[0];
    if (!first) continue;
    const broken = list.some((ag) => ag.breachers.length > 0);
    line(first.a, first.b, {
      stroke: broken ? BROKEN : KEPT,
      'stroke-width': 6,
      'stroke-dasharray': broken ? '10 6' : undefined,
      'stroke-linecap': 'round',
      opacity: 0.9,
    });
  }
  for (const list of pairs.values()) {
    const first = list[0];
    if (!first) continue;
    const pa = P(first.a);
    const pb = P(first.b);
    const len = Math.hypot(pb.x - pa.x, pb.y - pa.y) || 1;
    const ux = (pb.x - pa.x) / len;
    const uy = (pb.y - pa.y) / len;
    // The middle of the visible part of the link (between the two circles' edges).
    const ra = rad.get(first.a) ?? 12;
    const rb = rad.get(first.b) ?? 12;
    const mx = (pa.x + ux * ra + pb.x - ux * rb) / 2;
    const my = (pa.y + uy * ra + pb.y - uy * rb) / 2;
    const broken = list.some((ag) => ag.breachers.length > 0);
    svg.append(badge(mx, my, broken ? '✗' : '✓', broken ? BROKEN : KEPT));
    const project = list.find((ag) => ag.type === 'project');
    if (project && project.shock !== null)
      svg.append(badge(mx + ux * 23, my + uy * 23, SHOCK_SIGN[String(project.shock)] ?? '?', WALL));
    if (list.some((ag) => ag.audited)) svg.append(magnifier(mx - ux * 24, my - uy * 24));
  }
  for (const bar of frame.barriers) {
    const pj = P(bar.by);
    const pi = P(bar.against);
    const len = Math.hypot(pi.x - pj.x, pi.y - pj.y) || 1;
    const ux = (pi.x - pj.x) / len;
    const uy = (pi.y - pj.y) / len;
    const d = (rad.get(bar.by) ?? 12) + 9;
    const cx = pj.x + ux * d;
    const cy = pj.y + uy * d;
    svg.append(
      svgEl('line', {
        x1: (cx - uy * 11).toFixed(1),
        y1: (cy + ux * 11).toFixed(1),
        x2: (cx + uy * 11).toFixed(1),
        y2: (cy - ux * 11).toFixed(1),
        stroke: WALL,
        'stroke-width': 5,
        'stroke-linecap': 'round',
        class: 'wall',
      }),
    );
  }
  frame.regions.forEach((r, i) => {
    const p = P(r.id);
    const rr = rad.get(r.id) ?? 12;
    const colour = PALETTE[i % PALETTE.length] as string;
    svg.append(
      svgEl('circle', {
        cx: p.x.toFixed(1),
        cy: p.y.toFixed(1),
        r: rr.toFixed(1),
        fill: colour,
        stroke: WALL,
        'stroke-width': 1.5,
      }),
    );
    if (r.dup)
      svg.append(
        svgEl('circle', {
          cx: p.x.toFixed(1),
          cy: p.y.toFixed(1),
          r: rr.toFixed(1),
          fill: `url(#${hatch})`,
          stroke: 'none',
        }),
      );
    svg.append(
      svgEl(
        'text',
        {
          x: p.x.toFixed(1),
          y: (p.y + 5).toFixed(1),
          'text-anchor': 'middle',
          'font-size': 15,
          'font-weight': 700,
          class: 'region-id',
        },
        r.id,
      ),
    );
    if (r.promoted) svg.append(star(p.x + rr * 0.75, p.y - rr * 0.75, 10));
    const fs = compact ? 12 : 13;
    const name = fitText(regionName(map, r.id), fs, compact ? 120 : 150);
    svg.append(
      svgEl(
        'text',
        {
          x: p.x.toFixed(1),
          y: (p.y + rr + fs + 3).toFixed(1),
          'text-anchor': 'middle',
          'font-size': fs,
          'font-weight': 700,
          class: 'map-label',
        },
        name,
      ),
    );
    const fig = `${num(r.gdp, 1)}${r.g !== null ? ` (${r.g >= 0 ? '+' : ''}${pct(r.g, 1)})` : ''}`;
    svg.append(
      svgEl(
        'text',
        {
          x: p.x.toFixed(1),
          y: (p.y + rr + 2 * fs + 5).toFixed(1),
          'text-anchor': 'middle',
          'font-size': fs - 1,
          class: 'map-label',
        },
        fig,
      ),
    );
  });
  return svg;
}
