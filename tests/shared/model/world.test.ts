// A live world: the round life cycle, default decisions, and invalid commands that are rejected with a reason
// and leave the world exactly as it was.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseConfig, type SessionConfig } from '../../../shared/model/config.js';
import type { Decision } from '../../../shared/model/state.js';
import {
  beginRound,
  closeNegotiation,
  createWorld,
  finishRound,
  markDone,
  negotiate,
  setDraft,
  submitDecision,
  type NegotiationAction,
  type WorldLive,
} from '../../../shared/model/world.js';

const parsed = parseConfig({
  map: '4-single',
  rounds: 4,
  arms: [
    {
      name: 'x',
      schedule: [
        { fromRound: 1, treatments: [] },
        { fromRound: 3, treatments: ['B', 'E'] },
      ],
    },
  ],
});
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const cfg: SessionConfig = parsed.value;

function must(r: ReturnType<typeof negotiate>): WorldLive {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A world in the decide phase of round 1 with a signed C-I project and C-F open market. */
function decidePhase(): WorldLive {
  let w = beginRound(createWorld(cfg, 'w', 0), []);
  w = must(
    negotiate(cfg, w, {
      kind: 'propose',
      from: 'C',
      to: 'I',
      terms: { openMarket: false, project: { host: 'I', hostShare: 0.5, sidePayment: 0 } },
    }),
  );
  w = must(negotiate(cfg, w, { kind: 'accept', by: 'I', proposalId: 'p1-1' }));
  w = must(negotiate(cfg, w, { kind: 'propose', from: 'F', to: 'C', terms: { openMarket: true, project: null } }));
  w = must(negotiate(cfg, w, { kind: 'accept', by: 'C', proposalId: 'p1-2' }));
  return closeNegotiation(cfg, w);
}

describe('round life cycle', () => {
  it("creates a world from the session seed and the arm's map", () => {
    const w = createWorld(cfg, 'S', 3);
    expect([w.seed, w.arm, w.mapId, w.state.round, w.history.length, w.current]).toEqual([
      'S:3',
      0,
      '4-single',
      0,
      0,
      null,
    ]);
    expect(w.initial).toEqual(w.state.prev);
  });

  it('refuses commands in the wrong phase', () => {
    const idle = createWorld(cfg, 'S', 0);
    const act = negotiate(cfg, idle, {
      kind: 'propose',
      from: 'C',
      to: 'I',
      terms: { openMarket: true, project: null },
    });
    expect(!act.ok && act.error.code).toBe('WRONG_PHASE');
    const early = submitDecision(cfg, beginRound(idle, []), 'C', { invest: 'AUTO', barriers: [], comply: {} }, 'human');
    expect(!early.ok && early.error.code).toBe('WRONG_PHASE');
    expect(!markDone(idle, 'C', true).ok).toBe(true);
  });

  it('submissions are normalised; the last one counts; regions without one get the defaults', () => {
    let w = decidePhase();
    expect(w.current!.agreements!.map((a) => a.id)).toEqual(['r1-C-I-project', 'r1-C-F-openMarket']);
    w = must(submitDecision(cfg, w, 'C', { invest: 'AUTO', barriers: ['R', 'I'], comply: {} }, 'human'));
    w = must(
      submitDecision(
        cfg,
        w,
        'C',
        { invest: 'ELEC', barriers: ['R', 'F'], comply: { 'r1-C-I-project': 'breach' } },
        'human',
      ),
    );
    expect(w.current!.submitted.C).toEqual({
      invest: 'ELEC',
      barriers: ['F', 'R'],
      comply: { 'r1-C-I-project': 'breach' },
      source: 'human',
    });
    w = finishRound(cfg, w);
    const rec = w.history[0]!;
    expect(rec.decisions.C!.source).toBe('human');
    expect(rec.decisions.I).toEqual({
      invest: 'AUTO',
      barriers: [],
      comply: { 'r1-C-I-project': 'honour' },
      source: 'default',
    });
    expect(rec.results.regions.C!.breaches).toBe(2); // the project and the C-F open market
    expect(w.current).toBeNull();
    expect(w.state.round).toBe(1);
    // Round 2 defaults repeat last round's choices.
    w = finishRound(cfg, beginRound(w, []));
    expect(w.history[1]!.decisions.C).toMatchObject({ invest: 'ELEC', barriers: ['F', 'R'], source: 'default' });
  });
});

const badDecisionArb: fc.Arbitrary<[string, Decision, string]> = fc.oneof(
  fc
    .constantFrom('STEEL', 'auto', '')
    .map((s): [string, Decision, string] => ['C', { invest: s, barriers: [], comply: {} }, 'INVALID_INVEST']),
  fc
    .constantFrom('C', 'I', 'F', 'R')
    .map((id): [string, Decision, string] => [id, { invest: 'AUTO', barriers: [id], comply: {} }, 'INVALID_BARRIER']),
  fc
    .constantFrom('Q', 'X1', 'c')
    .map((t): [string, Decision, string] => ['I', { invest: 'AUTO', barriers: [t], comply: {} }, 'INVALID_BARRIER']),
  fc
    .constantFrom('I', 'F', 'R')
    .map((t): [string, Decision, string] => ['C', { invest: 'AUTO', barriers: [t, t], comply: {} }, 'INVALID_BARRIER']),
  fc
    .constantFrom('r1-C-F-openMarket', 'r1-I-F-project', 'r2-C-I-project')
    .map((id): [string, Decision, string] => [
      'F',
      { invest: 'FOOD', barriers: [], comply: { [id]: 'breach' } },
      'INVALID_COMPLY',
    ]),
  fc.constant<[string, Decision, string]>(['Z', { invest: 'AUTO', barriers: [], comply: {} }, 'UNKNOWN_REGION']),
);

describe('invalid commands', () => {
  it('an invalid decision or draft is rejected with a code and a message and changes nothing', () => {
    const w = decidePhase();
    fc.assert(
      fc.property(badDecisionArb, fc.boolean(), ([region, decision, code], asDraft) => {
        const before = structuredClone(w);
        const inputBefore = structuredClone(decision);
        const r = asDraft ? setDraft(cfg, w, region, decision) : submitDecision(cfg, w, region, decision, 'human');
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.code).toBe(code);
        expect(r.error.message.length).toBeGreaterThan(10);
        expect(w).toEqual(before);
        expect(decision).toEqual(inputBefore);
      }),
      { numRuns: 100 },
    );
  });

  it('a negotiation action either succeeds without touching the old world or fails and changes nothing', () => {
    const ids = ['C', 'I', 'F', 'R', 'Q'];
    const actionArb: fc.Arbitrary<NegotiationAction> = fc.oneof(
      fc
        .record({
          from: fc.constantFrom(...ids),
          to: fc.constantFrom(...ids),
          om: fc.boolean(),
          host: fc.constantFrom(...ids),
          share: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
          pay: fc.double({ min: -1, max: 5, noNaN: true }),
          withProject: fc.boolean(),
        })
        .map((a): NegotiationAction => ({
          kind: 'propose',
          from: a.from,
          to: a.to,
          terms: {
            openMarket: a.om,
            project: a.withProject ? { host: a.host, hostShare: a.share, sidePayment: a.pay } : null,
          },
        })),
      fc
        .record({
          kind: fc.constantFrom('accept', 'reject', 'withdraw'),
          by: fc.constantFrom(...ids),
          n: fc.integer({ min: 1, max: 4 }),
        })
        .map((a): NegotiationAction => ({ kind: a.kind, by: a.by, proposalId: `p1-${a.n}` })),
    );
    let failures = 0;
    let successes = 0;
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 10 }), (actions) => {
        let w = beginRound(createWorld(cfg, 'n', 0), []);
        for (const action of actions) {
          const before = structuredClone(w);
          const r = negotiate(cfg, w, action);
          expect(w).toEqual(before);
          if (r.ok) {
            w = r.value;
            successes++;
          } else {
            failures++;
            expect(r.error.code).toMatch(/^[A-Z_]+$/);
            expect(r.error.message.length).toBeGreaterThan(5);
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(failures).toBeGreaterThan(0);
    expect(successes).toBeGreaterThan(0);
  });
});
