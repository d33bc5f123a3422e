// The map board (Phaser 4): regions sized by output with their names and figures, links showing open or
// protected markets, proposals and agreements as styled lines, and an animated reveal of each round's results.
import * as Phaser from 'phaser-core';
import { EconomyChart } from './economy.js';
import { freeSpot, overlapArea, placeLabels, type LabelRequest, type Rect } from './labels.js';
import type { BoardLink, BoardModel, BoardRegion } from './model.js';

/** The board's own coordinates: wide on laptops and projectors, narrower (so text stays large) on phones. */
export interface BoardLayout {
  w: number;
  h: number;
  marginX: number;
  marginY: number;
  /** The smallest font size in board units that still shows as 12 px on this screen. */
  minFont: number;
}

export const WIDE_LAYOUT: BoardLayout = { w: 1000, h: 625, marginX: 120, marginY: 110, minFont: 0 };
export const NARROW_LAYOUT: BoardLayout = { w: 640, h: 560, marginX: 96, marginY: 96, minFont: 0 };

export interface BoardTexts {
  you: string;
  bot: string;
  rank: (n: number) => string;
  output: (gdp: number) => string;
  growth: (g: number) => string;
  linkLabel: (state: BoardLink['state']) => string;
  shock: (eps: number) => string;
  /** What an inspection found: the breach caught, or the agreement kept. */
  inspected: (caught: boolean) => string;
  brokenBy: (names: string) => string;
  submitted: string;
  /** A sector's initial under its capacity bar. */
  sectorInitial: (name: { en: string; zh: string }) => string;
}

/** What the board draws besides shapes, for tests: none may overlap another. */
export type LabelKind = 'name' | 'link' | 'economy' | 'growth';

export interface BoardCallbacks {
  onRegion: (id: string) => void;
}

interface RegionNode {
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

export function regionPoint(r: Pick<BoardRegion, 'x' | 'y'>, l: BoardLayout): { x: number; y: number } {
  return { x: l.marginX + r.x * (l.w - 2 * l.marginX), y: l.marginY + r.y * (l.h - 2 * l.marginY) };
}

function rectOf(t: Phaser.GameObjects.Text): Rect {
  const b = t.getBounds();
  return { x: b.x, y: b.y, w: b.width, h: b.height };
}

function figuresText(texts: BoardTexts, gdp: number, rank: number | null): string {
  return rank === null ? texts.output(gdp) : `${texts.output(gdp)}\n${texts.rank(rank)}`;
}

function radius(gdp: number): number {
  return Math.max(40, Math.min(86, 12 * Math.sqrt(Math.max(gdp, 0))));
}

const LINK_STYLE: Record<NonNullable<BoardLink['state']> | 'none', { width: number; colour: number; dash: number }> = {
  none: { width: 3, colour: 0x8a94a6, dash: 0 },
  pending: { width: 5, colour: 0x1f5fa8, dash: 14 },
  signed: { width: 8, colour: 0x1f5fa8, dash: 0 },
  honoured: { width: 8, colour: 0x1d7a46, dash: 0 },
  broken: { width: 8, colour: 0xb3261e, dash: 10 },
};

export class BoardScene extends Phaser.Scene {
  private model: BoardModel | null = null;
  private texts: BoardTexts | null = null;
  private callbacks: BoardCallbacks | null = null;
  private linkLayer!: Phaser.GameObjects.Graphics;
  private labels: Phaser.GameObjects.Text[] = [];
  /** The ends of each label's link, in the order of `labels`. */
  private labelEnds: { a: { x: number; y: number }; b: { x: number; y: number } }[] = [];
  private nodes = new Map<string, RegionNode>();
  private revealed: number | null = null;
  /** The order and delay (ms) of the last reveal, for tests. */
  private revealPlan: { id: string; delay: number }[] = [];
  private ready = false;
  private quietFrames = 0;

  constructor(private readonly layout: BoardLayout) {
    super({ key: 'board' });
  }

  /** A font size no smaller than 12 px on screen. */
  private fs(size: number): string {
    return `${Math.max(size, this.layout.minFont)}px`;
  }

