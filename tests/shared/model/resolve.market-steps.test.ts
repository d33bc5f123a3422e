// docs/rules.md section 7 steps 1-2: investment (B override cost, duplication, capacity) and barriers (B review cost, nBar),
// then the market on the new capacities and barriers.
import { describe, expect, it } from 'vitest';
import { compileMap } from '../../../shared/model/compiled.js';
import { marketChoiceFor } from '../../../shared/model/decisions.js';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { runMarket } from '../../../shared/model/market.js';
import { defaultParams } from '../../../shared/model/params.js';
import { resolveRound } from '../../../shared/model/resolve.js';
import { initialState, type WorldRules } from '../../../shared/model/state.js';
import { dec, near, plainDecisions, plainRules, plainState } from './helpers.js';

const rules = plainRules();
const noDraws = { shock: {}, audit: {} };

describe('step 1: invest', () => {
  it('under B an investment other than the market choice costs overrideCost x Tprev', () => {
    // Plain map: every sector adds nothing, so the market choice is the first sector S1 (tie rule).
    expect(marketChoiceFor(rules, ['B'], plainState(), 'Y')).toBe('S1');
    const { results } = resolveRound(rules, ['B'], plainState(), [], plainDecisions({ Y: dec('S2') }), noDraws);
    const TprevY = 0.5 * 0.2 * 50;
    near(results.regions.Y!.outlay, 0.06 * TprevY);
    near(results.regions.X!.outlay, 0);
    // fiscalGrowth = (tax - outlay + inflow) / Tprev - 1 with tax = 0.1 x 50 unchanged
    near(results.regions.Y!.fiscalGrowth, (0.1 * 50 - 0.06 * TprevY) / TprevY - 1);
  });

  it('the override cost uses the consumption-based Tprev under D2', () => {
    const { results } = resolveRound(rules, ['B', 'D2'], plainState(), [], plainDecisions({ Y: dec('S2') }), noDraws);
    near(results.regions.Y!.outlay, 0.06 * (0.5 * 0.2 * 60));
  });

  it('without B any investment is free', () => {
    const { results } = resolveRound(rules, [], plainState(), [], plainDecisions({ Y: dec('S2') }), noDraws);
    near(results.regions.Y!.outlay, 0);
  });

  it('dup is an investment outside the strength sector; the capacity grows by one unit', () => {
    const { results, state } = resolveRound(rules, [], plainState(), [], plainDecisions({ Y: dec('S2') }), noDraws);
    expect(results.regions.Y!.dup).toBe(true);
    expect(results.regions.X!.dup).toBe(false);
    expect(state.K.Y).toEqual({ S1: 0, S2: 1 });
    expect(state.K.X).toEqual({ S1: 1, S2: 0 });
  });

  it('on a preset map under B: the market choice is free, anything else costs 0.06 x Tprev', () => {
    const r: WorldRules = { params: defaultParams(), map: MAP_PRESETS['4-single']! };
    const s0 = initialState(r);
    const choice = Object.fromEntries(['C', 'I', 'F', 'R'].map((id) => [id, marketChoiceFor(r, ['B'], s0, id)]));
    const other = (id: string) => (choice[id] === 'FOOD' ? 'AUTO' : 'FOOD');
    const decisions = { C: dec(choice.C!), I: dec(other('I')), F: dec(choice.F!), R: dec(other('R')) };
    const { results } = resolveRound(r, ['B'], s0, [], decisions, noDraws);
    const tprev = (id: string) => 0.5 * 0.13 * s0.prev[id]!.gdp;
    near(results.regions.C!.outlay, 0);
    near(results.regions.F!.outlay, 0);
    near(results.regions.I!.outlay, 0.06 * tprev('I'));
    near(results.regions.R!.outlay, 0.06 * tprev('R'));
  });
});

describe('step 2: barriers', () => {
  it('nBar counts the regions blocked; under B each costs barrierReviewCost x Tprev', () => {
    const d = plainDecisions({ X: dec('S1', ['Y', 'W']), W: dec('S1', ['X']) });
    const { results } = resolveRound(rules, ['B'], plainState(), [], d, noDraws);
    expect(results.regions.X!.nBar).toBe(2);
    expect(results.regions.W!.nBar).toBe(1);
    expect(results.regions.Y!.nBar).toBe(0);
    near(results.regions.X!.outlay, 0.03 * 10 * 2);
    near(results.regions.W!.outlay, 0.03 * 5 * 1);
    const free = resolveRound(rules, [], plainState(), [], d, noDraws).results;
    near(free.regions.X!.outlay, 0);
    expect(free.regions.X!.nBar).toBe(2);
  });

  it('the market runs on the new capacities and the barriers: gdp = trade + Y0, consBase = cons + Y0', () => {
    const r: WorldRules = { params: defaultParams(), map: MAP_PRESETS['4-single']! };
    const s0 = initialState(r);
    const decisions = { C: dec('AUTO', ['I', 'F']), I: dec('AUTO', ['C']), F: dec('FOOD'), R: dec('CHEM', ['C']) };
    const { results } = resolveRound(r, [], s0, [], decisions, noDraws);
    const cm = compileMap(r.map, r.params);
    const K = Float64Array.from(cm.K0);
    const bump = (i: number, k: number) => (K[i * cm.s + k]! += 1);
    bump(0, 0);
    bump(1, 0);
    bump(2, 2);
    bump(3, 3);
    const blocked = new Uint8Array(16);
    blocked[0 * 4 + 1] = 1;
    blocked[0 * 4 + 2] = 1;
    blocked[1 * 4 + 0] = 1;
    blocked[3 * 4 + 0] = 1;
    const m = runMarket(cm, K, blocked);
    cm.regionIds.forEach((id, i) => {
      near(results.regions[id]!.gdp, m.trade[i]! + cm.Y0[i]!, 1e-12, `gdp ${id}`);
      near(results.regions[id]!.consBase, m.cons[i]! + cm.Y0[i]!, 1e-12, `consBase ${id}`);
    });
  });
});
