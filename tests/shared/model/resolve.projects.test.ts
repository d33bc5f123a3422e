// docs/rules.md section 7 step 3 for projects: value V with the shock, contributions (A co-funding while pilotsUsed = 0), the
// output split (D3 vs host takes all) and the side payment (only when V > 0 and the host paid). Plain map:
// no market, so gdp = Y0 + projGDP; Tprev = 10 (X), 5 (Y), 5 (W); prev.gdp = 100, 50, 50.
import { describe, expect, it } from 'vitest';
import { resolveRound } from '../../../shared/model/resolve.js';
import type { Compliance, Treatment } from '../../../shared/model/ids.js';
import type { Agreement, Draws, WorldState } from '../../../shared/model/state.js';
import type { ParamsInput } from '../../../shared/model/params.js';
import { dec, near, plainDecisions, plainRules, plainState, projectAg } from './helpers.js';

const gamma = 0.03;
const kappa = 0.05;
const sigma = 0.6;
const XY = projectAg('X', 'Y', 'Y', 0.25, 0); // host Y (the partner is X)
const draws = (eps: number, ...ags: Agreement[]): Draws => ({
  shock: Object.fromEntries(ags.map((a) => [a.id, eps])),
  audit: Object.fromEntries(ags.map((a) => [a.id, false])),
});

function play(opts: {
  ags?: Agreement[];
  comply?: Partial<Record<'X' | 'Y' | 'W', Record<string, Compliance>>>;
  eps?: number;
  t?: Treatment[];
  state?: WorldState;
  params?: ParamsInput;
}) {
  const ags = opts.ags ?? [XY];
  const c = opts.comply ?? {};
  const d = plainDecisions({ X: dec('S1', [], c.X ?? {}), Y: dec('S1', [], c.Y ?? {}), W: dec('S1', [], c.W ?? {}) });
  return resolveRound(
    plainRules(opts.params),
    opts.t ?? [],
    opts.state ?? plainState(),
    ags,
    d,
    draws(opts.eps ?? 0, ...ags),
  );
}

describe('project value V', () => {
  it.each([-1, 0, 1])(
    'V = gamma (prev.gdp_a + prev.gdp_b)(1 + sigma eps) when both pay (eps = %i); the host takes all',
    (eps) => {
      const { results } = play({ eps });
      const V = gamma * (100 + 50) * (1 + sigma * eps) * ((1 + 1) / 2);
      near(results.regions.Y!.gdp, 50 + V);
      near(results.regions.X!.gdp, 100);
      near(results.regions.Y!.g, V / 50);
    },
  );

  it('halves when one party breaches and vanishes when both do', () => {
    const one = play({ comply: { X: { [XY.id]: 'breach' } }, eps: 1 }).results;
    near(one.regions.Y!.gdp, 50 + (gamma * 150 * 1.6 * (0 + 1)) / 2);
    const none = play({ comply: { X: { [XY.id]: 'breach' }, Y: { [XY.id]: 'breach' } }, eps: 1 }).results;
    near(none.regions.Y!.gdp, 50);
  });

  it('a breaching host still receives its output', () => {
    const { results } = play({ comply: { Y: { [XY.id]: 'breach' } }, eps: 0 });
    near(results.regions.Y!.gdp, 50 + (gamma * 150 * 1 * 1) / 2);
  });
});

