// The debrief's data from logs and from a live host view: worlds with arm names, maps, history, completeness.
import { describe, expect, it } from 'vitest';
import { fromLive, fromLogs, roundCount, worldPromotions } from '../../../client/src/debrief/data.js';
import { createSessionState } from '../../../shared/model/session/state.js';
import { sessionView } from '../../../shared/model/session/view.js';
import { simulateSession } from '../../../shared/model/sim/simulate.js';
import type { RoundRecord } from '../../../shared/model/round.js';
import { config, loaded } from './helpers.js';

describe('fromLogs', () => {
  it('lists every world of every log with its arm, map and history', () => {
    const data = fromLogs([loaded('a.json'), loaded('b.json', 'seed-b')]);
    expect(data.sources).toHaveLength(2);
    expect(data.maxRound).toBe(6);
    expect(roundCount(data)).toBe(6);
    const w = data.sources[1]!.worlds[1]!;
    expect(w).toMatchObject({ source: 1, index: 1, arm: 1, armName: 'Reform', complete: true });
    expect(w.map.id).toBe('3-single');
    expect(w.history).toHaveLength(6);
  });

  it('promotes at the end of each term of a finished game', () => {
    const data = fromLogs([loaded()]);
    const reform = data.sources[0]!.worlds[1]!;
    expect(worldPromotions(reform).map((p) => [p.fromRound, p.afterRound])).toEqual([
      [1, 3],
      [4, 6],
    ]);
    const control = data.sources[0]!.worlds[0]!;
    expect(worldPromotions(control).map((p) => p.afterRound)).toEqual([6]);
  });
});

describe('fromLive', () => {
  const cfg = config();
  const sim = simulateSession(cfg, 'live', 'adaptive', 1);

  function view(rounds: number, phase: 'results' | 'ended') {
    const state = createSessionState({ code: 'ABCDEF', seed: 'live', createdAt: '2024-01-01T00:00:00Z', config: cfg });
    state.phase = phase;
    state.round = rounds;
    state.worlds = sim.worlds.map((w) => ({
      ...w,
      history: w.history.slice(0, rounds),
      state: w.history[rounds - 1]!.stateAfter,
      current: null,
    }));
    const history = new Map<number, RoundRecord[]>(state.worlds.map((w) => [w.index, w.history]));
    return { v: sessionView(state, { kind: 'host' }), history };
  }

  it('is empty before the first view', () => {
    expect(fromLive(null, new Map())).toEqual({ sources: [], maxRound: 0 });
  });

  it('takes worlds, arms and maps from the host view and rounds from the history', () => {
    const { v, history } = view(4, 'results');
    const data = fromLive(v, history);
    expect(data.sources).toHaveLength(1);
    expect(data.sources[0]!.label).toBe('ABCDEF');
    expect(data.maxRound).toBe(6);
    expect(roundCount(data)).toBe(4);
    expect(data.sources[0]!.worlds.map((w) => [w.index, w.armName, w.history.length, w.complete])).toEqual([
      [0, 'Control', 4, false],
      [1, 'Reform', 4, false],
    ]);
    // The reform world's baseline term (rounds 1-3) closed when round 4 started under reforms; the control world's
    // term is still running.
    expect(worldPromotions(data.sources[0]!.worlds[1]!).map((p) => p.afterRound)).toEqual([3]);
    expect(worldPromotions(data.sources[0]!.worlds[0]!)).toEqual([]);
  });

  it('closes the last term when the game has ended', () => {
    const { v, history } = view(6, 'ended');
    const data = fromLive(v, history);
    expect(data.sources[0]!.worlds.every((w) => w.complete)).toBe(true);
    expect(worldPromotions(data.sources[0]!.worlds[0]!).map((p) => p.afterRound)).toEqual([6]);
  });
});
