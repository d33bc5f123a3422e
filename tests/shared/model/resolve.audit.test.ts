// docs/rules.md section 7 step 3, the consequences: blame vs recognition under A, openMarket breach detection, audits (fines,
// promotion penalty, restitution under E), honoured/breaches/detected counts. Plain map as in the project tests.
import { describe, expect, it } from 'vitest';
import { resolveRound } from '../../../shared/model/resolve.js';
import type { Compliance, Treatment } from '../../../shared/model/ids.js';
import type { Agreement, Decision } from '../../../shared/model/state.js';
import { dec, near, openMarketAg, plainDecisions, plainRules, plainState, projectAg } from './helpers.js';

const XY = projectAg('X', 'Y', 'Y');
const OM = openMarketAg('X', 'Y');
/** Baseline score of the plain map: 100 (g_i - mean of the other two) + promoAdj. */
const baseScore = (g: Record<'X' | 'Y' | 'W', number>, i: 'X' | 'Y' | 'W') =>
  100 * (g[i] - (g.X + g.Y + g.W - g[i]) / 2);

function play(
  ags: Agreement[],
  t: Treatment[],
  eps: number,
  audited: boolean,
  d: Partial<Record<'X' | 'Y' | 'W', Decision>> = {},
) {
  const draws = {
    shock: Object.fromEntries(ags.filter((a) => a.type === 'project').map((a) => [a.id, eps])),
    audit: Object.fromEntries(ags.map((a) => [a.id, audited])),
  };
  return resolveRound(plainRules(), t, plainState(), ags, plainDecisions(d), draws).results;
}
const breach = (id: string): Record<string, Compliance> => ({ [id]: 'breach' });

describe('blame and recognition', () => {
  it('each honouring party loses blame when eps < 0 (not under A)', () => {
    const r = play([XY], [], -1, false);
    const V = 0.03 * 150 * (1 - 0.6);
    const g = { X: 0, Y: V / 50, W: 0 };
    near(r.regions.X!.score, baseScore(g, 'X') - 3);
    near(r.regions.Y!.score, baseScore(g, 'Y') - 3);
    near(r.regions.W!.score, baseScore(g, 'W'));
  });

  it('doing nothing is never blamed: a breaching party is not blamed', () => {
    const r = play([XY], [], -1, false, { X: dec('S1', [], breach(XY.id)) });
    const g = { X: 0, Y: (0.03 * 150 * 0.4) / 2 / 50, W: 0 };
    near(r.regions.X!.score, baseScore(g, 'X'));
    near(r.regions.Y!.score, baseScore(g, 'Y') - 3);
  });

  it('no blame when eps >= 0', () => {
    const r = play([XY], [], 0, false);
    near(r.regions.X!.score, baseScore({ X: 0, Y: (0.03 * 150) / 50, W: 0 }, 'X'));
  });

  it('under A: no blame when eps < 0, +recognition per honoured project when eps >= 0', () => {
    const miss = play([XY], ['A'], -1, false);
    near(miss.regions.X!.score, baseScore({ X: 0, Y: (0.03 * 150 * 0.4) / 50, W: 0 }, 'X'));
    for (const eps of [0, 1]) {
      const hit = play([XY], ['A'], eps, false);
      const g = { X: 0, Y: (0.03 * 150 * (1 + 0.6 * eps)) / 50, W: 0 };
      near(hit.regions.X!.score, baseScore(g, 'X') + 1);
      near(hit.regions.Y!.score, baseScore(g, 'Y') + 1);
    }
  });
});

describe('openMarket breach detection', () => {
  it('a party that blocks the other breaches; blocking a third region does not', () => {
    const r = play([OM], [], 0, false, { X: dec('S1', ['W']), Y: dec('S1', ['X']) });
    expect(r.regions.X!.breaches).toBe(0);
    expect(r.regions.X!.honoured).toBe(1);
    expect(r.regions.Y!.breaches).toBe(1);
    expect(r.regions.Y!.honoured).toBe(0);
  });

  it('an audited openMarket breach under E is fined and penalised, with no restitution', () => {
    const r = play([OM], ['E'], 0, true, { Y: dec('S1', ['X']) });
    expect(r.regions.Y!.detected).toBe(1);
    near(r.regions.Y!.outlay, 0.3 * 5);
    near(r.regions.X!.inflow, 0);
    near(r.regions.Y!.score, baseScore({ X: 0, Y: 0, W: 0 }, 'Y') - 3);
  });
});

