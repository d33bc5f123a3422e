// The results reveal: each region's output counts up from last round's and its disc pulses; then the round's growth
// appears under each disc, one region after another, from the lowest growth to the highest.
import type * as Phaser from 'phaser-core';
import type { BoardModel } from './model.js';
import { figuresText, type RegionNode } from './regionNode.js';
import type { BoardTexts } from './texts.js';

export interface RevealStep {
  id: string;
  /** When the region's growth appears (ms after the reveal starts). */
  delay: number;
}

/** Starts the reveal's tweens and returns the order in which growth appears. */
export function playReveal(
  tweens: Phaser.Tweens.TweenManager,
  nodes: ReadonlyMap<string, RegionNode>,
  model: BoardModel,
  texts: BoardTexts,
): RevealStep[] {
  model.regions.forEach((r, i) => {
    const node = nodes.get(r.id);
    if (!node || r.gdpBefore === null) return;
    const counter = { v: r.gdpBefore };
    tweens.add({
      targets: counter,
      v: r.gdp,
      duration: 1400,
      delay: i * 250,
      ease: 'Cubic.easeOut',
      onUpdate: () => node.figures.setText(figuresText(texts, counter.v, r.rank)),
    });
    tweens.add({
      targets: node.circle,
      scale: { from: 0.85, to: 1 },
      duration: 700,
      delay: i * 250,
      ease: 'Back.easeOut',
    });
  });
  const order = model.regions.filter((r) => r.growth !== null).sort((x, y) => (x.growth ?? 0) - (y.growth ?? 0));
  const plan = order.map((r, k) => ({ id: r.id, delay: 900 + k * 700 }));
  for (const { id, delay } of plan) {
    const payoff = nodes.get(id)?.payoff;
    if (!payoff?.visible) continue;
    payoff.setAlpha(0);
    tweens.add({ targets: payoff, alpha: 1, scale: { from: 1.8, to: 1 }, duration: 500, delay, ease: 'Back.easeOut' });
  }
  return plan;
}
