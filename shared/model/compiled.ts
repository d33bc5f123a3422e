// A map and its parameters flattened into typed arrays, so the market can be evaluated many thousand times a
// second (bots and the benchmark call it in inner loops). Built once per (map, params) pair and cached.
import type { MapDef } from './maps.js';
import type { Params } from './params.js';

export interface CompiledMap {
  readonly def: MapDef;
  readonly n: number;
  readonly s: number;
  readonly regionIds: readonly string[];
  readonly sectorIds: readonly string[];
  readonly regionIndex: ReadonlyMap<string, number>;
  readonly sectorIndex: ReadonlyMap<string, number>;
  readonly theta: Float64Array;
  readonly margin: Float64Array;
  readonly Z: Float64Array;
  readonly M: Float64Array;
  readonly Y0: Float64Array;
  readonly pop: Float64Array;
  /** Productivity a[i*s+k]. */
  readonly a: Float64Array;
  /** Initial capacity K0[i*s+k]. */
  readonly K0: Float64Array;
  /** linked[i*n+j] = 1 when i and j share a link. */
  readonly linked: Uint8Array;
  /** Market access access[i*n+j] of i's goods in j (1 on the diagonal). */
  readonly access: Float64Array;
  /** Strength sector per region (highest a, first in sector order on a tie). */
  readonly strength: Int32Array;
  /** Linked pairs (i < j in map order), in map order. */
  readonly pairs: readonly (readonly [number, number])[];
  readonly barrierCut: number;
}

const cache = new WeakMap<MapDef, WeakMap<Params, CompiledMap>>();

export function compileMap(def: MapDef, params: Params): CompiledMap {
  let inner = cache.get(def);
  if (!inner) {
    inner = new WeakMap();
    cache.set(def, inner);
  }
  const hit = inner.get(params);
  if (hit) return hit;
  const built = build(def, params);
  inner.set(params, built);
  return built;
}

function build(def: MapDef, params: Params): CompiledMap {
  const n = def.regions.length;
  const s = def.sectors.length;
  const regionIds = def.regions.map((r) => r.id);
  const sectorIds = def.sectors.map((k) => k.id);
  const regionIndex = new Map(regionIds.map((id, i) => [id, i]));
  const sectorIndex = new Map(sectorIds.map((id, k) => [id, k]));
  const a = new Float64Array(n * s);
  const K0 = new Float64Array(n * s);
  const strength = new Int32Array(n);
  def.regions.forEach((r, i) => {
    let best = 0;
    def.sectors.forEach((k, kk) => {
      a[i * s + kk] = r.a[k.id] ?? 1;
      K0[i * s + kk] = r.K0[k.id] ?? 0;
      if ((a[i * s + kk] ?? 0) > (a[i * s + best] ?? 0)) best = kk;
    });
    strength[i] = best;
  });
  const linked = new Uint8Array(n * n);
  for (const [x, y] of def.links) {
    const i = regionIndex.get(x);
    const j = regionIndex.get(y);
    if (i === undefined || j === undefined) throw new Error(`link ${x}-${y} names an unknown region`);
    linked[i * n + j] = 1;
    linked[j * n + i] = 1;
  }
  const access = new Float64Array(n * n);
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      access[i * n + j] = i === j ? 1 : linked[i * n + j] ? params.accessAdjacent : params.accessFar;
      if (i < j && linked[i * n + j]) pairs.push([i, j]);
    }
  }
  return {
    def,
    n,
    s,
    regionIds,
    sectorIds,
    regionIndex,
    sectorIndex,
    theta: Float64Array.from(def.sectors, (k) => k.theta),
    margin: Float64Array.from(def.sectors, (k) => k.m),
    Z: Float64Array.from(def.sectors, (k) => k.Z),
    M: Float64Array.from(def.regions, (r) => r.M),
    Y0: Float64Array.from(def.regions, (r) => r.Y0),
    pop: Float64Array.from(def.regions, (r) => r.pop),
    a,
    K0,
    linked,
    access,
    strength,
    pairs,
    barrierCut: params.barrierCut,
  };
}

export function regionIdx(cm: CompiledMap, id: string): number {
  const i = cm.regionIndex.get(id);
  if (i === undefined) throw new RangeError(`unknown region ${id}`);
  return i;
}

export function sectorIdx(cm: CompiledMap, id: string): number {
  const k = cm.sectorIndex.get(id);
  if (k === undefined) throw new RangeError(`unknown sector ${id}`);
  return k;
}
