// How chart lines are told apart: colour, dash pattern and marker shape together (colour is never the only cue),
// plus a direct label. Colours are dark enough for 4.5:1 on white.
import { svgEl } from '../ui/dom.js';

export const PALETTE = ['#0b5fa5', '#c2410c', '#047857', '#9d174d', '#6d28d9', '#854d0e', '#1d2430', '#0e7490'];
export const DASHES = ['', '8 4', '2 3', '10 3 2 3', '5 2', '1 3'];
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'down' | 'plus' | 'cross';
export const MARKERS: MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'down', 'plus', 'cross'];

export interface LineStyle {
  colour: string;
  dash: string;
  marker: MarkerShape;
}

export function lineStyle(i: number): LineStyle {
  return {
    colour: PALETTE[i % PALETTE.length] as string,
    dash: DASHES[i % DASHES.length] as string,
    marker: MARKERS[i % MARKERS.length] as MarkerShape,
  };
}

/** A marker centred at (x, y). */
export function marker(shape: MarkerShape, x: number, y: number, s: number, colour: string): SVGElement {
  const p = (pts: [number, number][]) =>
    svgEl('polygon', {
      points: pts.map(([a, b]) => `${(x + a * s).toFixed(1)},${(y + b * s).toFixed(1)}`).join(' '),
      fill: colour,
    });
  switch (shape) {
    case 'circle':
      return svgEl('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: s, fill: colour });
    case 'square':
      return svgEl('rect', {
        x: (x - s * 0.9).toFixed(1),
        y: (y - s * 0.9).toFixed(1),
        width: (s * 1.8).toFixed(1),
        height: (s * 1.8).toFixed(1),
        fill: colour,
      });
    case 'triangle':
      return p([
        [0, -1.2],
        [1.1, 0.8],
        [-1.1, 0.8],
      ]);
    case 'down':
      return p([
        [0, 1.2],
        [1.1, -0.8],
        [-1.1, -0.8],
      ]);
    case 'diamond':
      return p([
        [0, -1.3],
        [1.1, 0],
        [0, 1.3],
        [-1.1, 0],
      ]);
    case 'plus':
    case 'cross': {
      const d =
        shape === 'plus'
          ? `M${x - s * 1.2},${y}H${x + s * 1.2}M${x},${y - s * 1.2}V${y + s * 1.2}`
          : `M${x - s},${y - s}L${x + s},${y + s}M${x - s},${y + s}L${x + s},${y - s}`;
      return svgEl('path', { d, stroke: colour, 'stroke-width': 2.2, fill: 'none' });
    }
  }
}

/** A small sample of a line (for legends). */
export function legendSample(style: LineStyle): SVGSVGElement {
  return svgEl(
    'svg',
    { viewBox: '0 0 36 14', width: 36, height: 14, 'aria-hidden': 'true', focusable: 'false', class: 'legend-sample' },
    svgEl('line', {
      x1: 1,
      y1: 7,
      x2: 35,
      y2: 7,
      stroke: style.colour,
      'stroke-width': 2.5,
      'stroke-dasharray': style.dash || undefined,
    }),
    marker(style.marker, 18, 7, 3.5, style.colour),
  );
}
