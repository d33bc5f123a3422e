// docs/rules.md section 7 against test-vectors.json: round 1 of every preset map under several reform bundles, from an
// independent implementation of the rules. Initial figures and expectedOutcome within 1e-6.
import { describe, expect, it } from 'vitest';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { defaultParams } from '../../../shared/model/params.js';
import { expectedOutcome } from '../../../shared/model/resolve.js';
import { initialState, type Agreement, type Decision, type WorldRules } from '../../../shared/model/state.js';
import type { Treatment } from '../../../shared/model/ids.js';
import { loadFixture, near } from './helpers.js';

type PerRegion = Record<string, number>;
interface VectorCase {
  map: string;
  treatments: Treatment[];
  path: string;
  agreements: Agreement[];
  decisions: Record<string, Decision>;
  initial: { gdp: PerRegion; consBase: PerRegion };
  expected: {
    gdp: PerRegion;
    g: PerRegion;
    tax: PerRegion;
    fiscalGrowth: PerRegion;
    score: PerRegion;
    career: PerRegion;
    welfare: number;
  };
}

const { cases } = loadFixture<{ cases: VectorCase[] }>('test-vectors.json');
const FIELDS = ['gdp', 'g', 'tax', 'fiscalGrowth', 'score', 'career'] as const;
const TOL = 1e-6;

function rulesFor(mapId: string): WorldRules {
  const map = MAP_PRESETS[mapId];
  if (!map) throw new Error(`unknown map ${mapId}`);
  return { params: defaultParams(), map };
}

describe('test-vectors.json', () => {
  it('covers every preset map', () => {
    expect(new Set(cases.map((c) => c.map))).toEqual(new Set(Object.keys(MAP_PRESETS)));
    expect(cases.length).toBe(16);
  });

  describe.each(cases.map((c) => [`${c.map} [${c.treatments.join(' ') || 'baseline'}] ${c.path}`, c] as const))(
    '%s',
    (_name, c) => {
      const rules = rulesFor(c.map);

      it('initialState gives the initial gdp and consBase', () => {
        const state = initialState(rules);
        for (const r of rules.map.regions) {
          near(state.prev[r.id]?.gdp, c.initial.gdp[r.id]!, TOL, `gdp ${r.id}`);
          near(state.prev[r.id]?.consBase, c.initial.consBase[r.id]!, TOL, `consBase ${r.id}`);
        }
      });

      it('expectedOutcome gives every expected figure', () => {
        const out = expectedOutcome(rules, c.treatments, initialState(rules), c.agreements, c.decisions);
        for (const field of FIELDS) {
          for (const r of rules.map.regions) {
            const want = c.expected[field][r.id];
            expect(want, `${field} ${r.id} in fixture`).toBeTypeOf('number');
            near(out.regions[r.id]?.[field], want!, TOL, `${field} ${r.id}`);
          }
        }
        near(out.welfare, c.expected.welfare, TOL, 'welfare');
      });
    },
  );
});
