// docs/rules.md section 10: an adaptive bot trusts each partner from 0.7 and after every round with agreements between them
// updates trust <- 0.6 trust + 0.4 (1 if the partner honoured, else 0); the fear of being cheated is (1 - trust) x 3.
import { describe, expect, it } from 'vitest';
import { fear, INITIAL_TRUST, partnerHonoured, trustIn } from '../../../../shared/model/bots/trust.js';
import type { RoundRecord } from '../../../../shared/model/round.js';
import type { Agreement, RecordedDecision } from '../../../../shared/model/state.js';
import { openMarketAg, projectAg } from '../helpers.js';

const rd = (barriers: string[] = [], comply: Record<string, 'honour' | 'breach'> = {}): RecordedDecision => ({
  invest: 'AUTO',
  barriers,
  comply,
  source: 'bot',
});

function rec(round: number, agreements: Agreement[], decisions: Record<string, RecordedDecision>): RoundRecord {
  return { round, agreements, decisions } as unknown as RoundRecord;
}

const honest = (r: number) =>
  rec(r, [projectAg('C', 'I', 'I', 0.5, 0, r), openMarketAg('C', 'I', r)], {
    C: rd(),
    I: rd([], { [`r${r}-C-I-project`]: 'honour' }),
  });
const projectBreach = (r: number) =>
  rec(r, [projectAg('C', 'I', 'I', 0.5, 0, r)], { C: rd(), I: rd([], { [`r${r}-C-I-project`]: 'breach' }) });
const marketBreach = (r: number) => rec(r, [openMarketAg('C', 'I', r)], { C: rd(), I: rd(['C']) });
const nothing = (r: number) => rec(r, [], { C: rd(['I']), I: rd(['C']) });

describe('adaptive trust', () => {
  it('starts at 0.7', () => {
    expect(INITIAL_TRUST).toBe(0.7);
    expect(trustIn([], 'C', 'I')).toBe(0.7);
  });

  it('follows trust <- 0.6 trust + 0.4 h round after round', () => {
    const history = [honest(1), projectBreach(2), honest(3), marketBreach(4)];
    let t = 0.7;
    const expected: number[] = [];
    for (const h of [1, 0, 1, 0]) {
      t = 0.6 * t + 0.4 * h;
      expected.push(t);
    }
    history.forEach((_, k) => expect(trustIn(history.slice(0, k + 1), 'C', 'I')).toBeCloseTo(expected[k]!, 12));
    expect(expected[0]).toBeCloseTo(0.82, 12);
    expect(expected[1]).toBeCloseTo(0.492, 12);
  });

  it('rounds without agreements between the two leave trust unchanged', () => {
    expect(trustIn([nothing(1), honest(2), nothing(3)], 'C', 'I')).toBeCloseTo(0.6 * 0.7 + 0.4, 12);
    // Agreements with somebody else do not count either.
    const other = rec(1, [projectAg('C', 'F', 'F')], { C: rd(), F: rd([], { 'r1-C-F-project': 'breach' }) });
    expect(trustIn([other], 'C', 'I')).toBe(0.7);
    expect(trustIn([other], 'C', 'F')).toBeCloseTo(0.42, 12);
  });

  it("is about the partner only: a region's own breach does not lower its trust in the partner", () => {
    const mine = rec(1, [projectAg('C', 'I', 'I')], { C: rd([], { 'r1-C-I-project': 'breach' }), I: rd() });
    expect(partnerHonoured(mine, 'C', 'I')).toBe(true);
    expect(partnerHonoured(mine, 'I', 'C')).toBe(false);
    expect(trustIn([mine], 'C', 'I')).toBeCloseTo(0.82, 12);
  });

  it('a partner honours a round only if it honoured every agreement of the pair', () => {
    const mixed = rec(1, [projectAg('C', 'I', 'I'), openMarketAg('C', 'I')], {
      C: rd(),
      I: rd(['C'], { 'r1-C-I-project': 'honour' }),
    });
    expect(partnerHonoured(mixed, 'C', 'I')).toBe(false);
    expect(partnerHonoured(nothing(1), 'C', 'I')).toBeNull();
  });

  it('fear of being cheated = (1 - trust) x 3', () => {
    expect(fear(0.7)).toBeCloseTo(0.9, 12);
    expect(fear(1)).toBe(0);
    expect(fear(0)).toBe(3);
  });
});
