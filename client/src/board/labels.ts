// Placing the agreement labels of the map so that none covers a region's name, figures or another label: each
// label tries spots along its link (middle first, then towards either end, then beside the line) and takes the
// first free one, else the one that overlaps least. Pure geometry, in board coordinates.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  /** The link's two ends. */
  a: { x: number; y: number };
  b: { x: number; y: number };
  w: number;
  h: number;
}

const ALONG = [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8];
const ACROSS = [0, 1, -1, 2, -2, 3, -3, 4, -4];
/** Covering a name or another label costs far more than covering a disc, its figures or a badge. */
const HARD = 1000;

export function overlapArea(p: Rect, q: Rect): number {
  const dx = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
  const dy = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
  return dx > 0 && dy > 0 ? dx * dy : 0;
}

function inside(r: Rect, bounds: Rect): boolean {
  return r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w && r.y + r.h <= bounds.y + bounds.h;
}

/** The top-left corner of each label (in request order), given the rectangles already on the board. */
export function placeLabels(
  requests: readonly LabelRequest[],
  names: readonly Rect[],
  soft: readonly Rect[],
  bounds: Rect,
): Rect[] {
  const placed: Rect[] = [];
  for (const req of requests) {
    const len = Math.hypot(req.b.x - req.a.x, req.b.y - req.a.y) || 1;
    const nx = -(req.b.y - req.a.y) / len;
    const ny = (req.b.x - req.a.x) / len;
    const step = req.h + 4;
    let best: Rect | null = null;
    let bestCost = Infinity;
    for (const across of ACROSS) {
      for (const t of ALONG) {
        const cx = req.a.x + (req.b.x - req.a.x) * t + nx * step * across;
        const cy = req.a.y + (req.b.y - req.a.y) * t + ny * step * across;
        const r = { x: cx - req.w / 2, y: cy - req.h / 2, w: req.w, h: req.h };
        if (!inside(r, bounds)) continue;
        const cost =
          HARD * [...names, ...placed].reduce((sum, q) => sum + overlapArea(r, q), 0) +
          soft.reduce((sum, q) => sum + overlapArea(r, q), 0);
        if (cost < bestCost) {
          best = r;
          bestCost = cost;
        }
        if (cost === 0) break;
      }
      if (bestCost === 0) break;
    }
    const fallback = { x: (req.a.x + req.b.x - req.w) / 2, y: (req.a.y + req.b.y - req.h) / 2, w: req.w, h: req.h };
    placed.push(best ?? fallback);
  }
  return placed;
}

/** The first candidate inside `bounds` that covers nothing, else the one covering least (`hard` counts far more). */
export function freeSpot(
  candidates: readonly Rect[],
  hard: readonly Rect[],
  soft: readonly Rect[],
  bounds: Rect,
): Rect {
  let best = candidates[0] ?? { x: 0, y: 0, w: 0, h: 0 };
  let bestCost = Infinity;
  for (const r of candidates) {
    if (!inside(r, bounds)) continue;
    const cost =
      HARD * hard.reduce((sum, q) => sum + overlapArea(r, q), 0) + soft.reduce((sum, q) => sum + overlapArea(r, q), 0);
    if (cost === 0) return r;
    if (cost < bestCost) {
      best = r;
      bestCost = cost;
    }
  }
  return best;
}
