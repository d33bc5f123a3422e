import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { defaultParams } from '../../../shared/model/params.js';
import { initialState } from '../../../shared/model/state.js';
import { expectedOutcome } from '../../../shared/model/resolve.js';

describe('quick', () => {
  it('vectors', () => {
    const d = JSON.parse(readFileSync(new URL('../../../../shared/design/test-vectors.json', import.meta.url), 'utf8'));
    const params = defaultParams();
    for (const c of d.cases) {
      const rules = { params, map: MAP_PRESETS[c.map]! };
      const st = initialState(rules);
      for (const id of Object.keys(c.initial.gdp)) {
        expect(st.prev[id]!.gdp).toBeCloseTo(c.initial.gdp[id], 5);
        expect(st.prev[id]!.consBase).toBeCloseTo(c.initial.consBase[id], 5);
      }
      const r = expectedOutcome(rules, c.treatments, st, c.agreements, c.decisions);
      for (const f of ['gdp', 'g', 'tax', 'fiscalGrowth', 'score', 'career']) {
        for (const id of Object.keys(c.expected[f])) {
          expect([c.map, c.treatments.join(','), c.path, f, id, r.regions[id]![f as 'gdp']]).toEqual([c.map, c.treatments.join(','), c.path, f, id, expect.closeTo(c.expected[f][id], 5)]);
        }
      }
      expect(r.welfare).toBeCloseTo(c.expected.welfare, 5);
    }
  });
});