describe('audits', () => {
  it('baseline enforcement: a detected breach pays fineShare 0.2 x Tprev, no penalty, no restitution', () => {
    const r = play([XY], [], 0, true, { X: dec('S1', [], breach(XY.id)) });
    expect(r.regions.X!.breaches).toBe(1);
    expect(r.regions.X!.detected).toBe(1);
    near(r.regions.X!.outlay, 0.2 * 10);
    near(r.regions.Y!.inflow, 0);
    near(r.regions.X!.score, baseScore({ X: 0, Y: (0.03 * 150) / 2 / 50, W: 0 }, 'X'));
  });

  it('an unaudited breach is counted but not penalised', () => {
    const r = play([XY], ['E'], 0, false, { X: dec('S1', [], breach(XY.id)) });
    expect(r.regions.X!.breaches).toBe(1);
    expect(r.regions.X!.detected).toBe(0);
    near(r.regions.X!.outlay, 0);
  });

  it('under E: fine 0.3 x Tprev, promoPenalty 3 and restitution kappa x Tprev to the honouring party', () => {
    const r = play([XY], ['E'], 0, true, { X: dec('S1', [], breach(XY.id)) });
    const restitution = 0.05 * 10;
    near(r.regions.X!.outlay, 0.3 * 10 + restitution);
    near(r.regions.Y!.inflow, restitution);
    near(r.regions.Y!.outlay, 0.05 * 5);
    const g = { X: 0, Y: (0.03 * 150) / 2 / 50, W: 0 };
    near(r.regions.X!.score, baseScore(g, 'X') - 3);
    near(r.regions.Y!.fiscalGrowth, (0.1 * r.regions.Y!.gdp - 0.05 * 5 + restitution) / 5 - 1);
  });

  it('no restitution when the other party breached too', () => {
    const r = play([XY], ['E'], 0, true, { X: dec('S1', [], breach(XY.id)), Y: dec('S1', [], breach(XY.id)) });
    near(r.regions.X!.outlay, 0.3 * 10);
    near(r.regions.Y!.outlay, 0.3 * 5);
    near(r.regions.X!.inflow, 0);
    near(r.regions.Y!.inflow, 0);
  });

  it('honoured parties are never penalised by an audit', () => {
    const r = play([XY], ['E'], 0, true);
    expect(r.regions.X!.detected).toBe(0);
    near(r.regions.X!.outlay, 0.05 * 10);
  });

  it('under D1 and E a detected breach costs breachPenalty + promoPenalty points', () => {
    const d = { X: dec('S1', [], breach(XY.id)) };
    const seen = play([XY], ['D1', 'E'], 0, true, d);
    const unseen = play([XY], ['D1', 'E'], 0, false, d);
    near(unseen.regions.X!.score - seen.regions.X!.score, 3 + 3);
    // D1 alone: only breachPenalty (baseline enforcement has promoPenalty 0).
    near(play([XY], ['D1'], 0, false, d).regions.X!.score - play([XY], ['D1'], 0, true, d).regions.X!.score, 3);
  });
});

describe('counts', () => {
  it('honoured and breaches count per agreement and party, over both clause types', () => {
    const XW = openMarketAg('X', 'W');
    const r = play([XY, XW], [], 0, false, { X: dec('S1', ['W']) });
    expect(r.regions.X!.honoured).toBe(1);
    expect(r.regions.X!.breaches).toBe(1);
    expect(r.regions.Y!.honoured).toBe(1);
    expect(r.regions.W!.honoured).toBe(1);
    expect(r.regions.W!.breaches).toBe(0);
  });
});
