// Agreement labels on the map: placed along their link where they cover nothing; stacked or moved elsewhere on the
// board rather than over a region's name or another label; least covering when the board is full.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSpot, overlapArea, placeLabels, type LabelRequest, type Rect } from '../../../client/src/board/labels.js';

const BOARD: Rect = { x: 0, y: 0, w: 1000, h: 625 };

function request(a: [number, number], b: [number, number], ...shapes: [number, number][]): LabelRequest {
  return { a: { x: a[0], y: a[1] }, b: { x: b[0], y: b[1] }, shapes: shapes.map(([w, h]) => ({ w, h })) };
}

describe('placeLabels', () => {
  it('puts a label on the middle of its link when nothing is there', () => {
    const [spot] = placeLabels([request([100, 300], [500, 300], [100, 20])], [], [], BOARD);
    expect(spot).toEqual({ x: 250, y: 290, w: 100, h: 20, shape: 0 });
  });

  it('keeps two labels of crossing links apart', () => {
    const spots = placeLabels(
      [request([100, 100], [500, 500], [160, 22]), request([100, 500], [500, 100], [160, 22])],
      [],
      [],
      BOARD,
    );
    expect(spots).toHaveLength(2);
    expect(overlapArea(spots[0] ?? BOARD, spots[1] ?? BOARD)).toBe(0);
  });

  it('stacks a long label, or moves it off its link, rather than cover a name', () => {
    // Names fill the band around a short link: the one-line label fits nowhere along it.
    const names: Rect[] = [
      { x: 200, y: 240, w: 600, h: 40 },
      { x: 200, y: 320, w: 600, h: 40 },
    ];
    const [spot] = placeLabels([request([420, 300], [580, 300], [520, 22], [170, 66])], names, [], BOARD);
    expect(spot).toBeDefined();
    for (const n of names) expect(overlapArea(spot ?? BOARD, n)).toBe(0);
  });

  it('prefers covering a disc to covering a name', () => {
    const names: Rect[] = [{ x: 250, y: 280, w: 100, h: 40 }];
    const soft: Rect[] = [{ x: 0, y: 0, w: 1000, h: 625 }];
    const [spot] = placeLabels([request([100, 300], [500, 300], [100, 20])], names, soft, BOARD);
    expect(overlapArea(spot ?? BOARD, names[0] ?? BOARD)).toBe(0);
  });

  it('never covers a name or another label while the board has room (random maps)', () => {
    const point = fc.tuple(fc.integer({ min: 80, max: 920 }), fc.integer({ min: 80, max: 545 }));
    const name = fc.record({ x: fc.integer({ min: 0, max: 880 }), y: fc.integer({ min: 0, max: 600 }) });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(point, point, fc.integer({ min: 60, max: 420 })), { minLength: 1, maxLength: 8 }),
        fc.array(name, { maxLength: 8 }),
        (links, at) => {
          const names = at.map((p) => ({ ...p, w: 120, h: 26 }));
          const requests = links.map(([a, b, w]) => request(a, b, [w, 22], [Math.ceil(w / 2.5), 66]));
          const spots = placeLabels(requests, names, [], BOARD);
          spots.forEach((p, i) => {
            for (const n of names) expect(overlapArea(p, n)).toBe(0);
            for (const q of spots.slice(i + 1)) expect(overlapArea(p, q)).toBe(0);
            expect(p.x >= 0 && p.y >= 0 && p.x + p.w <= BOARD.w && p.y + p.h <= BOARD.h).toBe(true);
          });
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('freeSpot', () => {
  it('takes the first candidate that covers nothing, else the least covering one', () => {
    const a = { x: 0, y: 0, w: 10, h: 10 };
    const b = { x: 20, y: 0, w: 10, h: 10 };
    expect(freeSpot([a, b], [a], [], BOARD)).toEqual(b);
    expect(freeSpot([a, b], [{ x: 0, y: 0, w: 30, h: 2 }], [{ x: 20, y: 0, w: 10, h: 10 }], BOARD)).toEqual(a);
  });
});
