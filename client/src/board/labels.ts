// Placing the agreement labels of the map so that none covers a region's name, figures or another label. Each label
// has one or more shapes (one line, then its parts stacked); for each shape it tries spots along its link (middle
// first, then towards either end, then beside the line), then the free spot nearest the link's middle anywhere on
// the board. It takes the first spot that covers no name or label, else the one that covers least. Pure geometry,
// in board coordinates.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Size {
  w: number;
  h: number;
}

export interface LabelRequest {
  /** The link's two ends. */
  a: { x: number; y: number };
  b: { x: number; y: number };
  /** The label's shapes, in order of preference (e.g. one line, then stacked). */
  shapes: readonly Size[];
}

export interface PlacedLabel extends Rect {
  /** Which of the request's shapes was placed. */
  shape: number;
}

const ALONG = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
const ACROSS = [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5];
/** Covering a name or another label costs far more than covering a disc, its figures or a badge. */
const HARD = 1000;
/** The grid step (board units) of the search for a free spot anywhere on the board. */
const GRID = 8;

export function overlapArea(p: Rect, q: Rect): number {
  const dx = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
  const dy = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
  return dx > 0 && dy > 0 ? dx * dy : 0;
}

function inside(r: Rect, bounds: Rect): boolean {
  return r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w && r.y + r.h <= bounds.y + bounds.h;
}

function covered(r: Rect, rects: readonly Rect[]): number {
  return rects.reduce((sum, q) => sum + overlapArea(r, q), 0);
}

/** Spots along and beside the link from `a` to `b` for a label of `size`, best first. */
function alongLink(req: LabelRequest, size: Size): Rect[] {
  const len = Math.hypot(req.b.x - req.a.x, req.b.y - req.a.y) || 1;
  const nx = -(req.b.y - req.a.y) / len;
  const ny = (req.b.x - req.a.x) / len;
  const step = size.h + 4;
  return ACROSS.flatMap((across) =>
    ALONG.map((t) => ({
      x: req.a.x + (req.b.x - req.a.x) * t + nx * step * across - size.w / 2,
      y: req.a.y + (req.b.y - req.a.y) * t + ny * step * across - size.h / 2,
      w: size.w,
      h: size.h,
    })),
  );
}

/** Every grid spot on the board for a label of `size`. */
function anywhere(size: Size, bounds: Rect): Rect[] {
  const spots: Rect[] = [];
  for (let x = bounds.x; x + size.w <= bounds.x + bounds.w; x += GRID)
    for (let y = bounds.y; y + size.h <= bounds.y + bounds.h; y += GRID) spots.push({ x, y, w: size.w, h: size.h });
  return spots;
}

/** How far a spot's centre is from the middle of the link. */
function fromMiddle(req: LabelRequest, r: Rect): number {
  return Math.hypot(r.x + r.w / 2 - (req.a.x + req.b.x) / 2, r.y + r.h / 2 - (req.a.y + req.b.y) / 2);
}

/** Each label's spot and shape (in request order), given the names and the softer rectangles already on the board. */
export function placeLabels(
  requests: readonly LabelRequest[],
  names: readonly Rect[],
  soft: readonly Rect[],
  bounds: Rect,
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const req of requests) {
    const hard = [...names, ...placed];
    const spots = (pick: (size: Size) => Rect[]) =>
      req.shapes.flatMap((size, shape) =>
        pick(size)
          .filter((r) => inside(r, bounds))
          .map((r) => ({ ...r, shape, hard: covered(r, hard), soft: covered(r, soft) })),
      );
    const along = spots((size) => alongLink(req, size));
    const clear = along.filter((r) => r.hard === 0);
    // Along the link covering nothing (first found), else along it covering no name or label (least covering),
    // else the nearest spot anywhere that covers no name or label, else the spot along it that covers least.
    const best =
      clear.find((r) => r.soft === 0) ??
      minBy(clear, (r) => r.soft) ??
      minBy(
        spots((size) => anywhere(size, bounds)).filter((r) => r.hard === 0),
        (r) => fromMiddle(req, r),
      ) ??
      minBy(along, (r) => HARD * r.hard + r.soft);
    const first = req.shapes[0] ?? { w: 0, h: 0 };
    const mid = { x: (req.a.x + req.b.x - first.w) / 2, y: (req.a.y + req.b.y - first.h) / 2, ...first, shape: 0 };
    placed.push(best ? { x: best.x, y: best.y, w: best.w, h: best.h, shape: best.shape } : mid);
  }
  return placed;
}

function minBy<T>(items: readonly T[], cost: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || cost(item) < cost(best)) best = item;
  return best;
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
    const cost = HARD * covered(r, hard) + covered(r, soft);
    if (cost === 0) return r;
    if (cost < bestCost) {
      best = r;
      bestCost = cost;
    }
  }
  return best;
}
