// docs/rules.md section 5 "Agreements": propose, replace, accept, reject, counter, withdraw, close, and the signed agreements.
import { describe, expect, it } from 'vitest';
import { MAP_PRESETS } from '../../../shared/model/maps.js';
import { defaultParams } from '../../../shared/model/params.js';
import * as neg from '../../../shared/model/negotiation.js';
import { initialState, type WorldRules } from '../../../shared/model/state.js';
import type { Result } from '../../../shared/model/errors.js';
import type { Treatment } from '../../../shared/model/ids.js';

const rules: WorldRules = { params: defaultParams(), map: MAP_PRESETS['4-single']! };
const state = initialState(rules);
const ctx = (treatments: Treatment[] = []): neg.NegotiationCtx => ({ rules, treatments, state });
const om: neg.ProposalTerms = { openMarket: true, project: null };
const proj = (host: string, hostShare = 0.5, sidePayment = 0): neg.ProposalTerms => ({
  openMarket: false,
  project: { host, hostShare, sidePayment },
});

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
function code(r: Result<unknown>): string | null {
  return r.ok ? null : r.error.code;
}
const status = (n: neg.NegotiationState, id: string) => n.proposals.find((p) => p.id === id)?.status;

describe('propose', () => {
  const n0 = neg.openNegotiation(1);

  it('creates a pending proposal with a round-scoped id', () => {
    const { neg: n, proposal } = value(neg.propose(ctx(), n0, 'C', 'I', om, 'bothGain'));
    expect(proposal).toMatchObject({
      id: 'p1-1',
      round: 1,
      from: 'C',
      to: 'I',
      status: 'pending',
      counterOf: null,
      message: 'bothGain',
    });
    expect(n.proposals).toHaveLength(1);
    expect(n0.proposals).toHaveLength(0); // pure
  });

  it('only to a linked region', () => {
    const r = neg.propose(ctx(), n0, 'I', 'R', om);
    expect(code(r)).toBe('NOT_LINKED');
    expect(!r.ok && r.error.message).toMatch(/I and R are not linked/);
    expect(code(neg.propose(ctx(), n0, 'C', 'C', om))).toBe('NOT_LINKED');
    expect(code(neg.propose(ctx(), n0, 'C', 'Q', om))).toBe('UNKNOWN_REGION');
  });

  it('needs at least one clause', () => {
    expect(code(neg.propose(ctx(), n0, 'C', 'I', { openMarket: false, project: null }))).toBe('EMPTY_PROPOSAL');
  });

  it('the host must be a party and hostShare in [0, 1]', () => {
    expect(code(neg.propose(ctx(), n0, 'C', 'I', proj('F')))).toBe('INVALID_HOST');
    expect(code(neg.propose(ctx(), n0, 'C', 'I', proj('I', 1.2)))).toBe('INVALID_SHARE');
    expect(code(neg.propose(ctx(), n0, 'C', 'I', proj('I', -0.1)))).toBe('INVALID_SHARE');
    expect(code(neg.propose(ctx(), n0, 'C', 'I', proj('I', 0)))).toBeNull();
    expect(code(neg.propose(ctx(), n0, 'C', 'I', proj('I', 1)))).toBeNull();
    expect(code(neg.propose(ctx(), n0, 'C', 'I', proj('I', 0.5, -1)))).toBe('INVALID_PAYMENT');
  });

  it("caps the side payment at the host's Tprev (gdp-based), and at the consBase-based Tprev under D2", () => {
    const F = state.prev.F!;
    const capGdp = 0.5 * 0.13 * F.gdp;
    const capCons = 0.5 * 0.13 * F.consBase;
    expect(capCons).toBeLessThan(capGdp); // F consumes less than it produces
    expect(code(neg.propose(ctx(), n0, 'C', 'F', proj('F', 0.5, capGdp)))).toBeNull();
    const over = neg.propose(ctx(), n0, 'C', 'F', proj('F', 0.5, capGdp + 0.001));
    expect(code(over)).toBe('PAYMENT_TOO_LARGE');
    expect(!over.ok && over.error.message).toMatch(/exceeds the host's previous tax revenue/);
    const mid = (capGdp + capCons) / 2;
    expect(code(neg.propose(ctx(), n0, 'C', 'F', proj('F', 0.5, mid)))).toBeNull();
    expect(code(neg.propose(ctx(['D2']), n0, 'C', 'F', proj('F', 0.5, mid)))).toBe('PAYMENT_TOO_LARGE');
    expect(code(neg.propose(ctx(['D2']), n0, 'C', 'F', proj('F', 0.5, capCons)))).toBeNull();
    // The cap is the host's, not the proposer's: C's Tprev is far larger.
    expect(code(neg.propose(ctx(), n0, 'F', 'C', proj('C', 0.5, capGdp * 1.5)))).toBeNull();
  });

  it('replaces a pending proposal for the same ordered pair only', () => {
    let n = value(neg.propose(ctx(), n0, 'C', 'I', om)).neg;
    n = value(neg.propose(ctx(), n, 'I', 'C', proj('C'))).neg;
    n = value(neg.propose(ctx(), n, 'C', 'I', proj('I'))).neg;
    expect(n.proposals.map((p) => [p.id, p.status])).toEqual([
      ['p1-1', 'replaced'],
      ['p1-2', 'pending'],
      ['p1-3', 'pending'],
    ]);
  });
});

describe('accept, reject, counter, withdraw', () => {
  const base = () => {
    let n = neg.openNegotiation(2);
    n = value(neg.propose(ctx(), n, 'C', 'I', om)).neg; // p2-1
    n = value(neg.propose(ctx(), n, 'I', 'C', proj('I'))).neg; // p2-2
    n = value(neg.propose(ctx(), n, 'C', 'F', om)).neg; // p2-3
    return n;
  };

  it("only the recipient may accept; acceptance signs and supersedes the pair's other pending proposals", () => {
    const n = base();
    expect(code(neg.accept(ctx(), n, 'C', 'p2-1'))).toBe('NOT_RECIPIENT');
    const { neg: after, proposal } = value(neg.accept(ctx(), n, 'I', 'p2-1'));
    expect(proposal.status).toBe('signed');
    expect(status(after, 'p2-2')).toBe('superseded');
    expect(status(after, 'p2-3')).toBe('pending');
  });

  it('one signed proposal per pair per round: ALREADY_SIGNED', () => {
    const signed = value(neg.accept(ctx(), base(), 'I', 'p2-1')).neg;
    expect(code(neg.propose(ctx(), signed, 'I', 'C', om))).toBe('ALREADY_SIGNED');
    expect(code(neg.propose(ctx(), signed, 'C', 'I', proj('I')))).toBe('ALREADY_SIGNED');
    expect(code(neg.accept(ctx(), signed, 'C', 'p2-2'))).toBe('PROPOSAL_NOT_PENDING');
  });

  it('reject: only the recipient, and only a pending proposal', () => {
    const n = base();
    expect(code(neg.reject(n, 'C', 'p2-1'))).toBe('NOT_RECIPIENT');
    const after = value(neg.reject(n, 'I', 'p2-1')).neg;
    expect(status(after, 'p2-1')).toBe('rejected');
    expect(code(neg.reject(after, 'I', 'p2-1'))).toBe('PROPOSAL_NOT_PENDING');
    expect(code(neg.reject(after, 'I', 'p9-9'))).toBe('UNKNOWN_PROPOSAL');
  });

  it('counter marks the original countered and creates the reverse proposal', () => {
    const n = base();
    expect(code(neg.counter(ctx(), n, 'C', 'p2-3', proj('F')))).toBe('NOT_RECIPIENT');
    const { neg: after, proposal } = value(neg.counter(ctx(), n, 'F', 'p2-3', proj('F', 0.6), 'fairShare'));
    expect(status(after, 'p2-3')).toBe('countered');
    expect(proposal).toMatchObject({
      from: 'F',
      to: 'C',
      status: 'pending',
      counterOf: 'p2-3',
      message: 'fairShare',
      terms: proj('F', 0.6),
    });
    // An invalid counter leaves everything as it was.
    expect(code(neg.counter(ctx(), n, 'F', 'p2-3', proj('R')))).toBe('INVALID_HOST');
    expect(status(n, 'p2-3')).toBe('pending');
  });

  it('withdraw: only the proposer', () => {
    const n = base();
    expect(code(neg.withdraw(n, 'I', 'p2-1'))).toBe('NOT_PROPOSER');
    expect(status(value(neg.withdraw(n, 'C', 'p2-1')).neg, 'p2-1')).toBe('withdrawn');
  });

  it('close: pending proposals expire and every action is refused afterwards', () => {
    const signed = value(neg.accept(ctx(), base(), 'I', 'p2-1')).neg;
    const closed = neg.closeNegotiation(signed);
    expect(closed.open).toBe(false);
    expect(closed.proposals.map((p) => p.status)).toEqual(['signed', 'superseded', 'expired']);
    expect(code(neg.propose(ctx(), closed, 'C', 'F', om))).toBe('WRONG_PHASE');
    expect(code(neg.accept(ctx(), closed, 'F', 'p2-3'))).toBe('WRONG_PHASE');
    expect(code(neg.reject(closed, 'F', 'p2-3'))).toBe('WRONG_PHASE');
    expect(code(neg.counter(ctx(), closed, 'F', 'p2-3', om))).toBe('WRONG_PHASE');
    expect(code(neg.withdraw(closed, 'C', 'p2-3'))).toBe('WRONG_PHASE');
  });
});

describe('signedAgreements', () => {
  it("ids r{round}-{a}-{b}-{type}, pairs in map order, a pair's project before its open market", () => {
    let n = neg.openNegotiation(3);
    const both = (host: string, sidePayment = 0): neg.ProposalTerms => ({
      openMarket: true,
      project: { host, hostShare: 0.3, sidePayment },
    });
    n = value(neg.propose(ctx(), n, 'F', 'I', both('I', 0.1))).neg; // p3-1: I-F in map order
    n = value(neg.propose(ctx(), n, 'R', 'C', om)).neg; // p3-2
    n = value(neg.propose(ctx(), n, 'I', 'C', both('C'))).neg; // p3-3
    n = value(neg.propose(ctx(), n, 'C', 'F', proj('F'))).neg; // p3-4, left pending
    for (const [by, id] of [
      ['I', 'p3-1'],
      ['C', 'p3-2'],
      ['C', 'p3-3'],
    ] as const)
      n = value(neg.accept(ctx(), n, by, id)).neg;
    const ags = neg.signedAgreements(rules, neg.closeNegotiation(n));
    expect(ags.map((a) => a.id)).toEqual([
      'r3-C-I-project',
      'r3-C-I-openMarket',
      'r3-C-R-openMarket',
      'r3-I-F-project',
      'r3-I-F-openMarket',
    ]);
    expect(ags[3]).toEqual({
      id: 'r3-I-F-project',
      type: 'project',
      a: 'I',
      b: 'F',
      host: 'I',
      hostShare: 0.3,
      sidePayment: 0.1,
    });
    expect(ags[2]).toEqual({
      id: 'r3-C-R-openMarket',
      type: 'openMarket',
      a: 'C',
      b: 'R',
      host: null,
      hostShare: null,
      sidePayment: 0,
    });
  });
});
