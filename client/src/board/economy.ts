// A region's industries on the map: one bar per sector for the capacity built there, so regions piling into the same
// industry show as the same tall bar everywhere; the region's strength is outlined in gold and a ▲ marks the booming
// industry. Sector initials under the bars (at least 12 px on screen). Drawn relative to its top-left corner.
import type * as Phaser from 'phaser-core';
import type { Rect } from './labels.js';
import type { BoardModel, BoardRegion } from './model.js';

const BAR_MAX = 36;
const MARK = 9;
const PAD = 4;

export class EconomyChart {
  readonly g: Phaser.GameObjects.Graphics;
  private letters: Phaser.GameObjects.Text[] = [];
  w = 0;
  h = 0;

  constructor(private readonly scene: Phaser.Scene) {
    this.g = scene.add.graphics();
  }

  /** Redraws the bars of `r`; the tallest bar of the world (`maxK`) has the full height. */
  draw(r: BoardRegion, model: BoardModel, maxK: number, fontPx: number, initial: (k: number) => string): void {
    const n = model.sectors.length;
    while (this.letters.length < n) {
      this.letters.push(
        this.scene.add
          .text(0, 0, '', { fontFamily: 'system-ui, sans-serif', color: '#1d2430', fontStyle: 'bold' })
          .setOrigin(0.5, 0)
          .setResolution(2),
      );
    }
    for (const extra of this.letters.splice(n)) extra.destroy();
    const bw = Math.max(14, Math.round(fontPx * 0.9));
    const gap = 5;
    this.w = PAD * 2 + n * bw + (n - 1) * gap;
    this.h = PAD + MARK + 2 + BAR_MAX + 2 + fontPx * 1.25 + PAD;
    const g = this.g.clear();
    g.fillStyle(0xffffff, 0.9).fillRoundedRect(0, 0, this.w, this.h, 6);
    const base = PAD + MARK + 2 + BAR_MAX;
    r.capacity.forEach((k, i) => {
      const x = PAD + i * (bw + gap);
      const height = Math.max(2, (BAR_MAX * k) / Math.max(maxK, 1e-9));
      g.fillStyle(i === model.boom ? 0xd55e00 : 0x455a64, 1).fillRect(x, base - height, bw, height);
      if (i === r.strength) g.lineStyle(3, 0xf2a900, 1).strokeRect(x - 1.5, base - height - 1.5, bw + 3, height + 3);
      if (i === model.boom) g.fillStyle(0xd55e00, 1).fillTriangle(x, PAD + MARK, x + bw, PAD + MARK, x + bw / 2, PAD);
      this.letters[i]?.setFontSize(fontPx).setText(initial(i));
    });
  }

  /** Moves the chart so that its top-left corner is at (x, y). */
  place(x: number, y: number): void {
    this.g.setPosition(x, y);
    const bw = (this.w - PAD * 2 - (this.letters.length - 1) * 5) / Math.max(1, this.letters.length);
    this.letters.forEach((t, i) => t.setPosition(x + PAD + i * (bw + 5) + bw / 2, y + PAD + MARK + 4 + BAR_MAX));
  }

  rect(): Rect {
    return { x: this.g.x, y: this.g.y, w: this.w, h: this.h };
  }

  destroy(): void {
    this.g.destroy();
    for (const t of this.letters) t.destroy();
  }
}