  /** Region names, agreement labels, industry charts and revealed growth as drawn (board coordinates), for tests. */
  labelRects(): { kind: LabelKind; id: string; text: string; rect: Rect }[] {
    const nodes = [...this.nodes.entries()];
    return [
      ...nodes.map(([id, n]) => ({ kind: 'name' as const, id, text: n.name.text, rect: rectOf(n.name) })),
      ...this.labels.map((l, k) => ({ kind: 'link' as const, id: String(k), text: l.text, rect: rectOf(l) })),
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
  revealOrder(): { id: string; delay: number }[] {
    return this.revealPlan;
  }

  create(): void {
    this.linkLayer = this.add.graphics();
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
    this.ready = true;
    if (this.model) this.draw();
  }

  /**
   * The board renders only while something changes: a still map does not redraw 60 times a second (phones' battery,
   * and five boards in one browser). A new model, a tap, a resize or a restored WebGL context wake it.
   */
  wake(): void {
    if (!this.ready) return;
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
    if (!this.ready) return;
    this.draw();
    this.wake();
  }

  private draw(): void {
    const model = this.model;
    const texts = this.texts;
    if (!model || !texts) return;
    this.drawLinks(model, texts);
    const seen = new Set<string>();
    const maxK = Math.max(...model.regions.flatMap((r) => r.capacity));
    for (const r of model.regions) {
      seen.add(r.id);
      this.drawRegion(r, model, maxK, texts);
    }
    this.separateNames(model);
    this.placeCharts(model);
    this.placeLinkLabels(model);
    for (const [id, node] of this.nodes) {
      if (seen.has(id)) continue;
      for (const o of [node.circle, node.name, node.figures, node.badge, node.payoff, node.economy]) o.destroy();
      this.nodes.delete(id);
    }
    if (model.revealRound !== null && model.phase === 'results' && this.revealed !== model.revealRound) {
      this.revealed = model.revealRound;
      this.reveal(model, texts);
    }
  }

  private drawLinks(model: BoardModel, texts: BoardTexts): void {
    const g = this.linkLayer;
    g.clear();
    for (const l of this.labels) l.destroy();
    this.labels = [];
    this.labelEnds = [];
    const pos = new Map(model.regions.map((r) => [r.id, regionPoint(r, this.layout)]));
    for (const link of model.links) {
      const a = pos.get(link.a);
      const b = pos.get(link.b);
      if (!a || !b) continue;
      const style = LINK_STYLE[link.state ?? 'none'];
      if (!link.linked && !link.state) continue;
      g.lineStyle(style.width, style.colour, 1);
      if (style.dash > 0) this.dashed(g, a, b, style.dash);
      else g.lineBetween(a.x, a.y, b.x, b.y);
      const parts = [
        link.state ? texts.linkLabel(link.state) : '',
        link.brokenBy.length > 0 ? texts.brokenBy(link.brokenBy.join(', ')) : '',
        link.shock !== null ? texts.shock(link.shock) : '',
        link.audited ? texts.inspected(link.state === 'broken') : '',
      ].filter(Boolean);
      if (parts.length > 0) {
        const label = this.add
          .text(0, 0, parts.join(' · '), {
            fontFamily: 'system-ui, sans-serif',
            fontSize: this.fs(16),
            color: '#1d2430',
            backgroundColor: '#ffffffee',
            padding: { x: 4, y: 2 },
          })
          .setResolution(2);
        this.labels.push(label);
        this.labelEnds.push({ a, b });
      }
    }
    // Protection: a red bar across the link near the region that blocks.
    for (const r of model.regions) {
      const from = pos.get(r.id);
      if (!from) continue;
      for (const target of r.blocks) {
        const to = pos.get(target);
        if (!to) continue;
        const dx = to.x - from.x;
        const dy = to.y - from.y;
        const len = Math.hypot(dx, dy) || 1;
        const off = radius(r.gdp) + 16;
        const cx = from.x + (dx / len) * off;
        const cy = from.y + (dy / len) * off;
        const nx = (-dy / len) * 14;
        const ny = (dx / len) * 14;
        g.lineStyle(7, 0xb3261e, 1);
        g.lineBetween(cx - nx, cy - ny, cx + nx, cy + ny);
      }
    }
  }

  private dashed(
    g: Phaser.GameObjects.Graphics,
    a: { x: number; y: number },
    b: { x: number; y: number },
    dash: number,
  ): void {
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const steps = Math.max(1, Math.floor(len / dash));
    for (let k = 0; k < steps; k += 2) {
      const t0 = k / steps;
      const t1 = Math.min(1, (k + 1) / steps);
      g.lineBetween(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0, a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1);
    }
  }

  /** A name that would cover an earlier one moves below its disc (its badge below the name). */
  private separateNames(model: BoardModel): void {
    const placed: Rect[] = [];
    for (const r of model.regions) {
      const node = this.nodes.get(r.id);
      if (!node) continue;
      const hits = (rect: Rect) => placed.some((q) => overlapArea(rect, q) > 0);
      if (hits(rectOf(node.name))) {
        const p = regionPoint(r, this.layout);
        node.name.setPosition(p.x, p.y + node.radius + 4 + node.name.height / 2);
        this.stackBelow(node, node.name.y + node.name.height / 2);
      }
      placed.push(rectOf(node.name));
    }
  }

  /** Puts each agreement label where it covers no region name, figures or other label (labels.ts). */
  private placeLinkLabels(model: BoardModel): void {
    const names: Rect[] = [];
    const taken: Rect[] = [];
    for (const r of model.regions) {
      const node = this.nodes.get(r.id);
      if (!node) continue;
      names.push(rectOf(node.name), node.economy.rect());
      if (node.payoff.visible) names.push(rectOf(node.payoff));
      if (node.badge.visible) taken.push(rectOf(node.badge));
      taken.push(rectOf(node.figures));
      const p = regionPoint(r, this.layout);
      taken.push({
        x: p.x - node.radius * 0.7,
        y: p.y - node.radius * 0.7,
        w: node.radius * 1.4,
        h: node.radius * 1.4,
      });
    }
    const requests: LabelRequest[] = this.labels.map((l, k) => ({
      a: this.labelEnds[k]?.a ?? { x: 0, y: 0 },
      b: this.labelEnds[k]?.b ?? { x: 0, y: 0 },
      w: l.width,
      h: l.height,
    }));
    const spots = placeLabels(requests, names, taken, { x: 0, y: 0, w: this.layout.w, h: this.layout.h });
    this.labels.forEach((l, k) => {
      const spot = spots[k];
      if (spot) l.setPosition(spot.x, spot.y);
    });
  }

  /** Places the growth label (if shown) and the badge under the disc, from `top` down. */
  private stackBelow(node: RegionNode, top: number): void {
    let y = top + 4;
    if (node.payoff.visible) {
      node.payoff.setPosition(node.circle.x, y + node.payoff.height / 2);
      y += node.payoff.height + 4;
    }
    node.badge.setPosition(node.circle.x, y + node.badge.height / 2);
  }

  /** Puts each region's industry chart beside its disc (right, left, below, above) where it covers no text. */
  private placeCharts(model: BoardModel): void {
    const hard: Rect[] = [];
    const soft: Rect[] = [];
    for (const node of this.nodes.values()) {
      hard.push(rectOf(node.name));
      if (node.payoff.visible) hard.push(rectOf(node.payoff));
      if (node.badge.visible) hard.push(rectOf(node.badge));
      const { x, y } = node.circle;
      soft.push({ x: x - node.radius, y: y - node.radius, w: node.radius * 2, h: node.radius * 2 });
    }
    for (const r of model.regions) {
      const node = this.nodes.get(r.id);
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
        { x: 0, y: 0, w: this.layout.w, h: this.layout.h },
      );
      node.economy.place(spot.x, spot.y);
      hard.push(spot);
    }
  }

  private drawRegion(r: BoardRegion, model: BoardModel, maxK: number, texts: BoardTexts): void {
    const p = regionPoint(r, this.layout);
    const rad = radius(r.gdp);
    let node = this.nodes.get(r.id);
    if (!node) {
      const circle = this.add.graphics();
      const style = { fontFamily: 'system-ui, sans-serif', color: '#1d2430', align: 'center' as const };
      node = {
        circle,
        radius: rad,
        name: this.add
          .text(p.x, p.y - rad - 30, '', {
            ...style,
            fontSize: this.fs(21),
            fontStyle: 'bold',
            backgroundColor: '#ffffffcc',
            padding: { x: 4, y: 1 },
          })
          .setOrigin(0.5)
          .setResolution(2),
        figures: this.add
          .text(p.x, p.y, '', {
            ...style,
            fontSize: this.fs(20),
            color: '#ffffff',
            fontStyle: 'bold',
            stroke: '#1d2430',
            strokeThickness: 4,
          })
          .setOrigin(0.5)
          .setResolution(2),
        badge: this.add
          .text(p.x, p.y + rad + 16, '', {
            ...style,
            fontSize: this.fs(17),
            backgroundColor: '#ffffffcc',
            padding: { x: 4, y: 1 },
          })
          .setOrigin(0.5)
          .setResolution(2),
        economy: new EconomyChart(this),
        payoff: this.add
          .text(p.x, p.y, '', { ...style, fontSize: this.fs(22), fontStyle: 'bold', padding: { x: 6, y: 2 } })
          .setOrigin(0.5)
          .setResolution(2),
      };
      this.nodes.set(r.id, node);
    }
    node.radius = rad;
    node.circle.clear();
    node.circle.fillStyle(r.colour, 0.92).fillCircle(0, 0, rad);
    node.circle.lineStyle(r.mine ? 7 : 2, r.mine ? 0xf2a900 : 0x1d2430, 1).strokeCircle(0, 0, rad);
    node.circle.setPosition(p.x, p.y);
    // The narrow (phone) board leaves out the region's letter: the name alone is long enough at 12 px.
    const id = this.layout.w < WIDE_LAYOUT.w ? '' : ` (${r.id})`;
    node.name.setPosition(p.x, p.y - rad - 16).setText(`${r.mine ? '★ ' : ''}${r.name}${id}`);
    node.figures.setText(figuresText(texts, r.gdp, r.rank));
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
    this.stackBelow(node, p.y + rad + 4);
    const font = Math.max(15, this.layout.minFont);
    node.economy.draw(r, model, maxK, font, (k) => texts.sectorInitial(model.sectors[k]?.name ?? { en: '', zh: '' }));
  }

  /**
   * The results reveal: each region's output counts up from last round's and its disc pulses; then the round's
   * growth appears under each disc, one region after another, from the lowest growth to the highest.
   */
  private reveal(model: BoardModel, texts: BoardTexts): void {
    model.regions.forEach((r, i) => {
      const node = this.nodes.get(r.id);
      if (!node || r.gdpBefore === null) return;
      const counter = { v: r.gdpBefore };
      this.tweens.add({
        targets: counter,
        v: r.gdp,
        duration: 1400,
        delay: i * 250,
        ease: 'Cubic.easeOut',
        onUpdate: () => node.figures.setText(figuresText(texts, counter.v, r.rank)),
      });
      this.tweens.add({
        targets: node.circle,
        scale: { from: 0.85, to: 1 },
        duration: 700,
        delay: i * 250,
        ease: 'Back.easeOut',
      });
    });
    const order = model.regions.filter((r) => r.growth !== null).sort((x, y) => (x.growth ?? 0) - (y.growth ?? 0));
    this.revealPlan = order.map((r, k) => ({ id: r.id, delay: 900 + k * 700 }));
    for (const { id, delay } of this.revealPlan) {
      const payoff = this.nodes.get(id)?.payoff;
      if (!payoff?.visible) continue;
      payoff.setAlpha(0);
      this.tweens.add({
        targets: payoff,
        alpha: 1,
        scale: { from: 1.8, to: 1 },
        duration: 500,
        delay,
        ease: 'Back.easeOut',
      });
    }
  }
}
