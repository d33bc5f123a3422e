// docs/rules.md section 9 "benchmark": max over every investment profile of the expected welfare with all borders open and a
// project on every link honoured by both (host = smaller previous output, first on a tie; hostShare 0.5).
import { describe, expect, it } from 'vitest';
import { benchmarkAgreements, benchmarkWelfare } from '../../../shared/model/benchmark.js';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { defaultParams } from '../../../shared/model/params.js';
import { expectedOutcome, prepareRound, resolveRound } from '../../../shared/model/resolve.js';
import {
  initialState,
  type Agreement,
  type Decision,
  type WorldRules,
  type WorldState,
} from '../../../shared/model/state.js';
import type { Treatment } from '../../../shared/model/ids.js';
import { dec, near } from './helpers.js';

function rulesOf(id: string): WorldRules {
  return { params: defaultParams(), map: MAP_PRESETS[id]! };
}

/** The benchmark's agreements written from the definition. */
function cooperativeAgreements(rules: WorldRules, state: WorldState): Agreement[] {
  return rules.map.links.map(([x, y]) => {
    const ix = rules.map.regions.findIndex((r) => r.id === x);
    const iy = rules.map.regions.findIndex((r) => r.id === y);
    const [a, b] = ix < iy ? [x, y] : [y, x];
    const host = state.prev[b]!.gdp < state.prev[a]!.gdp ? b : a;
    return {
      id: `r${state.round + 1}-${a}-${b}-project`,
      type: 'project' as const,
      a,
      b,
      host,
      hostShare: 0.5,
      sidePayment: 0,
    };
  });
}

function profiles(sectors: string[], n: number): string[][] {
  if (n === 0) return [[]];
  return profiles(sectors, n - 1).flatMap((p) => sectors.map((s) => [...p, s]));
}

function bruteForce(rules: WorldRules, t: Treatment[], state: WorldState): number {
  const ags = cooperativeAgreements(rules, state);
  const ids = rules.map.regions.map((r) => r.id);
  let best = -Infinity;
  for (const p of profiles(
    rules.map.sectors.map((s) => s.id),
    ids.length,
  )) {
    const decisions: Record<string, Decision> = Object.fromEntries(ids.map((id, i) => [id, dec(p[i]!)]));
    best = Math.max(best, expectedOutcome(rules, t, state, ags, decisions).welfare);
  }
  return best;
}

describe('benchmark welfare', () => {
  it('uses a project on every link hosted by the smaller previous output, share 0.5', () => {
    const rules = rulesOf('4-single');
    const s0 = initialState(rules);
    const ctx = prepareRound(rules, [], s0);
    const got = benchmarkAgreements(ctx).map((a) => [
      ctx.cm.regionIds[a.a],
      ctx.cm.regionIds[a.b],
      ctx.cm.regionIds[a.host],
      a.hostShare,
      a.type,
    ]);
    const want = cooperativeAgreements(rules, s0).map((a) => [a.a, a.b, a.host, 0.5, 1]);
    expect(got).toEqual(want);
    // F (10.875) is smaller than I (16.33): I-F is hosted by F; C hosts nothing.
    expect(want.map((w) => w[2])).toEqual(['I', 'F', 'R', 'F']);
  });

  it.each([
    ['3-single', [] as Treatment[]],
    ['3-single', ['A', 'B', 'D1', 'D2', 'D3', 'E'] as Treatment[]],
    ['3-multi', ['C', 'D3'] as Treatment[]],
    ['4-single', ['E'] as Treatment[]],
  ])('equals the brute-force maximum on %s under [%s]', (id, t) => {
    const rules = rulesOf(id);
    const s0 = initialState(rules);
    near(benchmarkWelfare(prepareRound(rules, t, s0)), bruteForce(rules, t, s0), 1e-9);
  });

  it('equals the brute force from a later state too', () => {
    const rules = rulesOf('3-single');
    const s0 = initialState(rules);
    const { state } = resolveRound(
      rules,
      [],
      s0,
      [],
      { C: dec('AUTO', ['I']), I: dec('AUTO'), F: dec('AUTO', ['C']) },
      { shock: {}, audit: {} },
    );
    near(benchmarkWelfare(prepareRound(rules, ['D2'], state)), bruteForce(rules, ['D2'], state), 1e-9);
  });

  it('is at least the expected welfare of the all-cooperate profile (strength sectors)', () => {
    for (const id of ['3-single', '4-single', '4-multi']) {
      const rules = rulesOf(id);
      const s0 = initialState(rules);
      const strength: Record<string, string> = { C: 'ELEC', I: 'AUTO', F: 'FOOD', R: 'CHEM' };
      const decisions = Object.fromEntries(rules.map.regions.map((r) => [r.id, dec(strength[r.id]!)]));
      const coop = expectedOutcome(rules, [], s0, cooperativeAgreements(rules, s0), decisions).welfare;
      expect(benchmarkWelfare(prepareRound(rules, [], s0))).toBeGreaterThanOrEqual(coop - 1e-12);
    }
  });
});
