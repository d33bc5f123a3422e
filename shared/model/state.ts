// The JSON state of one world between rounds (docs/rules.md section 7) and the shapes of agreements, decisions and draws.
import type { AgreementType, Compliance, DecisionSource, RegionId, SectorId } from './ids.js';
import { compileMap } from './compiled.js';
import type { MapDef } from './maps.js';
import { runMarket } from './market.js';
import type { Params } from './params.js';

/** What `resolveRound` needs besides the state: the world's parameters and map. */
export interface WorldRules {
  params: Params;
  map: MapDef;
}

export interface RegionPrev {
  gdp: number;
  consBase: number;
}

export interface WorldState {
  /** Rounds resolved so far; the round being played is round + 1. */
  round: number;
  K: Record<RegionId, Record<SectorId, number>>;
  prev: Record<RegionId, RegionPrev>;
  promo: Record<RegionId, number>;
  career: Record<RegionId, number>;
  budget: Record<RegionId, number>;
  pilotsUsed: Record<RegionId, number>;
  /** Last round's investment (null before round 1), the basis of the default decision. */
  lastInvest: Record<RegionId, SectorId | null>;
  /** Last round's barriers, the basis of the default decision. */
  lastBarriers: Record<RegionId, RegionId[]>;
}

export interface Agreement {
  id: string;
  type: AgreementType;
  a: RegionId;
  b: RegionId;
  host: RegionId | null;
  hostShare: number | null;
  sidePayment: number;
}

export interface Decision {
  invest: SectorId;
  barriers: RegionId[];
  comply: Record<string, Compliance>;
}

export interface RecordedDecision extends Decision {
  source: DecisionSource;
}

export interface Draws {
  shock: Record<string, number>;
  audit: Record<string, boolean>;
}

export interface RegionResult {
  gdp: number;
  consBase: number;
  g: number;
  tax: number;
  outlay: number;
  inflow: number;
  fiscalGrowth: number;
  score: number;
  career: number;
  dup: boolean;
  nBar: number;
  honoured: number;
  breaches: number;
  detected: number;
}

export interface RoundResults {
  regions: Record<RegionId, RegionResult>;
  gAll: number;
  welfare: number;
}

function perRegion<T>(map: MapDef, f: (id: RegionId, index: number) => T): Record<RegionId, T> {
  const out: Record<RegionId, T> = {};
  map.regions.forEach((r, i) => {
    out[r.id] = f(r.id, i);
  });
  return out;
}

/** The start of a world: K = K0, the open-border market gives prev.gdp and prev.consBase; all else 0. */
export function initialState(rules: WorldRules): WorldState {
  const cm = compileMap(rules.map, rules.params);
  const m = runMarket(cm, cm.K0, null);
  return {
    round: 0,
    K: perRegion(rules.map, (_, i) => {
      const row: Record<SectorId, number> = {};
      cm.sectorIds.forEach((k, kk) => {
        row[k] = cm.K0[i * cm.s + kk] as number;
      });
      return row;
    }),
    prev: perRegion(rules.map, (_, i) => ({
      gdp: (m.trade[i] as number) + (cm.Y0[i] as number),
      consBase: (m.cons[i] as number) + (cm.Y0[i] as number),
    })),
    promo: perRegion(rules.map, () => 0),
    career: perRegion(rules.map, () => 0),
    budget: perRegion(rules.map, () => 0),
    pilotsUsed: perRegion(rules.map, () => 0),
    lastInvest: perRegion(rules.map, () => null),
    lastBarriers: perRegion(rules.map, () => []),
  };
}

export { perRegion };