describe('contributions', () => {
  it('each paying party pays kappa x Tprev; real project cost is subtracted from welfare', () => {
    const { results } = play({ eps: 0 });
    near(results.regions.X!.outlay, kappa * 10);
    near(results.regions.Y!.outlay, kappa * 5);
    const V = gamma * 150;
    near(results.welfare, 100 + 50 + V + 50 - (kappa * 10 + kappa * 5));
  });

  it('a breaching party pays nothing', () => {
    const { results } = play({ comply: { X: { [XY.id]: 'breach' } } });
    near(results.regions.X!.outlay, 0);
    near(results.welfare, 100 + 50 + (gamma * 150) / 2 + 50 - kappa * 5);
  });

  it('under D2 the contribution uses the consumption-based Tprev', () => {
    const { results } = play({ t: ['D2'] });
    near(results.regions.X!.outlay, kappa * 0.1 * 80);
    near(results.regions.Y!.outlay, kappa * 0.1 * 60);
  });

  it('under A the centre co-funds pilotCofund of it while pilotsUsed = 0, yet the real cost is unchanged', () => {
    const { results } = play({ t: ['A'] });
    near(results.regions.X!.outlay, kappa * 10 * (1 - 0.5));
    near(results.regions.Y!.outlay, kappa * 5 * (1 - 0.5));
    near(results.welfare, 100 + 50 + gamma * 150 + 50 - (kappa * 10 + kappa * 5));
  });

  it('under A a region that has already honoured a pilot pays in full', () => {
    const { results } = play({ t: ['A'], state: plainState({ pilotsUsed: { X: 1, Y: 0, W: 0 } }) });
    near(results.regions.X!.outlay, kappa * 10);
    near(results.regions.Y!.outlay, kappa * 5 * 0.5);
  });

  it('pilotsUsed is read at the start of the round: two projects in one round are both co-funded', () => {
    const XW = projectAg('X', 'W', 'W');
    const { results } = play({ t: ['A'], ags: [XY, XW] });
    near(results.regions.X!.outlay, 2 * kappa * 10 * 0.5);
  });

  it('without A there is no co-funding even with pilotsUsed = 0', () => {
    near(play({}).results.regions.X!.outlay, kappa * 10);
  });
});

describe('output split', () => {
  it('under D3 the host gets hostShare x V and the partner the rest', () => {
    const { results } = play({ t: ['D3'], eps: 1 });
    const V = gamma * 150 * 1.6;
    near(results.regions.Y!.gdp, 50 + 0.25 * V);
    near(results.regions.X!.gdp, 100 + 0.75 * V);
    near(results.regions.X!.consBase, 100 + 0.75 * V);
  });

  it('without D3 the host takes all whatever hostShare says', () => {
    const { results } = play({ eps: 1 });
    near(results.regions.Y!.gdp, 50 + gamma * 150 * 1.6);
    near(results.regions.X!.gdp, 100);
  });
});

describe('side payment', () => {
  const paid = projectAg('X', 'Y', 'Y', 0.5, 0.4);

  it('is paid by the host to the partner when V > 0 and the host paid', () => {
    const { results } = play({ ags: [paid] });
    near(results.regions.Y!.outlay, kappa * 5 + 0.4);
    near(results.regions.X!.inflow, 0.4);
    near(results.regions.X!.fiscalGrowth, (0.1 * 100 - kappa * 10 + 0.4) / 10 - 1);
  });

  it('is still paid to a breaching partner', () => {
    const { results } = play({ ags: [paid], comply: { X: { [paid.id]: 'breach' } } });
    near(results.regions.Y!.outlay, kappa * 5 + 0.4);
    near(results.regions.X!.inflow, 0.4);
  });

  it('is not paid when the host breached', () => {
    const { results } = play({ ags: [paid], comply: { Y: { [paid.id]: 'breach' } } });
    near(results.regions.Y!.outlay, 0);
    near(results.regions.X!.inflow, 0);
  });

  it('is not paid when V = 0 (gamma = 0), even though the host paid', () => {
    const { results } = play({ ags: [paid], params: { project: { gamma: 0 } } });
    near(results.regions.Y!.outlay, kappa * 5);
    near(results.regions.X!.inflow, 0);
  });

  it('does not change welfare (a transfer)', () => {
    const withPay = play({ ags: [paid] }).results.welfare;
    const without = play({ ags: [projectAg('X', 'Y', 'Y', 0.5, 0)] }).results.welfare;
    near(withPay, without);
    expect(withPay).toBeGreaterThan(0);
  });
});
