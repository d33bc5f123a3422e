// One region on the board: its disc (sized by output, gold ring if it is the player's), name, output and rank,
// badges (you, bot, submitted), industry chart, and the round's growth shown at the results.
import type * as Phaser from 'phaser-core';
import { EconomyChart } from './economy.js';
import { fontSize, radius, regionPoint, WIDE_LAYOUT, type BoardLayout } from './layout.js';
import type { BoardModel, BoardRegion } from './model.js';
import type { BoardTexts } from './texts.js';

export interface RegionNode {
  /** The region's disc, drawn at (0, 0) and positioned, so it can be scaled in the reveal. */
  circle: Phaser.GameObjects.Graphics;
  radius: number;
  name: Phaser.GameObjects.Text;
  figures: Phaser.GameObjects.Text;
  badge: Phaser.GameObjects.Text;
  economy: EconomyChart;
  /** The round's growth, revealed on the map in the results phase. */
  payoff: Phaser.GameObjects.Text;
}

export function figuresText(texts: BoardTexts, gdp: number, rank: number | null): string {
  return rank === null ? texts.output(gdp) : `${texts.output(gdp)}\n${texts.rank(rank)}`;
}

export function createRegionNode(scene: Phaser.Scene, layout: BoardLayout): RegionNode {
  const style = { fontFamily: 'system-ui, sans-serif', color: '#1d2430', align: 'center' as const };
  const text = (size: number, extra: Phaser.Types.GameObjects.Text.TextStyle) =>
    scene.add
      .text(0, 0, '', { ...style, fontSize: fontSize(layout, size), ...extra })
      .setOrigin(0.5)
      .setResolution(2);
  return {
    circle: scene.add.graphics(),
    radius: 0,
    name: text(21, { fontStyle: 'bold', backgroundColor: '#ffffffcc', padding: { x: 4, y: 1 } }),
    figures: text(20, { color: '#ffffff', fontStyle: 'bold', stroke: '#1d2430', strokeThickness: 4 }),
    badge: text(17, { backgroundColor: '#ffffffcc', padding: { x: 4, y: 1 } }),
    economy: new EconomyChart(scene),
    payoff: text(22, { fontStyle: 'bold', padding: { x: 6, y: 2 } }),
  };
}

export function destroyRegionNode(node: RegionNode): void {
  for (const o of [node.circle, node.name, node.figures, node.badge, node.payoff, node.economy]) o.destroy();
}

/** Places the growth label (if shown) and the badge under the disc, from `top` down. */
export function stackBelow(node: RegionNode, top: number): void {
  let y = top + 4;
  if (node.payoff.visible) {
    node.payoff.setPosition(node.circle.x, y + node.payoff.height / 2);
    y += node.payoff.height + 4;
  }
  node.badge.setPosition(node.circle.x, y + node.badge.height / 2);
}

/** Draws `r` into its node: disc, name above, figures inside, growth and badges below, industry bars. */
export function drawRegionNode(
  node: RegionNode,
  r: BoardRegion,
  model: BoardModel,
  maxK: number,
  texts: BoardTexts,
  layout: BoardLayout,
): void {
  const p = regionPoint(r, layout);
  const rad = radius(r.gdp);
  node.radius = rad;
  node.circle.clear();
  node.circle.fillStyle(r.colour, 0.92).fillCircle(0, 0, rad);
  node.circle.lineStyle(r.mine ? 7 : 2, r.mine ? 0xf2a900 : 0x1d2430, 1).strokeCircle(0, 0, rad);
  node.circle.setPosition(p.x, p.y);
  // The narrow (phone) board leaves out the region's letter: the name alone is long enough at 12 px.
  const id = layout.w < WIDE_LAYOUT.w ? '' : ` (${r.id})`;
  node.name.setPosition(p.x, p.y - rad - 16).setText(`${r.mine ? '★ ' : ''}${r.name}${id}`);
  node.figures.setPosition(p.x, p.y).setText(figuresText(texts, r.gdp, r.rank));
  // In the results phase the round's growth is its own label under the disc, revealed region by region.
  const payoff = model.phase === 'results' && r.growth !== null ? r.growth : null;
  node.payoff
    .setText(payoff === null ? '' : texts.growth(payoff))
    .setColor('#ffffff')
    .setBackgroundColor(payoff !== null && payoff < 0 ? '#b3261e' : '#1d7a46')
    .setVisible(payoff !== null);
  const tags = [
    r.mine ? texts.you : '',
    r.bot ? texts.bot : '',
    r.growth !== null && payoff === null ? texts.growth(r.growth) : '',
    r.submitted ? texts.submitted : '',
  ].filter(Boolean);
  node.badge.setText(tags.join(' · ')).setVisible(tags.length > 0);
  stackBelow(node, p.y + rad + 4);
  const font = Math.max(15, layout.minFont);
  node.economy.draw(r, model, maxK, font, (k) => texts.sectorInitial(model.sectors[k]?.name ?? { en: '', zh: '' }));
}
