// docs/rules.md section 9 aggregates and the docs/rules.md section 10 pattern the simulator must show with adaptive bots.
import { beforeAll, describe, expect, it } from 'vitest';
import { classPlanConfig } from '../../../../shared/model/presets.js';
import { aggregate, type PeriodSummary, type WorldHistory } from '../../../../shared/model/sim/aggregate.js';
import { playWorld } from '../../../../shared/model/sim/simulate.js';
import type { WorldLive } from '../../../../shared/model/world.js';

const toHistory = (w: WorldLive, order: string[]): WorldHistory => ({
  arm: w.arm,
  regionOrder: order,
  history: w.history,
});

describe('aggregate', () => {
  it('splits an arm into treatment periods and averages the round metrics over worlds', () => {
    const cfg = classPlanConfig('baseline-then-reforms', {
      map: '3-single',
      rounds: 4,
      arms: [
        {
          name: 'x',
          schedule: [
            { fromRound: 1, treatments: [] },
            { fromRound: 3, treatments: ['E'] },
          ],
        },
      ],
    });
    const worlds = ['a', 'b'].map((s) => playWorld(cfg, s, 0, () => 'opportunist'));
    const periods = aggregate(worlds.map((w) => toHistory(w, ['C', 'I', 'F'])));
    expect(periods.map((p) => [p.arm, p.fromRound, p.toRound, p.treatments, p.worlds, p.rounds])).toEqual([
      [0, 1, 2, [], 2, 4],
      [0, 3, 4, ['E'], 2, 4],
    ]);
    const rounds = worlds.flatMap((w) => w.history.filter((r) => r.round <= 2));
    const mean = (f: (m: (typeof rounds)[number]['metrics']) => number) =>
      rounds.reduce((s, r) => s + f(r.metrics), 0) / rounds.length;
    expect(periods[0]!.cooperation).toBeCloseTo(
      mean((m) => m.cooperation),
      12,
    );
    expect(periods[0]!.duplicateShare).toBeCloseTo(
      mean((m) => m.duplicateShare),
      12,
    );
    expect(periods[0]!.linksBlocked).toBeCloseTo(
      mean((m) => m.linksBlocked),
      12,
    );
    const sum = (f: (m: (typeof rounds)[number]['metrics']) => number) => rounds.reduce((s, r) => s + f(r.metrics), 0);
    expect(periods[0]!.welfareRatio).toBeCloseTo(sum((m) => m.welfare) / sum((m) => m.benchmark), 12);
    // Each term's promotion is counted in its period.
    expect(Object.values(periods[0]!.promoted).reduce((a, b) => a + b, 0)).toBe(2);
    expect(Object.values(periods[1]!.promoted).reduce((a, b) => a + b, 0)).toBe(2);
  });
});

describe.each([
  ['3-single', 40, ['C', 'I', 'F']],
  ['4-single', 10, ['C', 'I', 'F', 'R']],
] as const)('section 10: adaptive bots on %s, 6 baseline rounds then all reforms, %i seeds', (map, seeds, order) => {
  let periods: PeriodSummary[] = [];
  let before: PeriodSummary | undefined;
  let after: PeriodSummary | undefined;
  beforeAll(() => {
    const cfg = classPlanConfig('simulator-6-6', { map });
    const worlds = Array.from({ length: seeds }, (_, s) => playWorld(cfg, `sim-${s}`, 0, () => 'adaptive'));
    periods = aggregate(worlds.map((w) => toHistory(w, [...order])));
    [before, after] = periods;
  }, 60_000);

  it('has a baseline period (rounds 1-6) and a reform period (rounds 7-12)', () => {
    expect(periods).toHaveLength(2);
    expect([before!.fromRound, before!.toRound, before!.treatments]).toEqual([1, 6, []]);
    expect([after!.fromRound, after!.toRound, after!.treatments]).toEqual([7, 12, ['A', 'B', 'D1', 'D2', 'D3', 'E']]);
    expect(before!.rounds).toBe(6 * seeds);
  });

  it('baseline: cooperation <= 0.1, duplicate share >= 0.6, links blocked >= 0.8', () => {
    expect(before!.cooperation).toBeLessThanOrEqual(0.1);
    expect(before!.duplicateShare).toBeGreaterThanOrEqual(0.6);
    expect(before!.linksBlocked).toBeGreaterThanOrEqual(0.8);
  });

  it('after the switch: cooperation >= 0.6, duplicate share <= 0.2, links blocked <= 0.2, higher welfare / benchmark', () => {
    expect(after!.cooperation).toBeGreaterThanOrEqual(0.6);
    expect(after!.duplicateShare).toBeLessThanOrEqual(0.2);
    expect(after!.linksBlocked).toBeLessThanOrEqual(0.2);
    expect(after!.welfareRatio).toBeGreaterThan(before!.welfareRatio);
  });
});
