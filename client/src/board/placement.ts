// Keeping the map's texts apart: region names that would cover each other, each region's industry chart beside its
// disc, and the rectangles agreement labels must avoid (names, charts, growth) or should avoid (discs, figures,
// badges).
import { freeSpot, overlapArea, type Rect } from './labels.js';
import { rectOf, regionPoint, type BoardLayout, boundsOf } from './layout.js';
import type { BoardModel } from './model.js';
import { stackBelow, type RegionNode } from './regionNode.js';

type Nodes = ReadonlyMap<string, RegionNode>;

/** A name that would cover an earlier one moves below its disc (its badge below the name). */
export function separateNames(model: BoardModel, nodes: Nodes, layout: BoardLayout): void {
  const placed: Rect[] = [];
  for (const r of model.regions) {
    const node = nodes.get(r.id);
    if (!node) continue;
    if (placed.some((q) => overlapArea(rectOf(node.name), q) > 0)) {
      const p = regionPoint(r, layout);
      node.name.setPosition(p.x, p.y + node.radius + 4 + node.name.height / 2);
      stackBelow(node, node.name.y + node.name.height / 2);
    }
    placed.push(rectOf(node.name));
  }
}

/** Puts each region's industry chart beside its disc (right, left, below, above) where it covers no text. */
export function placeCharts(model: BoardModel, nodes: Nodes, layout: BoardLayout): void {
  const hard: Rect[] = [];
  const soft: Rect[] = [];
  for (const node of nodes.values()) {
    hard.push(...[node.name, node.payoff, node.badge].filter((t) => t.visible).map(rectOf));
    const { x, y } = node.circle;
    soft.push({ x: x - node.radius, y: y - node.radius, w: node.radius * 2, h: node.radius * 2 });
  }
  for (const r of model.regions) {
    const node = nodes.get(r.id);
    if (!node) continue;
    const { w, h } = node.economy;
    const { x, y } = node.circle;
    const name = rectOf(node.name);
    const shown = [node.name, node.badge, node.payoff].filter((t) => t.visible).map(rectOf);
    const low = Math.max(y + node.radius, ...shown.map((t) => t.y + t.h));
    const gap = node.radius + 8;
    // Beside the disc (centred, then clear of the name), then under everything, then above the name.
    const ys = [y - h / 2, name.y + name.h + 4, y + node.radius - h, low + 4, name.y - 4 - h];
    const xs = [x + gap, x - gap - w, x - w / 2];
    const spot = freeSpot(
      ys.flatMap((top) => xs.map((left) => ({ x: left, y: top, w, h }))),
      hard,
      soft,
      boundsOf(layout),
    );
    node.economy.place(spot.x, spot.y);
    hard.push(spot);
  }
}

/** What an agreement label must not cover (names, charts, growth) and should not cover (discs, figures, badges). */
export function labelObstacles(model: BoardModel, nodes: Nodes, layout: BoardLayout): { hard: Rect[]; soft: Rect[] } {
  const hard: Rect[] = [];
  const soft: Rect[] = [];
  for (const r of model.regions) {
    const node = nodes.get(r.id);
    if (!node) continue;
    hard.push(rectOf(node.name), node.economy.rect());
    if (node.payoff.visible) hard.push(rectOf(node.payoff));
    if (node.badge.visible) soft.push(rectOf(node.badge));
    soft.push(rectOf(node.figures));
    const p = regionPoint(r, layout);
    const half = node.radius * 0.7;
    soft.push({ x: p.x - half, y: p.y - half, w: half * 2, h: half * 2 });
  }
  return { hard, soft };
}
