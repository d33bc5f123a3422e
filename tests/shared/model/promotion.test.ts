// docs/rules.md section 7 "Promotion": terms split on treatment changes; the highest term score is promoted (ties: career
// points, then region order); the open last term is promoted only when complete.
import { describe, expect, it } from 'vitest';
import { promotions, termWinner, terms, type TermRound } from '../../../shared/model/promotion.js';
import type { RegionResult } from '../../../shared/model/state.js';
import type { Treatment } from '../../../shared/model/ids.js';

const ORDER = ['C', 'I', 'F'];

function res(score: number, career = 0, extra: Partial<RegionResult> = {}): RegionResult {
  return {
    gdp: 1,
    consBase: 1,
    g: 0,
    tax: 0,
    outlay: 0,
    inflow: 0,
    fiscalGrowth: 0,
    score,
    career,
    dup: false,
    nBar: 0,
    honoured: 0,
    breaches: 0,
    detected: 0,
    ...extra,
  };
}
function round(
  r: number,
  treatments: Treatment[],
  scores: [number, number, number],
  careers: [number, number, number] = [0, 0, 0],
): TermRound {
  return {
    round: r,
    treatments,
    results: { regions: Object.fromEntries(ORDER.map((id, i) => [id, res(scores[i]!, careers[i]!)])) },
  };
}

describe('terms', () => {
  it('split where the treatments change (in any order of listing) and sum score, career and record', () => {
    const first = round(1, [], [1, 2, 3]);
    const rounds: TermRound[] = [
      {
        ...first,
        results: {
          regions: {
            ...first.results.regions,
            C: res(1, 0, { nBar: 2, dup: true, honoured: 1, breaches: 1, detected: 1 }),
          },
        },
      },
      round(2, [], [1, 2, 3]),
      round(3, ['E', 'A'], [5, 0, 0]),
      round(4, ['A', 'E'], [5, 0, 0]),
      round(5, [], [0, 0, 1]),
    ];
    const t = terms(ORDER, rounds);
    expect(t.map((x) => [x.fromRound, x.toRound, x.treatments])).toEqual([
      [1, 2, []],
      [3, 4, ['E', 'A']],
      [5, 5, []],
    ]);
    expect(t[0]!.score).toEqual({ C: 2, I: 4, F: 6 });
    expect(t[1]!.score).toEqual({ C: 10, I: 0, F: 0 });
    expect(t[0]!.record.C).toEqual({ barriers: 2, duplications: 1, honoured: 1, breaches: 1, detected: 1 });
  });

  it('a host switch starts a new term even back to the same treatments', () => {
    const t = terms(ORDER, [
      round(1, ['D1'], [0, 0, 0]),
      round(2, ['D1', 'D2'], [0, 0, 0]),
      round(3, ['D1'], [0, 0, 0]),
    ]);
    expect(t).toHaveLength(3);
  });
});

describe('termWinner', () => {
  it('the highest summed score wins', () => {
    const [t] = terms(ORDER, [round(1, [], [1, 5, 3]), round(2, [], [1, -4, 3])]);
    expect(termWinner(ORDER, t!)).toBe('F'); // 2, 1, 6
  });

  it('a score tie is broken by summed career points', () => {
    const [t] = terms(ORDER, [round(1, [], [4, 4, 1], [1, 3, 9])]);
    expect(termWinner(ORDER, t!)).toBe('I');
  });

  it('a full tie goes to the first region in map order', () => {
    const [t] = terms(ORDER, [round(1, [], [2, 2, 2], [1, 1, 1])]);
    expect(termWinner(ORDER, t!)).toBe('C');
    const [u] = terms(ORDER, [round(1, [], [0, 2, 2], [1, 1, 1])]);
    expect(termWinner(ORDER, u!)).toBe('I');
  });
});

describe('promotions', () => {
  const rounds = [
    round(1, [], [1, 0, 0]),
    round(2, [], [1, 0, 0]),
    round(3, ['A'], [0, 2, 0]),
    round(4, ['A'], [0, 0, 5]),
  ];

  it('closed terms promote; the open last term only when the game is complete', () => {
    const open = promotions(ORDER, rounds, false);
    expect(open.map((p) => [p.afterRound, p.regionId, p.termScore])).toEqual([[2, 'C', 2]]);
    const done = promotions(ORDER, rounds, true);
    expect(done.map((p) => [p.afterRound, p.regionId, p.termScore, p.fromRound, p.treatments])).toEqual([
      [2, 'C', 2, 1, []],
      [4, 'F', 5, 3, ['A']],
    ]);
  });

  it("the last term closes early when the next round's treatments are known to differ", () => {
    expect(promotions(ORDER, rounds, false, ['A'])).toHaveLength(1);
    expect(promotions(ORDER, rounds, false, ['A', 'B'])).toHaveLength(2);
  });

  it('no rounds, no promotions', () => {
    expect(promotions(ORDER, [], true)).toEqual([]);
  });
});
