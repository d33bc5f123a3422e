// Charts drawn at the width they are shown at (1 SVG unit = 1 CSS pixel, so text keeps its size on a phone and on
// a projector): a box that redraws its chart whenever its width changes. One ResizeObserver serves every box.
import { h } from '../ui/dom.js';

type Draw = (width: number) => SVGSVGElement;

const boxes = new WeakMap<Element, { draw: Draw; width: number }>();
let observer: ResizeObserver | null = null;

function paint(box: Element, width: number): void {
  const entry = boxes.get(box);
  const w = Math.round(width);
  if (!entry || w <= 0 || Math.abs(w - entry.width) < 2) return;
  entry.width = w;
  box.replaceChildren(entry.draw(w));
}

function watch(box: Element): void {
  if (typeof ResizeObserver === 'undefined') return;
  observer ??= new ResizeObserver((entries) => {
    for (const e of entries) {
      // A box taken out of the page (the debrief re-rendered) is forgotten.
      if (!e.target.isConnected) observer?.unobserve(e.target);
      else paint(e.target, e.contentRect.width);
    }
  });
  observer.observe(box);
}

/** A box holding `draw(width)`, first at `guess` px, then at its real width (and again after every resize). */
export function responsiveChart(draw: Draw, guess: number): HTMLElement {
  const box = h('div', { class: 'dchart-box' });
  boxes.set(box, { draw, width: 0 });
  paint(box, guess);
  watch(box);
  return box;
}

/** The font size of a chart drawn `width` px wide: at least 14 px once it is wider than a phone. */
export function chartFont(width: number): number {
  return width < 480 ? 12 : 14;
}

/** A chart's height for its width: flatter on wide screens, never taller than most of a 720 px projector. */
export function chartHeight(width: number): number {
  return Math.round(Math.min(400, Math.max(230, width * 0.46)));
}
