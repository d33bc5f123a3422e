// The map board (Phaser 4): one scene that owns the regions (regionNode.ts), the links and their labels
// (linkLayer.ts), the layout of the texts (placement.ts) and the results reveal (reveal.ts). It renders only while
// something changes.
import * as Phaser from 'phaser-core';
import type { Rect } from './labels.js';
import { boundsOf, rectOf, regionPoint, type BoardLayout } from './layout.js';
import { LinkLayer } from './linkLayer.js';
import type { BoardModel } from './model.js';
import { labelObstacles, placeCharts, separateNames } from './placement.js';
import { createRegionNode, destroyRegionNode, drawRegionNode, type RegionNode } from './regionNode.js';
import { playReveal, type RevealStep } from './reveal.js';
import type { BoardTexts, LabelKind } from './texts.js';

export { NARROW_LAYOUT, WIDE_LAYOUT, regionPoint, type BoardLayout } from './layout.js';
export type { BoardTexts, LabelKind } from './texts.js';

export interface BoardCallbacks {
  onRegion: (id: string) => void;
}

export class BoardScene extends Phaser.Scene {
  private model: BoardModel | null = null;
  private texts: BoardTexts | null = null;
  private callbacks: BoardCallbacks | null = null;
  private links: LinkLayer | null = null;
  private nodes = new Map<string, RegionNode>();
  private revealed: number | null = null;
  /** The order and delay (ms) of the last reveal, for tests. */
  private revealPlan: RevealStep[] = [];
  private quietFrames = 0;

  constructor(private readonly layout: BoardLayout) {
    super({ key: 'board' });
  }

  /** Region names, agreement labels, industry charts and revealed growth as drawn (board coordinates), for tests. */
  labelRects(): { kind: LabelKind; id: string; text: string; rect: Rect }[] {
    const nodes = [...this.nodes.entries()];
    return [
      ...nodes.map(([id, n]) => ({ kind: 'name' as const, id, text: n.name.text, rect: rectOf(n.name) })),
      ...(this.links?.texts() ?? []).map((l, k) => ({
        kind: 'link' as const,
        id: String(k),
        text: l.text,
        rect: rectOf(l),
      })),
      ...nodes.map(([id, n]) => ({ kind: 'economy' as const, id, text: '', rect: n.economy.rect() })),
      ...nodes
        .filter(([, n]) => n.payoff.visible)
        .map(([id, n]) => ({ kind: 'growth' as const, id, text: n.payoff.text, rect: rectOf(n.payoff) })),
    ];
  }

  /** Whether an animation (the reveal) is still playing. */
  animating(): boolean {
    return this.tweens.getTweens().length > 0;
  }

  /** The regions in the order their growth was revealed, with each one's delay (ms). */
  revealOrder(): RevealStep[] {
    return this.revealPlan;
  }

  create(): void {
    this.links = new LinkLayer(this, this.layout);
    // One hit test for the whole board: the region whose disc contains the pointer.
    this.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
      this.wake();
      for (const [id, node] of this.nodes) {
        if (Math.hypot(pointer.worldX - node.circle.x, pointer.worldY - node.circle.y) <= node.radius) {
          this.callbacks?.onRegion(id);
          return;
        }
      }
    });
    if (this.model) this.draw();
  }

  /**
   * The board renders only while something changes: a still map does not redraw 60 times a second (phones' battery,
   * and five boards in one browser). A new model, a tap, a resize or a restored WebGL context wake it.
   */
  wake(): void {
    if (!this.links) return;
    this.quietFrames = 0;
    const loop = this.game.loop;
    if (loop.running) return;
    loop.resetDelta();
    loop.wake();
  }

  override update(): void {
    if (this.tweens.getTweens().length > 0) {
      this.quietFrames = 0;
      return;
    }
    // A few frames after the last change (text textures and the scale manager settle), stop until woken.
    if (++this.quietFrames > 12) this.game.loop.sleep();
  }

  setModel(model: BoardModel, texts: BoardTexts, callbacks: BoardCallbacks): void {
    this.model = model;
    this.texts = texts;
    this.callbacks = callbacks;
    if (!this.links) return;
    this.draw();
    this.wake();
  }

  private draw(): void {
    const { model, texts, links } = this;
    if (!model || !texts || !links) return;
    links.draw(model, texts, new Map(model.regions.map((r) => [r.id, regionPoint(r, this.layout)])));
    const maxK = Math.max(...model.regions.flatMap((r) => r.capacity));
    const seen = new Set<string>();
    for (const r of model.regions) {
      seen.add(r.id);
      let node = this.nodes.get(r.id);
      if (!node) {
        node = createRegionNode(this, this.layout);
        this.nodes.set(r.id, node);
      }
      drawRegionNode(node, r, model, maxK, texts, this.layout);
    }
    for (const [id, node] of this.nodes) {
      if (seen.has(id)) continue;
      destroyRegionNode(node);
      this.nodes.delete(id);
    }
    separateNames(model, this.nodes, this.layout);
    placeCharts(model, this.nodes, this.layout);
    const { hard, soft } = labelObstacles(model, this.nodes, this.layout);
    links.place(hard, soft, boundsOf(this.layout));
    if (model.revealRound !== null && model.phase === 'results' && this.revealed !== model.revealRound) {
      this.revealed = model.revealRound;
      this.revealPlan = playReveal(this.tweens, this.nodes, model, texts);
    }
  }
}
