// fast-check generators of complete round inputs on a preset map: treatments, agreements on linked pairs
// (valid terms), decisions and draws.
import fc from 'fast-check';
import { SWITCHABLE_TREATMENTS, type Treatment } from '../../../shared/model/ids.js';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { defaultParams } from '../../../shared/model/params.js';
import {
  initialState,
  type Agreement,
  type Decision,
  type Draws,
  type WorldRules,
  type WorldState,
} from '../../../shared/model/state.js';

export interface RoundInput {
  rules: WorldRules;
  treatments: Treatment[];
  state: WorldState;
  agreements: Agreement[];
  decisions: Record<string, Decision>;
  draws: Draws;
}

export const treatmentsArb = (exclude: Treatment[] = []): fc.Arbitrary<Treatment[]> =>
  fc.subarray(SWITCHABLE_TREATMENTS.filter((t) => !exclude.includes(t)) as Treatment[]);

/** A round of `mapId` from its initial state (pilotsUsed varied), with agreements unless `withAgreements` is false. */
export function roundArb(
  mapId: string,
  opts: { withAgreements?: boolean; exclude?: Treatment[] } = {},
): fc.Arbitrary<RoundInput> {
  const map = MAP_PRESETS[mapId]!;
  const rules: WorldRules = { params: defaultParams(), map };
  const base = initialState(rules);
  const ids = map.regions.map((r) => r.id);
  const sectors = map.sectors.map((s) => s.id);
  const pairKind = opts.withAgreements === false ? fc.constant(0) : fc.integer({ min: 0, max: 3 }); // 0 none, 1 om, 2 project, 3 both
  const pairArb = fc.record({
    kind: pairKind,
    hostIsA: fc.boolean(),
    hostShare: fc.double({ min: 0, max: 1, noNaN: true }),
    payShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
  });
  const decisionArb = fc.record({
    invest: fc.constantFrom(...sectors),
    block: fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
    breachBits: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  });
  return fc
    .record({
      treatments: treatmentsArb(opts.exclude),
      pairs: fc.array(pairArb, { minLength: map.links.length, maxLength: map.links.length }),
      decs: fc.array(decisionArb, { minLength: ids.length, maxLength: ids.length }),
      pilots: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: ids.length, maxLength: ids.length }),
      shocks: fc.array(fc.constantFrom(-1, 0, 1), { minLength: map.links.length, maxLength: map.links.length }),
      audits: fc.array(fc.boolean(), { minLength: 2 * map.links.length, maxLength: 2 * map.links.length }),
    })
    .map(({ treatments, pairs, decs, pilots, shocks, audits }) => {
      const state: WorldState = {
        ...structuredClone(base),
        pilotsUsed: Object.fromEntries(ids.map((id, i) => [id, pilots[i]!])),
      };
      const d2 = treatments.includes('D2');
      const tprev = (id: string) => 0.5 * 0.13 * (d2 ? state.prev[id]!.consBase : state.prev[id]!.gdp);
      const agreements: Agreement[] = [];
      const draws: Draws = { shock: {}, audit: {} };
      map.links.forEach(([x, y], l) => {
        const p = pairs[l]!;
        const [a, b] = ids.indexOf(x) < ids.indexOf(y) ? [x, y] : [y, x];
        if (p.kind >= 2) {
          const host = p.hostIsA ? a : b;
          const id = `r1-${a}-${b}-project`;
          agreements.push({
            id,
            type: 'project',
            a,
            b,
            host,
            hostShare: p.hostShare,
            sidePayment: p.payShare * tprev(host),
          });
          draws.shock[id] = shocks[l]!;
          draws.audit[id] = audits[2 * l]!;
        }
        if (p.kind === 1 || p.kind === 3) {
          const id = `r1-${a}-${b}-openMarket`;
          agreements.push({ id, type: 'openMarket', a, b, host: null, hostShare: null, sidePayment: 0 });
          draws.audit[id] = audits[2 * l + 1]!;
        }
      });
      const decisions: Record<string, Decision> = {};
      ids.forEach((id, i) => {
        const d = decs[i]!;
        const mine = agreements.filter((ag) => ag.type === 'project' && (ag.a === id || ag.b === id));
        decisions[id] = {
          invest: d.invest,
          barriers: ids.filter((t, j) => t !== id && d.block[j]),
          comply: Object.fromEntries(mine.map((ag, k) => [ag.id, d.breachBits[k] ? 'breach' : 'honour'])),
        };
      });
      return { rules, treatments, state, agreements, decisions, draws };
    });
}
