// The board's coordinate systems and the geometry every board module shares: where a region sits, how large its
// disc is, and a text's rectangle on the board.
import type * as Phaser from 'phaser-core';
import type { Rect } from './labels.js';
import type { BoardRegion } from './model.js';

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

export function regionPoint(r: Pick<BoardRegion, 'x' | 'y'>, l: BoardLayout): { x: number; y: number } {
  return { x: l.marginX + r.x * (l.w - 2 * l.marginX), y: l.marginY + r.y * (l.h - 2 * l.marginY) };
}

/** A region's disc grows with its output, within limits that keep small regions tappable and large ones apart. */
export function radius(gdp: number): number {
  return Math.max(40, Math.min(86, 12 * Math.sqrt(Math.max(gdp, 0))));
}

export function rectOf(t: Phaser.GameObjects.Text): Rect {
  const b = t.getBounds();
  return { x: b.x, y: b.y, w: b.width, h: b.height };
}

export function boundsOf(l: BoardLayout): Rect {
  return { x: 0, y: 0, w: l.w, h: l.h };
}

/** A font size no smaller than the layout's minimum (12 px on screen). */
export function fontSize(l: BoardLayout, size: number): string {
  return `${Math.max(size, l.minFont)}px`;
}
