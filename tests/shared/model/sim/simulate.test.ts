// The headless simulator: whole worlds are deterministic for a seed, and the log of a simulated session replays
// exactly (docs/rules.md section 11).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classPlanConfig } from '../../../../shared/model/presets.js';
import { replay } from '../../../../shared/model/replay.js';
import { playWorld, simulatedLog, simulateSession } from '../../../../shared/model/sim/simulate.js';
import { BOT_STRATEGIES, type BotStrategy } from '../../../../shared/model/ids.js';

const cfg4 = classPlanConfig('baseline-then-reforms', {
  map: '4-single',
  rounds: 6,
  arms: [
    {
      name: 'x',
      schedule: [
        { fromRound: 1, treatments: [] },
        { fromRound: 4, treatments: ['A', 'B', 'D1', 'D2', 'D3', 'E'] },
      ],
    },
  ],
});
const cfg3 = classPlanConfig('control-vs-reform', {
  map: '3-single',
  rounds: 5,
  arms: [
    { name: 'control', schedule: [{ fromRound: 1, treatments: [] }] },
    {
      name: 'reform',
      schedule: [
        { fromRound: 1, treatments: [] },
        { fromRound: 3, treatments: ['D1', 'D2', 'D3', 'E'] },
      ],
    },
    { name: 'multi', schedule: [{ fromRound: 1, treatments: ['C', 'A', 'B'] }] },
  ],
});
const strategyArb = fc.constantFrom(...BOT_STRATEGIES);
const mixed = (w: number, id: string): BotStrategy => BOT_STRATEGIES[(w + id.charCodeAt(0)) % BOT_STRATEGIES.length]!;

describe('playWorld', () => {
  it('same seed, same strategies: the same world', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), strategyArb, (seed, strategy) => {
        const a = playWorld(cfg4, seed, 0, () => strategy);
        const b = playWorld(cfg4, seed, 0, () => strategy);
        expect(b).toEqual(a);
        expect(a.history).toHaveLength(6);
        expect(a.seed).toBe(`${seed}:0`);
      }),
      { numRuns: 12 },
    );
  }, 60_000);

  it('different seeds give different draws (a seed is not ignored)', () => {
    const a = playWorld(cfg4, 'one', 0, () => 'cooperative');
    const b = playWorld(cfg4, 'two', 0, () => 'cooperative');
    const draws = (w: typeof a) => JSON.stringify(w.history.map((r) => r.draws));
    expect(a.history.some((r) => r.agreements.length > 0)).toBe(true);
    expect(draws(a)).not.toBe(draws(b));
  });
});

describe('replay of simulated sessions', () => {
  it('replay(simulatedLog(...)) is ok and reproduces the live history exactly', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), fc.boolean(), (seed, useMixed) => {
        const session = simulateSession(cfg3, seed, useMixed ? mixed : 'adaptive');
        const log = simulatedLog(cfg3, session);
        const json = JSON.parse(JSON.stringify(log)) as unknown;
        const out = replay(json);
        expect(out.report.problems).toEqual([]);
        expect(out.report.ok).toBe(true);
        expect(out.worlds).toHaveLength(3);
        out.worlds.forEach((w, i) => {
          const live = session.worlds[i]!;
          expect(w.history).toEqual(live.history);
          expect(w.state).toEqual(live.state);
          expect(w.initial).toEqual(live.initial);
          expect(w.mapId).toBe(live.mapId);
        });
        expect(log.worlds.map((w) => w.map)).toEqual(['3-single', '3-single', '3-multi']);
      }),
      { numRuns: 6 },
    );
  }, 60_000);

  it('the log records the treatments in force in every round and the promotions', () => {
    const session = simulateSession(cfg3, 'log', 'cooperative');
    const log = simulatedLog(cfg3, session);
    expect(log.worlds[1]!.rounds.map((r) => r.treatments)).toEqual([
      [],
      [],
      ['D1', 'D2', 'D3', 'E'],
      ['D1', 'D2', 'D3', 'E'],
      ['D1', 'D2', 'D3', 'E'],
    ]);
    expect(log.worlds[2]!.rounds[0]!.treatments).toEqual(['A', 'B', 'C']);
    expect(log.worlds[1]!.promoted.map((p) => p.afterRound)).toEqual([2, 5]);
    expect(log.worlds.map((w) => w.seed)).toEqual(['log:0', 'log:1', 'log:2']);
  });
});
