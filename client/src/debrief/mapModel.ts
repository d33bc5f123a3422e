// One frame of the map replay: every region's output after a round (round 0 = the start), the agreements of that
// round kept or broken, barriers, project shocks, inspections, duplicate investments and promotions. Pure (no DOM).
import type { AgreementType, DecisionSource, RegionId, SectorId, Treatment } from '../../../shared/model/ids.js';
import type { MapDef } from '../../../shared/model/maps.js';
import { worldPromotions, type DebriefWorld } from './data.js';

export interface FrameRegion {
  id: RegionId;
  x: number;
  y: number;
  gdp: number;
  /** Growth over the previous round (null at the start). */
  g: number | null;
  invest: SectorId | null;
  strength: SectorId;
  dup: boolean;
  source: DecisionSource | null;
  promoted: boolean;
  termScore: number | null;
}

export interface FrameAgreement {
  id: string;
  type: AgreementType;
  a: RegionId;
  b: RegionId;
  host: RegionId | null;
  /** The parties that broke it. */
  breachers: RegionId[];
  /** The breachers an inspection caught. */
  detected: RegionId[];
  shock: number | null;
  audited: boolean;
}

export interface FrameBarrier {
  /** The importer that blocks. */
  by: RegionId;
  against: RegionId;
  linked: boolean;
}

export interface MapFrame {
  round: number;
  treatments: Treatment[] | null;
  regions: FrameRegion[];
  links: [RegionId, RegionId][];
  agreements: FrameAgreement[];
  barriers: FrameBarrier[];
  welfareRatio: number | null;
  /** Largest output of any region in any round of the world (for a stable size scale). */
  maxGdp: number;
}

export function strengthSector(map: MapDef, id: RegionId): SectorId {
  const r = map.regions.find((x) => x.id === id);
  let best = map.sectors[0]?.id ?? '';
  if (!r) return best;
  for (const s of map.sectors) if ((r.a[s.id] ?? 1) > (r.a[best] ?? 1)) best = s.id;
  return best;
}

export function isLinked(map: MapDef, a: RegionId, b: RegionId): boolean {
  return map.links.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export function worldMaxGdp(world: DebriefWorld): number {
  let max = 0;
  for (const v of Object.values(world.initial)) max = Math.max(max, v.gdp);
  for (const r of world.history) for (const v of Object.values(r.results.regions)) max = Math.max(max, v.gdp);
  return max;
}

/** The world after `round` rounds (0 = the start, before any decision). */
export function mapFrame(world: DebriefWorld, round: number): MapFrame {
  const { map } = world;
  const rec = round > 0 ? world.history[round - 1] : undefined;
  const promos = rec ? worldPromotions(world).filter((p) => p.afterRound === rec.round) : [];
  const regions: FrameRegion[] = map.regions.map((r) => {
    const res = rec?.results.regions[r.id];
    const d = rec?.decisions[r.id];
    const gdp = res?.gdp ?? world.initial[r.id]?.gdp ?? 0;
    const promo = promos.find((p) => p.regionId === r.id);
    return {
      id: r.id,
      x: r.at.x,
      y: r.at.y,
      gdp,
      g: res ? res.g : null,
      invest: d?.invest ?? null,
      strength: strengthSector(map, r.id),
      dup: res?.dup ?? false,
      source: d?.source ?? null,
      promoted: promo !== undefined,
      termScore: promo?.termScore ?? null,
    };
  });
  const agreements: FrameAgreement[] = (rec?.agreements ?? []).map((ag) => {
    const broke = (x: RegionId, other: RegionId) =>
      ag.type === 'openMarket'
        ? (rec?.decisions[x]?.barriers.includes(other) ?? false)
        : rec?.decisions[x]?.comply[ag.id] === 'breach';
    const breachers = [ag.a, ag.b].filter((x, i) => broke(x, i === 0 ? ag.b : ag.a));
    const audited = rec?.draws.audit[ag.id] === true;
    return {
      id: ag.id,
      type: ag.type,
      a: ag.a,
      b: ag.b,
      host: ag.host,
      breachers,
      detected: audited ? breachers : [],
      shock: rec?.draws.shock[ag.id] ?? null,
      audited,
    };
  });
  const barriers: FrameBarrier[] = [];
  for (const r of map.regions) {
    for (const against of rec?.decisions[r.id]?.barriers ?? [])
      barriers.push({ by: r.id, against, linked: isLinked(map, r.id, against) });
  }
  return {
    round,
    treatments: rec?.treatments ?? null,
    regions,
    links: map.links.map(([a, b]) => [a, b]),
    agreements,
    barriers,
    welfareRatio: rec?.metrics.welfareRatio ?? null,
    maxGdp: worldMaxGdp(world),
  };
}
