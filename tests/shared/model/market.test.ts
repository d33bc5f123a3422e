// docs/rules.md section 7 "Market(K, β)" and the market's choice (reform B), against hand-computed examples and a reference
// implementation written from the formulas.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileMap, type CompiledMap } from '../../../shared/model/compiled.js';
import { MAP_PRESETS, MapDefSchema, type MapDef } from '../../../shared/model/maps.js';
import { marketChoice, runMarket } from '../../../shared/model/market.js';
import { defaultParams } from '../../../shared/model/params.js';
import { near } from './helpers.js';

const params = defaultParams(); // accessAdjacent 0.8, accessFar 0.5, barrierCut 0.6

function region(id: string, M: number, K0: Record<string, number> = {}, a: Record<string, number> = {}) {
  return { id, name: { en: id, zh: id }, pop: 1, M, Y0: 0, a, K0, at: { x: 0, y: 0 } };
}
function sector(id: string, m = 1, theta = 1, Z = 1) {
  return { id, name: { en: id, zh: id }, theta, m, Z };
}

// X (M 4, one unit of S), Y (M 2) linked to X, W (M 2) not linked to X: X reaches W at accessFar.
const ONE: MapDef = MapDefSchema.parse({
  id: 'one',
  multiCentre: false,
  sectors: [sector('S')],
  regions: [region('X', 4, { S: 1 }), region('Y', 2), region('W', 2)],
  links: [['X', 'Y']],
});

function blockedOf(cm: CompiledMap, pairs: [importer: string, exporter: string][]): Uint8Array {
  const b = new Uint8Array(cm.n * cm.n);
  for (const [j, i] of pairs) b[cm.regionIndex.get(j)! * cm.n + cm.regionIndex.get(i)!] = 1;
  return b;
}

/** docs/rules.md section 7 Market(K, β) written out plainly. */
function refMarket(def: MapDef, K: number[][], blocks: (j: number, i: number) => boolean) {
  const n = def.regions.length;
  const linked = (i: number, j: number) =>
    def.links.some(
      ([p, q]) =>
        (p === def.regions[i]!.id && q === def.regions[j]!.id) ||
        (q === def.regions[i]!.id && p === def.regions[j]!.id),
    );
  const trade = new Array<number>(n).fill(0);
  const cons = new Array<number>(n).fill(0);
  def.sectors.forEach((sec, k) => {
    for (let j = 0; j < n; j++) {
      const phi = (i: number) =>
        i === j
          ? 1
          : (linked(i, j) ? params.accessAdjacent : params.accessFar) *
            (1 - params.barrierCut * (blocks(j, i) ? 1 : 0));
      const q = (i: number) => (def.regions[i]!.a[sec.id] ?? 1) * K[i]![k]!;
      const D = sec.theta * def.regions[j]!.M;
      let S = 0;
      for (let i = 0; i < n; i++) S += q(i) * phi(i);
      for (let i = 0; i < n; i++) trade[i]! += (sec.m * D * q(i) * phi(i)) / (S + sec.Z);
      cons[j]! += (sec.m * D * S) / (S + sec.Z);
    }
  });
  return { trade, cons };
}

