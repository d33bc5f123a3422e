// The map board (Phaser 4): regions sized by output with their names and figures, links showing open or
// protected markets, proposals and agreements as styled lines, and an animated reveal of each round's results.
import * as Phaser from 'phaser-core';
import type { BoardLink, BoardModel, BoardRegion } from './model.js';

export const BOARD_W = 1000;
export const BOARD_H = 625;
const MARGIN_X = 120;
const MARGIN_Y = 110;

export interface BoardTexts {
  you: string;
  bot: string;
  rank: (n: number) => string;
  output: (gdp: number) => string;
  growth: (g: number) => string;
  linkLabel: (state: BoardLink['state']) => string;
  shock: (eps: number) => string;
  inspected: string;
  submitted: string;
}

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
}

export function regionPoint(r: Pick<BoardRegion, 'x' | 'y'>): { x: number; y: number } {
  return { x: MARGIN_X + r.x * (BOARD_W - 2 * MARGIN_X), y: MARGIN_Y + r.y * (BOARD_H - 2 * MARGIN_Y) };
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
  private nodes = new Map<string, RegionNode>();
  private revealed: number | null = null;
  private ready = false;
  private quietFrames = 0;

  constructor() {
    super({ key: 'board' });
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
    for (const r of model.regions) {
      seen.add(r.id);
      this.drawRegion(r, texts);
    }
    for (const [id, node] of this.nodes) {
      if (seen.has(id)) continue;
      node.circle.destroy();
      node.name.destroy();
      node.figures.destroy();
      node.badge.destroy();
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
    const pos = new Map(model.regions.map((r) => [r.id, regionPoint(r)]));
    for (const link of model.links) {
      const a = pos.get(link.a);
      const b = pos.get(link.b);
      if (!a || !b) continue;
      const style = LINK_STYLE[link.state ?? 'none'];
      if (!link.linked && !link.state) continue;
      g.lineStyle(style.width, style.colour, 1);
      if (style.dash > 0) this.dashed(g, a, b, style.dash);
      else g.lineBetween(a.x, a.y, b.x, b.y);
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const parts = [
        link.state ? texts.linkLabel(link.state) : '',
        link.shock !== null ? texts.shock(link.shock) : '',
        link.audited ? texts.inspected : '',
      ].filter(Boolean);
      if (parts.length > 0) {
        this.labels.push(
          this.add
            .text(mid.x, mid.y, parts.join(' · '), {
              fontFamily: 'system-ui, sans-serif',
              fontSize: '16px',
              color: '#1d2430',
              backgroundColor: '#ffffffee',
              padding: { x: 4, y: 2 },
            })
            .setOrigin(0.5)
            .setResolution(2),
        );
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

  private drawRegion(r: BoardRegion, texts: BoardTexts): void {
    const p = regionPoint(r);
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
            fontSize: '21px',
            fontStyle: 'bold',
            backgroundColor: '#ffffffcc',
            padding: { x: 4, y: 1 },
          })
          .setOrigin(0.5)
          .setResolution(2),
        figures: this.add
          .text(p.x, p.y, '', {
            ...style,
            fontSize: '20px',
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
            fontSize: '17px',
            backgroundColor: '#ffffffcc',
            padding: { x: 4, y: 1 },
          })
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
    node.name.setPosition(p.x, p.y - rad - 16).setText(`${r.mine ? '★ ' : ''}${r.name} (${r.id})`);
    node.figures.setText(figuresText(texts, r.gdp, r.rank));
    const tags = [
      r.mine ? texts.you : '',
      r.bot ? texts.bot : '',
      r.growth !== null ? texts.growth(r.growth) : '',
      r.submitted ? texts.submitted : '',
    ].filter(Boolean);
    node.badge
      .setPosition(p.x, p.y + rad + 16)
      .setText(tags.join(' · '))
      .setVisible(tags.length > 0);
  }

  /** The results reveal: each region's output counts up from last round's, and its circle pulses. */
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
  }
}
