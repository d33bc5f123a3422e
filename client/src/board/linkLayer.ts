// The links between regions: open or protected markets, proposals and agreements as styled lines, a red bar where a
// region blocks a neighbour, and each agreement's label (its state, who broke it, a shock, an inspection's finding)
// placed where it covers no name or other label.
import type * as Phaser from 'phaser-core';
import { fontSize, radius, type BoardLayout } from './layout.js';
import { placeLabels, type Rect } from './labels.js';
import type { BoardLink, BoardModel } from './model.js';
import type { BoardTexts } from './texts.js';

type Point = { x: number; y: number };

const LINK_STYLE: Record<NonNullable<BoardLink['state']> | 'none', { width: number; colour: number; dash: number }> = {
  none: { width: 3, colour: 0x8a94a6, dash: 0 },
  pending: { width: 5, colour: 0x1f5fa8, dash: 14 },
  signed: { width: 8, colour: 0x1f5fa8, dash: 0 },
  honoured: { width: 8, colour: 0x1d7a46, dash: 0 },
  broken: { width: 8, colour: 0xb3261e, dash: 10 },
};

interface LinkLabel {
  text: Phaser.GameObjects.Text;
  /** What the label says, one part per fact; shown on one line, or stacked where one line finds no free spot. */
  parts: string[];
  a: Point;
  b: Point;
}

function labelParts(link: BoardLink, texts: BoardTexts): string[] {
  return [
    link.state ? texts.linkLabel(link.state) : '',
    link.brokenBy.length > 0 ? texts.brokenBy(link.brokenBy.join(', ')) : '',
    link.shock !== null ? texts.shock(link.shock) : '',
    link.audited ? texts.inspected(link.state === 'broken') : '',
  ].filter(Boolean);
}

function dashed(g: Phaser.GameObjects.Graphics, a: Point, b: Point, dash: number): void {
  const len = Math.hypot(b.x - a.x, b.y - a.y);
  const steps = Math.max(1, Math.floor(len / dash));
  for (let k = 0; k < steps; k += 2) {
    const t0 = k / steps;
    const t1 = Math.min(1, (k + 1) / steps);
    g.lineBetween(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0, a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1);
  }
}

export class LinkLayer {
  private readonly g: Phaser.GameObjects.Graphics;
  private labels: LinkLabel[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly layout: BoardLayout,
  ) {
    this.g = scene.add.graphics();
  }

  /** The labels' texts, in drawing order, for tests. */
  texts(): Phaser.GameObjects.Text[] {
    return this.labels.map((l) => l.text);
  }

  draw(model: BoardModel, texts: BoardTexts, pos: ReadonlyMap<string, Point>): void {
    this.g.clear();
    for (const l of this.labels) l.text.destroy();
    this.labels = [];
    for (const link of model.links) {
      const a = pos.get(link.a);
      const b = pos.get(link.b);
      if (!a || !b || (!link.linked && !link.state)) continue;
      const style = LINK_STYLE[link.state ?? 'none'];
      this.g.lineStyle(style.width, style.colour, 1);
      if (style.dash > 0) dashed(this.g, a, b, style.dash);
      else this.g.lineBetween(a.x, a.y, b.x, b.y);
      const parts = labelParts(link, texts);
      if (parts.length > 0) this.labels.push({ text: this.makeText(), parts, a, b });
    }
    this.drawBlocks(model, pos);
  }

  /** Puts each label where it covers no `hard` rectangle or other label, and as little of `soft` as it can. */
  place(hard: readonly Rect[], soft: readonly Rect[], bounds: Rect): void {
    const shapes = this.labels.map((l) => {
      const oneLine = this.measure(l.text, l.parts.join(' · '));
      return l.parts.length > 1 ? [oneLine, this.measure(l.text, l.parts.join('\n'))] : [oneLine];
    });
    const requests = this.labels.map((l, k) => ({ a: l.a, b: l.b, shapes: shapes[k] ?? [] }));
    placeLabels(requests, hard, soft, bounds).forEach((spot, k) => {
      const l = this.labels[k];
      if (!l) return;
      l.text.setText(l.parts.join(spot.shape === 0 ? ' · ' : '\n')).setPosition(spot.x, spot.y);
    });
  }

  private makeText(): Phaser.GameObjects.Text {
    return this.scene.add
      .text(0, 0, '', {
        fontFamily: 'system-ui, sans-serif',
        fontSize: fontSize(this.layout, 16),
        color: '#1d2430',
        backgroundColor: '#ffffffee',
        padding: { x: 4, y: 2 },
        align: 'center',
      })
      .setResolution(2);
  }

  private measure(t: Phaser.GameObjects.Text, s: string): { w: number; h: number } {
    t.setText(s);
    return { w: t.width, h: t.height };
  }

  /** Protection: a red bar across the link near the region that blocks. */
  private drawBlocks(model: BoardModel, pos: ReadonlyMap<string, Point>): void {
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
        this.g.lineStyle(7, 0xb3261e, 1);
        this.g.lineBetween(cx - nx, cy - ny, cx + nx, cy + ny);
      }
    }
  }
}
