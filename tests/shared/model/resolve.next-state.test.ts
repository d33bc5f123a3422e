// docs/rules.md section 7 step 7: the next state (round, K, prev, cumulative promo / career / budget, pilotsUsed only under A).
import { describe, expect, it } from 'vitest';
import { resolveRound } from '../../../shared/model/resolve.js';
import type { Treatment } from '../../../shared/model/ids.js';
import { dec, near, plainDecisions, plainRules, plainState, projectAg } from './helpers.js';

const rules = plainRules();
const XY = projectAg('X', 'Y', 'Y', 0.5, 0.2);
const XW = projectAg('X', 'W', 'W');
const draws = { shock: { [XY.id]: 0, [XW.id]: 0 }, audit: { [XY.id]: false, [XW.id]: false } };
const decisions = plainDecisions({ X: dec('S2', ['W']), W: dec('S1', [], { [XW.id]: 'breach' }) });

function round1(t: Treatment[]) {
  return resolveRound(rules, t, plainState(), [XY, XW], decisions, draws);
}

describe('next state', () => {
  it('advances the round, adds the investments to K and stores prev = {gdp, consBase}', () => {
    const { results, state } = round1([]);
    expect(state.round).toBe(1);
    expect(state.K).toEqual({ X: { S1: 0, S2: 1 }, Y: { S1: 1, S2: 0 }, W: { S1: 1, S2: 0 } });
    for (const id of ['X', 'Y', 'W']) {
      expect(state.prev[id]).toEqual({ gdp: results.regions[id]!.gdp, consBase: results.regions[id]!.consBase });
    }
    // Y hosts and both pay: gdp 50 + 0.03 x 150. W hosts, X pays alone: 50 + 0.03 x 150 / 2.
    near(state.prev.Y!.gdp, 50 + 0.03 * 150);
    near(state.prev.W!.gdp, 50 + (0.03 * 150) / 2);
  });

  it('accumulates promo += score, career += career points, budget += tax - outlay + inflow', () => {
    const first = round1([]);
    const d2 = plainDecisions();
    const second = resolveRound(rules, [], first.state, [], d2, { shock: {}, audit: {} });
    for (const id of ['X', 'Y', 'W']) {
      const a = first.results.regions[id]!;
      const b = second.results.regions[id]!;
      near(first.state.promo[id], a.score);
      near(first.state.career[id], a.career);
      near(first.state.budget[id], a.tax - a.outlay + a.inflow);
      near(second.state.promo[id], a.score + b.score);
      near(second.state.career[id], a.career + b.career);
      near(second.state.budget[id], a.tax - a.outlay + a.inflow + b.tax - b.outlay + b.inflow);
    }
    // X: tax 0.1 x 100, outlay two contributions of 0.05 x 10; Y: tax 0.1 x 54.5, contribution 0.25 and the
    // side payment 0.2 to X.
    near(first.state.budget.X, 10 - 1 + 0.2);
    near(first.state.budget.Y, 0.1 * 54.5 - 0.25 - 0.2);
    expect(second.state.round).toBe(2);
    expect(second.state.K.X).toEqual({ S1: 1, S2: 1 });
  });

  it('g of the next round is measured against the new prev', () => {
    const first = round1([]);
    const second = resolveRound(rules, [], first.state, [], plainDecisions(), { shock: {}, audit: {} });
    near(second.results.regions.Y!.g, 50 / (50 + 0.03 * 150) - 1);
  });

  it('pilotsUsed += 1 per project honoured, only while A is in force', () => {
    expect(round1([]).state.pilotsUsed).toEqual({ X: 0, Y: 0, W: 0 });
    // Under A: X honoured two projects, Y one, W breached its only one.
    expect(round1(['A']).state.pilotsUsed).toEqual({ X: 2, Y: 1, W: 0 });
  });

  it("remembers each region's last investment and barriers for the default decision", () => {
    const { state } = round1([]);
    expect(state.lastInvest).toEqual({ X: 'S2', Y: 'S1', W: 'S1' });
    expect(state.lastBarriers).toEqual({ X: ['W'], Y: [], W: [] });
  });

  it('does not modify the state it was given', () => {
    const s = plainState();
    const copy = structuredClone(s);
    resolveRound(rules, ['A', 'B', 'D1', 'D2', 'D3', 'E'], s, [XY, XW], decisions, draws);
    expect(s).toEqual(copy);
  });
});
