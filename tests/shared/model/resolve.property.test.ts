// Properties of resolveRound: determinism, payments between regions cancel while fines only leave, and the
// baseline score is zero-sum.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marketChoiceFor } from '../../../shared/model/decisions.js';
import { resolveRound } from '../../../shared/model/resolve.js';
import { roundArb, type RoundInput } from './arbitraries.js';
import { near } from './helpers.js';

const resolve = (x: RoundInput) => resolveRound(x.rules, x.treatments, x.state, x.agreements, x.decisions, x.draws);

describe('resolveRound properties', () => {
  it('same inputs give the same outputs, and the inputs are not modified', () => {
    fc.assert(
      fc.property(roundArb('4-single'), (x) => {
        const before = structuredClone(x);
        const first = resolve(x);
        const second = resolve(structuredClone(x));
        expect(second).toEqual(first);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        expect({ ...x }).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('outlay and inflow decompose into B costs, contributions, fines, side payments and restitution', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('3-single', '4-single', '4-multi').chain((m) => roundArb(m)),
        (x) => {
          const p = x.rules.params;
          const has = (t: string) => x.treatments.includes(t as never);
          const enf = has('E') ? p.enforcementE : p.enforcement;
          const ids = x.rules.map.regions.map((r) => r.id);
          const tprev = (id: string) =>
            p.tax.localShare * p.tax.rate * (has('D2') ? x.state.prev[id]!.consBase : x.state.prev[id]!.gdp);
          const zero = () => Object.fromEntries(ids.map((id) => [id, 0])) as Record<string, number>;
          const own = zero(); // leaves the region for good: B costs, contributions, fines
          const sent = zero();
          const received = zero();
          let transfers = 0;
          let fines = 0;
          for (const id of ids) {
            const d = x.decisions[id]!;
            if (has('B')) {
              if (d.invest !== marketChoiceFor(x.rules, x.treatments, x.state, id))
                own[id]! += p.B.overrideCost * tprev(id);
              own[id]! += p.B.barrierReviewCost * tprev(id) * d.barriers.length;
            }
          }
          for (const ag of x.agreements) {
            const honours = (r: string, other: string) =>
              ag.type === 'openMarket'
                ? !x.decisions[r]!.barriers.includes(other)
                : x.decisions[r]!.comply[ag.id] !== 'breach';
            const hon = { [ag.a]: honours(ag.a, ag.b), [ag.b]: honours(ag.b, ag.a) };
            if (ag.type === 'project') {
              for (const r of [ag.a, ag.b]) {
                if (hon[r])
                  own[r]! +=
                    p.project.kappa * tprev(r) * (has('A') && x.state.pilotsUsed[r] === 0 ? 1 - p.A.pilotCofund : 1);
              }
              const partner = ag.host === ag.a ? ag.b : ag.a;
              if (ag.sidePayment > 0 && hon[ag.host!] && (hon[ag.a] || hon[ag.b])) {
                sent[ag.host!]! += ag.sidePayment;
                received[partner]! += ag.sidePayment;
                transfers += ag.sidePayment;
              }
            }
            for (const [r, other] of [
              [ag.a, ag.b],
              [ag.b, ag.a],
            ] as const) {
              if (hon[r] || !x.draws.audit[ag.id]) continue;
              own[r]! += enf.fineShare * tprev(r);
              fines += enf.fineShare * tprev(r);
              if (enf.compensate && ag.type === 'project' && hon[other]) {
                sent[r]! += p.project.kappa * tprev(r);
                received[other]! += p.project.kappa * tprev(r);
                transfers += p.project.kappa * tprev(r);
              }
            }
          }
          const { results } = resolve(x);
          let inflow = 0;
          let leaving = 0;
          let ownTotal = 0;
          for (const id of ids) {
            const r = results.regions[id]!;
            near(r.outlay, own[id]! + sent[id]!, 1e-9, `outlay ${id}`);
            near(r.inflow, received[id]!, 1e-9, `inflow ${id}`);
            inflow += r.inflow;
            leaving += r.outlay - r.inflow;
            ownTotal += own[id]!;
          }
          // Payments between regions (side payments, restitution) sum to zero across regions: what leaves the
          // regions in total is only B costs, contributions and fines.
          near(inflow, transfers, 1e-9, 'inflow = side payments + restitution');
          near(leaving, ownTotal, 1e-9, 'net outflow = B costs + contributions + fines');
          expect(ownTotal).toBeGreaterThanOrEqual(fines - 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('without agreements and without D1 the baseline score sums to zero across regions', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom('3-single', '3-multi', '4-single', '4-multi')
          .chain((m) => roundArb(m, { withAgreements: false, exclude: ['D1'] })),
        (x) => {
          const { results } = resolve(x);
          const scores = Object.values(results.regions).map((r) => r.score);
          near(
            scores.reduce((a, b) => a + b, 0),
            0,
            1e-9,
          );
          expect(scores.some((s) => Math.abs(s) > 1e-6)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
