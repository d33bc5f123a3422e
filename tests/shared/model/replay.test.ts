// The 8-round test-vector log (docs/rules.md section 11): replay reports ok; every round resolved with resolveRound reproduces
// every results figure and stateAfter field within 1e-9 relative; the draws follow from the seed (docs/rules.md section 6).
import { describe, expect, it } from 'vitest';
import { drawRound } from '../../../shared/model/draws.js';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { defaultParams } from '../../../shared/model/params.js';
import { replay } from '../../../shared/model/replay.js';
import { resolveRound } from '../../../shared/model/resolve.js';
import {
  initialState,
  type Agreement,
  type Decision,
  type Draws,
  type RegionResult,
  type WorldRules,
} from '../../../shared/model/state.js';
import type { Treatment } from '../../../shared/model/ids.js';
import { loadFixture, nearRel } from './helpers.js';

interface RoundLog {
  round: number;
  treatments: Treatment[];
  agreements: Agreement[];
  decisions: Record<string, Decision & { source: string }>;
  draws: Draws;
  results: { regions: Record<string, RegionResult>; gAll: number; welfare: number };
  stateAfter: {
    K: Record<string, Record<string, number>>;
    promo: Record<string, number>;
    career: Record<string, number>;
    budget: Record<string, number>;
    pilotsUsed: Record<string, number>;
  };
}
interface VectorLog {
  log: {
    session: { seed: string };
    worlds: {
      index: number;
      seed: string;
      map: string;
      initial: { gdp: Record<string, number>; consBase: Record<string, number> };
      rounds: RoundLog[];
    }[];
  };
}

const fixture = loadFixture<VectorLog>('test-vector-log.json');
const world = fixture.log.worlds[0]!;
const rules: WorldRules = { params: defaultParams(), map: MAP_PRESETS[world.map]! };
const TOL = 1e-9;

describe('test-vector-log.json', () => {
  it('is an 8-round 4-single log whose seed follows `${sessionSeed}:${index}`', () => {
    expect(world.rounds.map((r) => r.round)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(world.map).toBe('4-single');
    expect(world.seed).toBe(`${fixture.log.session.seed}:${world.index}`);
  });

  it('replay(log) reports ok with no problems', () => {
    const out = replay(fixture.log);
    expect(out.report.error).toBeUndefined();
    expect(out.report.problems).toEqual([]);
    expect(out.report.ok).toBe(true);
    expect(out.report.worlds[0]?.rounds).toBe(8);
    expect(out.report.worlds[0]!.maxRelativeError).toBeLessThanOrEqual(TOL);
  });

  it('initialState gives the logged initial figures', () => {
    const s = initialState(rules);
    for (const r of rules.map.regions) {
      nearRel(s.prev[r.id]?.gdp, world.initial.gdp[r.id]!, TOL, `gdp ${r.id}`);
      nearRel(s.prev[r.id]?.consBase, world.initial.consBase[r.id]!, TOL, `consBase ${r.id}`);
    }
  });

  it('drawRound recomputes every logged draw from the world seed', () => {
    for (const rl of world.rounds) {
      const draws = drawRound(world.seed, rl.round, rl.agreements, rules.params, rl.treatments.includes('E'));
      expect(draws, `round ${rl.round}`).toEqual(rl.draws);
    }
  });

  it('resolveRound reproduces every results figure and stateAfter field, round after round', () => {
    let state = initialState(rules);
    for (const rl of world.rounds) {
      const { results, state: next } = resolveRound(rules, rl.treatments, state, rl.agreements, rl.decisions, rl.draws);
      const r = rl.round;
      for (const [id, logged] of Object.entries(rl.results.regions)) {
        const mine = results.regions[id];
        expect(mine, `round ${r} region ${id}`).toBeDefined();
        for (const [field, value] of Object.entries(logged)) {
          const actual = mine![field as keyof RegionResult];
          if (typeof value === 'boolean') expect(actual, `r${r} ${id}.${field}`).toBe(value);
          else nearRel(actual as number, value, TOL, `r${r} ${id}.${field}`);
        }
      }
      nearRel(results.gAll, rl.results.gAll, TOL, `r${r} gAll`);
      nearRel(results.welfare, rl.results.welfare, TOL, `r${r} welfare`);
      expect(next.round).toBe(r);
      for (const key of ['promo', 'career', 'budget', 'pilotsUsed'] as const) {
        for (const [id, v] of Object.entries(rl.stateAfter[key]))
          nearRel(next[key][id], v, TOL, `r${r} stateAfter.${key}.${id}`);
      }
      for (const [id, row] of Object.entries(rl.stateAfter.K)) {
        for (const [k, v] of Object.entries(row)) expect(next.K[id]?.[k], `r${r} K.${id}.${k}`).toBe(v);
      }
      state = next;
    }
  });

  it('replay flags a tampered figure and a tampered draw', () => {
    const bad = structuredClone(fixture.log);
    const r3 = bad.worlds[0]!.rounds[2]!;
    r3.results.regions.C!.gdp += 0.001;
    const firstId = r3.agreements[0]!.id;
    r3.draws.audit[firstId] = !r3.draws.audit[firstId];
    const out = replay(bad);
    expect(out.report.ok).toBe(false);
    const what = out.report.problems.map((p) => p.what).join('\n');
    expect(what).toContain('C.gdp');
    expect(what).toContain(`draws.audit.${firstId}`);
  });

  it('replay rejects input that is not a log, without throwing', () => {
    const out = replay({ hello: 'world' });
    expect(out.report.ok).toBe(false);
    expect(out.report.error).toMatch(/not a valid Promotion Race log/);
  });
});
