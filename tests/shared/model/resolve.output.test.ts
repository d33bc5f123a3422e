// docs/rules.md section 7 steps 4-6: output and tax (with and without D2), the baseline score vs the D1 score, career points
// and welfare.
import { describe, expect, it } from 'vitest';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { defaultParams } from '../../../shared/model/params.js';
import { resolveRound } from '../../../shared/model/resolve.js';
import { initialState, type WorldRules } from '../../../shared/model/state.js';
import { dec, near, openMarketAg, plainDecisions, plainRules, plainState, projectAg } from './helpers.js';

const preset: WorldRules = { params: defaultParams(), map: MAP_PRESETS['4-single']! };
const s0 = initialState(preset);
const ids = ['C', 'I', 'F', 'R'] as const;
const presetDecisions = { C: dec('AUTO', ['I']), I: dec('AUTO'), F: dec('FOOD', ['C']), R: dec('CHEM') };

describe('step 4: output and tax', () => {
  it('g against prev.gdp, gAll on the totals; tax on gdp without D2', () => {
    const { results: r } = resolveRound(preset, [], s0, [], presetDecisions, { shock: {}, audit: {} });
    let sum = 0;
    let sumPrev = 0;
    for (const id of ids) {
      const x = r.regions[id]!;
      const prev = s0.prev[id]!;
      near(x.g, x.gdp / prev.gdp - 1, 1e-12, `g ${id}`);
      near(x.tax, 0.5 * 0.13 * x.gdp, 1e-12, `tax ${id}`);
      near(x.fiscalGrowth, (x.tax - x.outlay + x.inflow) / (0.5 * 0.13 * prev.gdp) - 1, 1e-12, `fiscalGrowth ${id}`);
      sum += x.gdp;
      sumPrev += prev.gdp;
    }
    near(r.gAll, sum / sumPrev - 1, 1e-12);
  });

  it('under D2 tax and Tprev are on consBase, g still on gdp', () => {
    const { results: r } = resolveRound(preset, ['D2'], s0, [], presetDecisions, { shock: {}, audit: {} });
    for (const id of ids) {
      const x = r.regions[id]!;
      const prev = s0.prev[id]!;
      expect(Math.abs(x.consBase - x.gdp)).toBeGreaterThan(1e-6);
      near(x.tax, 0.5 * 0.13 * x.consBase, 1e-12, `tax ${id}`);
      near(x.fiscalGrowth, x.tax / (0.5 * 0.13 * prev.consBase) - 1, 1e-12, `fiscalGrowth ${id}`);
      near(x.g, x.gdp / prev.gdp - 1, 1e-12, `g ${id}`);
    }
  });

  it('project output adds to both gdp and consBase', () => {
    const { results: r } = resolveRound(
      plainRules(),
      ['D2'],
      plainState(),
      [projectAg('X', 'Y', 'Y')],
      plainDecisions(),
      { shock: { 'r1-X-Y-project': 1 }, audit: { 'r1-X-Y-project': false } },
    );
    const V = 0.03 * 150 * 1.6;
    near(r.regions.Y!.gdp, 50 + V);
    near(r.regions.Y!.consBase, 50 + V); // no market on the plain map: cons = 0
    near(r.regions.Y!.tax, 0.1 * (50 + V));
  });
});

describe('step 5: score and career', () => {
  it('baseline score: 100 x (own growth - mean growth of the others)', () => {
    const { results: r } = resolveRound(preset, [], s0, [], presetDecisions, { shock: {}, audit: {} });
    for (const id of ids) {
      const others = ids.filter((j) => j !== id).map((j) => r.regions[j]!.g);
      const expected = 100 * (r.regions[id]!.g - others.reduce((a, b) => a + b, 0) / 3);
      near(r.regions[id]!.score, expected, 1e-9, `score ${id}`);
      near(r.regions[id]!.career, expected + 0.5 * 100 * r.regions[id]!.fiscalGrowth, 1e-9, `career ${id}`);
    }
  });

  it('D1 score: blend of own and world growth against target, credits and penalties', () => {
    // Plain map. X honours the X-Y project (host Y, eps 0) and keeps the X-W open market, and blocks Y;
    // Y duplicates (S2); W blocks X, breaching the open market, and is audited (fine 0.2 x 5, penalty 3 points).
    const XY = projectAg('X', 'Y', 'Y');
    const XW = openMarketAg('X', 'W');
    const d = plainDecisions({ X: dec('S1', ['Y']), Y: dec('S2'), W: dec('S1', ['X']) });
    const draws = { shock: { [XY.id]: 0 }, audit: { [XY.id]: false, [XW.id]: true } };
    const { results: r } = resolveRound(plainRules(), ['D1'], plainState(), [XY, XW], d, draws);
    const V = 0.03 * (100 + 50) * 1;
    const g = { X: 0, Y: V / 50, W: 0 };
    const gAll = (200 + V) / 200 - 1;
    const blend = (gi: number) => 100 * ((1 - 0.5) * (gi - 0.05) + 0.5 * (gAll - 0.05));
    near(r.gAll, gAll);
    const score = {
      X: blend(g.X) + 0.5 * 2 - 1 * 1,
      Y: blend(g.Y) + 0.5 * 1 - 1.5 * 1,
      W: blend(g.W) - 3 * 1 - 1 * 1,
    };
    const fiscal = {
      X: (0.1 * 100 - 0.05 * 10) / 10 - 1,
      Y: (0.1 * (50 + V) - 0.05 * 5) / 5 - 1,
      W: (0.1 * 50 - 0.2 * 5) / 5 - 1,
    };
    for (const id of ['X', 'Y', 'W'] as const) {
      near(r.regions[id]!.score, score[id], 1e-9, `score ${id}`);
      near(r.regions[id]!.fiscalGrowth, fiscal[id], 1e-9, `fiscal ${id}`);
      near(r.regions[id]!.career, score[id] + 0.5 * 100 * fiscal[id], 1e-9, `career ${id}`);
    }
    // The same round without D1: relative growth, no credits or penalties.
    const base = resolveRound(plainRules(), [], plainState(), [XY, XW], d, draws).results;
    near(base.regions.Y!.score, 100 * (g.Y - (g.X + g.W) / 2));
    near(base.regions.W!.score, 100 * (g.W - (g.X + g.Y) / 2));
  });
});

describe('step 6: welfare', () => {
  it('welfare = sum of gdp - real project cost; fines and payments are transfers', () => {
    const XY = projectAg('X', 'Y', 'Y', 0.5, 0.3);
    const XW = projectAg('X', 'W', 'X');
    const d = plainDecisions({ W: dec('S1', [], { [XW.id]: 'breach' }) });
    const draws = { shock: { [XY.id]: -1, [XW.id]: 1 }, audit: { [XY.id]: true, [XW.id]: true } };
    const { results: r } = resolveRound(plainRules(), ['E', 'A'], plainState(), [XY, XW], d, draws);
    const sumGdp = r.regions.X!.gdp + r.regions.Y!.gdp + r.regions.W!.gdp;
    // Real cost: X pays for both projects (2 x 0.05 x 10), Y for one (0.05 x 5); W breached. Co-funding under A
    // and W's fine and restitution do not change it.
    near(r.welfare, sumGdp - (2 * 0.05 * 10 + 0.05 * 5));
    near(sumGdp, 200 + 0.03 * 150 * 0.4 + (0.03 * 150 * 1.6) / 2);
  });
});
