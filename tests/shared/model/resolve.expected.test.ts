// docs/rules.md section 7 "Expected outcome": the exact expectation over every project shock and every audit, checked against
// the probability-weighted average of resolveRound over all combinations.
import { describe, expect, it } from 'vitest';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { defaultParams } from '../../../shared/model/params.js';
import { expectedOutcome, resolveRound } from '../../../shared/model/resolve.js';
import {
  initialState,
  type Agreement,
  type Decision,
  type Draws,
  type WorldRules,
} from '../../../shared/model/state.js';
import type { Treatment } from '../../../shared/model/ids.js';
import { dec, near, NUMERIC_FIELDS, openMarketAg, projectAg } from './helpers.js';

const rules: WorldRules = { params: defaultParams(), map: MAP_PRESETS['4-single']! };
const s0 = initialState(rules);
const SHOCKS = [
  { eps: -1, p: 0.3 },
  { eps: 0, p: 0.4 },
  { eps: 1, p: 0.3 },
];

/** Every combination of shocks (projects) and audits (all agreements) with its probability. */
function combos(ags: readonly Agreement[], audit: number): { draws: Draws; p: number }[] {
  let out: { draws: Draws; p: number }[] = [{ draws: { shock: {}, audit: {} }, p: 1 }];
  for (const ag of ags) {
    const next: typeof out = [];
    for (const c of out) {
      const shocks = ag.type === 'project' ? SHOCKS : [{ eps: NaN, p: 1 }];
      for (const s of shocks) {
        for (const audited of [true, false]) {
          const draws: Draws = { shock: { ...c.draws.shock }, audit: { ...c.draws.audit, [ag.id]: audited } };
          if (ag.type === 'project') draws.shock[ag.id] = s.eps;
          next.push({ draws, p: c.p * s.p * (audited ? audit : 1 - audit) });
        }
      }
    }
    out = next;
  }
  return out;
}

function checkAverage(t: Treatment[], ags: Agreement[], decisions: Record<string, Decision>): void {
  const all = combos(ags, t.includes('E') ? 0.8 : 0.1);
  expect(all.reduce((s, c) => s + c.p, 0)).toBeCloseTo(1, 12);
  const exp = expectedOutcome(rules, t, s0, ags, decisions);
  let welfare = 0;
  let gAll = 0;
  const sums: Record<string, Record<string, number>> = {};
  for (const c of all) {
    const { results } = resolveRound(rules, t, s0, ags, decisions, c.draws);
    welfare += c.p * results.welfare;
    gAll += c.p * results.gAll;
    for (const [id, r] of Object.entries(results.regions)) {
      const row = (sums[id] ??= {});
      for (const f of NUMERIC_FIELDS) row[f] = (row[f] ?? 0) + c.p * r[f];
    }
  }
  near(exp.welfare, welfare, 1e-9, 'welfare');
  near(exp.gAll, gAll, 1e-9, 'gAll');
  for (const [id, row] of Object.entries(sums)) {
    for (const f of NUMERIC_FIELDS) near(exp.regions[id]![f], row[f]!, 1e-9, `${id}.${f}`);
  }
}

const CI = projectAg('C', 'I', 'I', 0.3, 0.1);
const IF = projectAg('I', 'F', 'F', 0.6, 0);
const CF = openMarketAg('C', 'F');
const BUNDLES: Treatment[][] = [[], ['E'], ['A', 'D3'], ['D1', 'E'], ['A', 'B', 'D1', 'D2', 'D3', 'E']];

describe('expectedOutcome = probability-weighted average of resolveRound', () => {
  it.each(BUNDLES.map((t) => [t.join(' ') || 'baseline', t] as const))(
    'two projects with breaches (%s): 36 combinations',
    (_n, t) => {
      const decisions = {
        C: dec('AUTO', ['R'], { [CI.id]: 'honour' }),
        I: dec('AUTO', [], { [CI.id]: 'breach', [IF.id]: 'honour' }),
        F: dec('FOOD', [], { [IF.id]: 'breach' }),
        R: dec('CHEM'),
      };
      expect(combos([CI, IF], 0.1)).toHaveLength(36);
      checkAverage(t, [CI, IF], decisions);
    },
  );

  it.each(BUNDLES.map((t) => [t.join(' ') || 'baseline', t] as const))(
    'a project and a breached open market (%s)',
    (_n, t) => {
      const decisions = {
        C: dec('ELEC', ['F'], { [CI.id]: 'breach' }),
        I: dec('AUTO', [], { [CI.id]: 'honour' }),
        F: dec('AUTO'),
        R: dec('CHEM', ['C']),
      };
      checkAverage(t, [CI, CF], decisions);
    },
  );

  it('with no agreements it is the realised outcome', () => {
    const decisions = { C: dec('AUTO'), I: dec('AUTO'), F: dec('FOOD'), R: dec('CHEM') };
    const exp = expectedOutcome(rules, ['D1'], s0, [], decisions);
    expect(resolveRound(rules, ['D1'], s0, [], decisions, { shock: {}, audit: {} }).results).toEqual(exp);
  });
});