describe('Market(K, β)', () => {
  const cm = compileMap(ONE, params);

  it('open borders: own market at φ = 1, linked at accessAdjacent, unlinked at accessFar', () => {
    const r = runMarket(cm, cm.K0, null);
    // Market X: D = 4, S = 1 -> X sells 4*1/(1+1); Y: D = 2, S = 0.8; W: D = 2, S = 0.5.
    const inX = (1 * 4 * 1) / (1 + 1);
    const inY = (1 * 2 * 0.8) / (0.8 + 1);
    const inW = (1 * 2 * 0.5) / (0.5 + 1);
    near(r.trade[0], inX + inY + inW);
    near(r.crossBorder[0], inY + inW);
    near(r.trade[1], 0);
    near(r.trade[2], 0);
    near(r.cons[0], (4 * 1) / 2);
    near(r.cons[1], (2 * 0.8) / 1.8);
    near(r.cons[2], (2 * 0.5) / 1.5);
  });

  it("a barrier of the importer cuts the exporter's access by barrierCut", () => {
    const r = runMarket(
      cm,
      cm.K0,
      blockedOf(cm, [
        ['Y', 'X'],
        ['W', 'X'],
      ]),
    );
    const phiY = 0.8 * (1 - 0.6);
    const phiW = 0.5 * (1 - 0.6);
    near(r.trade[0], 2 + (2 * phiY) / (phiY + 1) + (2 * phiW) / (phiW + 1));
    near(r.cons[1], (2 * phiY) / (phiY + 1));
  });

  it("a barrier only affects the importer's own market (β_ji, not β_ij)", () => {
    // X blocking Y changes nothing: Y produces nothing.
    near(runMarket(cm, cm.K0, blockedOf(cm, [['X', 'Y']])).trade[0], runMarket(cm, cm.K0, null).trade[0]!);
    // With a unit of Y's capacity, X blocking Y cuts Y's sales in X only.
    const K = Float64Array.from([1, 1, 0]);
    const r = runMarket(cm, K, blockedOf(cm, [['X', 'Y']]));
    const phi = 0.8 * 0.4;
    const inX = (4 * phi) / (1 + phi + 1); // market X: S = 1 + 0.32
    const inY = (2 * 1) / (0.8 + 1 + 1); // market Y: S = 0.8 + 1, unaffected
    const inW = (2 * 0.5) / (0.5 + 0.5 + 1); // market W (not linked to either): S = 0.5 + 0.5
    near(r.trade[1], inX + inY + inW);
  });

  it('productivity multiplies capacity and margins scale sales', () => {
    const def = MapDefSchema.parse({
      id: 'two',
      multiCentre: false,
      sectors: [sector('A', 1.5, 0.5, 2), sector('B', 1, 0.5, 2)],
      regions: [region('X', 6, { A: 1 }, { A: 2 }), region('Y', 2, { B: 1 })],
      links: [['X', 'Y']],
    });
    const c = compileMap(def, params);
    const r = runMarket(c, c.K0, null);
    // Sector A: q_X = 2. Market X: D = 3, S = 2; market Y: D = 1, S = 1.6. Sector B: q_Y = 1. X: D = 3, S = 0.8; Y: D = 1, S = 1.
    near(r.trade[0], (1.5 * 3 * 2) / (2 + 2) + (1.5 * 1 * 1.6) / (1.6 + 2));
    near(r.trade[1], (1 * 3 * 0.8) / (0.8 + 2) + (1 * 1 * 1) / (1 + 2));
  });

  it('equals the reference implementation on random capacities and barriers (4-single)', () => {
    const def = MAP_PRESETS['4-single']!;
    const c = compileMap(def, params);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 16, maxLength: 16 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (k, b) => {
          const K = Float64Array.from(k);
          const blocked = Uint8Array.from(b.map((x, idx) => (x && Math.floor(idx / 4) !== idx % 4 ? 1 : 0)));
          const r = runMarket(c, K, blocked);
          const ref = refMarket(
            def,
            [0, 1, 2, 3].map((i) => k.slice(i * 4, i * 4 + 4)),
            (j, i) => blocked[j * 4 + i] === 1,
          );
          for (let i = 0; i < 4; i++) {
            near(r.trade[i], ref.trade[i]!, 1e-12);
            near(r.cons[i], ref.cons[i]!, 1e-12);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('market choice (reform B)', () => {
  const twin = (mB: number) =>
    compileMap(
      MapDefSchema.parse({
        id: 'twin',
        multiCentre: false,
        sectors: [sector('A', 1, 0.5), sector('B', mB, 0.5)],
        regions: [region('X', 2), region('Y', 2)],
        links: [['X', 'Y']],
      }),
      params,
    );

  it('on an exact tie takes the first sector in order', () => {
    const c = twin(1);
    expect(marketChoice(c, new Float64Array(4), 0)).toBe(0);
  });

  it('a later sector wins only if better by more than 1e-12', () => {
    expect(marketChoice(twin(1 + 1e-15), new Float64Array(4), 0)).toBe(0);
    expect(marketChoice(twin(1 + 1e-9), new Float64Array(4), 0)).toBe(1);
  });

  it('maximises total trade (all regions) with K_ik + 1, open borders, on capacities before investment', () => {
    for (const id of ['3-single', '4-single', '4-multi']) {
      const def = MAP_PRESETS[id]!;
      const c = compileMap(def, params);
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: c.n * c.s, maxLength: c.n * c.s }),
          fc.nat({ max: c.n - 1 }),
          (k, i) => {
            const K = Float64Array.from(k);
            let best = -1;
            let bestV = -Infinity;
            for (let s = 0; s < c.s; s++) {
              const trial = Float64Array.from(K);
              trial[i * c.s + s]! += 1;
              const v = runMarket(c, trial, null).trade.reduce((x, y) => x + y, 0);
              if (best < 0 || v > bestV + 1e-12) {
                best = s;
                bestV = v;
              }
            }
            expect(marketChoice(c, K, i)).toBe(best);
          },
        ),
        { numRuns: 40 },
      );
    }
  });
});
