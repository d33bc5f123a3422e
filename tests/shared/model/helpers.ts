// Shared test helpers: fixtures, tiny hand-computable maps and states, and tolerant comparisons.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { MapDefSchema, type MapDef } from '../../../shared/model/maps.js';
import { ParamsSchema, type Params, type ParamsInput } from '../../../shared/model/params.js';
import type { Agreement, Decision, WorldRules, WorldState } from '../../../shared/model/state.js';
import type { Compliance } from '../../../shared/model/ids.js';

/** Reads a JSON fixture from tests/fixtures (works in a clean clone). */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** |actual - expected| <= tol. */
export function near(actual: number | undefined, expected: number, tol = 1e-9, label = ''): void {
  expect(actual, label).toBeTypeOf('number');
  const diff = Math.abs((actual as number) - expected);
  expect(diff <= tol, `${label}: ${String(actual)} vs ${expected} (diff ${diff})`).toBe(true);
}

/** Relative comparison as the replay uses it: |a - b| <= tol * max(1, |a|, |b|). */
export function nearRel(actual: number | undefined, expected: number, tol = 1e-9, label = ''): void {
  expect(actual, label).toBeTypeOf('number');
  const a = actual as number;
  const diff = Math.abs(a - expected);
  expect(diff <= tol * Math.max(1, Math.abs(a), Math.abs(expected)), `${label}: ${a} vs ${expected}`).toBe(true);
}

/** Default parameters with a tax that makes Tprev = 0.1 x base (rate 0.2, local share 0.5). */
export function testParams(overrides: ParamsInput = {}): Params {
  return ParamsSchema.parse({ tax: { rate: 0.2, localShare: 0.5 }, ...overrides });
}

/**
 * "Plain" map: three regions X, Y, W and two sectors S1, S2 in which every productivity is 0, so the market
 * produces nothing whatever is invested or blocked: gdp = Y0 + projGDP and consBase = Y0 + projGDP.
 * Strength sector of every region: S1 (a tie, first in order). Links X-Y and X-W.
 */
export const PLAIN: MapDef = MapDefSchema.parse({
  id: 'plain',
  multiCentre: false,
  sectors: [
    { id: 'S1', name: { en: 's1', zh: 's1' }, theta: 0.5, m: 1, Z: 1 },
    { id: 'S2', name: { en: 's2', zh: 's2' }, theta: 0.5, m: 1, Z: 1 },
  ],
  regions: ['X', 'Y', 'W'].map((id, i) => ({
    id,
    name: { en: id, zh: id },
    pop: 1,
    M: 1,
    Y0: [100, 50, 50][i],
    a: { S1: 0, S2: 0 },
    at: { x: 0.5, y: 0.5 },
  })),
  links: [
    ['X', 'Y'],
    ['X', 'W'],
  ],
});

/** Previous figures of the plain map: Tprev = 10, 5, 5 on gdp and 8, 6, 5 on consBase (D2). */
export const PLAIN_PREV = { X: { gdp: 100, consBase: 80 }, Y: { gdp: 50, consBase: 60 }, W: { gdp: 50, consBase: 50 } };

export function plainRules(overrides: ParamsInput = {}): WorldRules {
  return { params: testParams(overrides), map: PLAIN };
}

/** A world state at the start of round `round + 1` with the given previous figures. */
export function stateOf(
  map: MapDef,
  prev: Record<string, { gdp: number; consBase: number }>,
  extra: Partial<WorldState> = {},
): WorldState {
  const per = <T>(f: (id: string) => T) => Object.fromEntries(map.regions.map((r) => [r.id, f(r.id)]));
  return {
    round: 0,
    K: per((id) =>
      Object.fromEntries(map.sectors.map((k) => [k.id, map.regions.find((r) => r.id === id)?.K0[k.id] ?? 0])),
    ),
    prev: per((id) => ({ ...prev[id]! })),
    promo: per(() => 0),
    career: per(() => 0),
    budget: per(() => 0),
    pilotsUsed: per(() => 0),
    lastInvest: per(() => null),
    lastBarriers: per(() => []),
    ...extra,
  };
}

export function plainState(extra: Partial<WorldState> = {}): WorldState {
  return stateOf(PLAIN, PLAIN_PREV, extra);
}

export function dec(invest: string, barriers: string[] = [], comply: Record<string, Compliance> = {}): Decision {
  return { invest, barriers, comply };
}

export function projectAg(a: string, b: string, host: string, hostShare = 0.5, sidePayment = 0, round = 1): Agreement {
  return { id: `r${round}-${a}-${b}-project`, type: 'project', a, b, host, hostShare, sidePayment };
}

export function openMarketAg(a: string, b: string, round = 1): Agreement {
  return {
    id: `r${round}-${a}-${b}-openMarket`,
    type: 'openMarket',
    a,
    b,
    host: null,
    hostShare: null,
    sidePayment: 0,
  };
}

/** Plain-map decisions: everyone invests in S1 (no duplication), no barriers, honours everything. */
export function plainDecisions(over: Partial<Record<'X' | 'Y' | 'W', Decision>> = {}): Record<string, Decision> {
  return { X: dec('S1'), Y: dec('S1'), W: dec('S1'), ...over };
}

/** Numeric figures of a region result (dup excluded). */
export const NUMERIC_FIELDS = [
  'gdp',
  'consBase',
  'g',
  'tax',
  'outlay',
  'inflow',
  'fiscalGrowth',
  'score',
  'career',
  'nBar',
  'honoured',
  'breaches',
  'detected',
] as const;
