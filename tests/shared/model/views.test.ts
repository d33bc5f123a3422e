// docs/rules.md section 8: what each person may see. A region sees its own proposals, draft and decision only; the projector
// sees public data only; the host sees everything.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseConfig, type SessionConfig } from '../../../shared/model/config.js';
import { worldView, type Viewer } from '../../../shared/model/views.js';
import {
  beginRound,
  closeNegotiation,
  createWorld,
  finishRound,
  negotiate,
  setDraft,
  submitDecision,
  type WorldLive,
} from '../../../shared/model/world.js';

const parsed = parseConfig({
  map: '4-single',
  rounds: 3,
  arms: [{ name: 'x', schedule: [{ fromRound: 1, treatments: [] }] }],
});
if (!parsed.ok) throw new Error('config');
const cfg: SessionConfig = parsed.value;
const IDS = ['C', 'I', 'F', 'R'];
const SECTORS = ['AUTO', 'ELEC', 'FOOD', 'CHEM'];
const PAIRS: [string, string][] = [
  ['C', 'I'],
  ['C', 'F'],
  ['C', 'R'],
  ['I', 'F'],
  ['I', 'C'],
  ['F', 'C'],
  ['R', 'C'],
  ['F', 'I'],
  ['I', 'R'],
];

const scenarioArb = fc.record({
  history: fc.boolean(),
  proposals: fc.array(
    fc.record({ pair: fc.nat(PAIRS.length - 1), om: fc.boolean(), project: fc.boolean(), hostFirst: fc.boolean() }),
    { maxLength: 8 },
  ),
  answers: fc.array(fc.record({ pick: fc.nat(20), kind: fc.constantFrom('accept', 'reject', 'counter', 'withdraw') }), {
    maxLength: 6,
  }),
  close: fc.boolean(),
  drafts: fc.array(
    fc.record({ region: fc.nat(3), submit: fc.boolean(), invest: fc.constantFrom(...SECTORS), block: fc.nat(3) }),
    { maxLength: 6 },
  ),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): WorldLive {
  let w = createWorld(cfg, 'views', 0);
  if (s.history) w = finishRound(cfg, beginRound(w, []));
  w = beginRound(w, []);
  const tryApply = (r: ReturnType<typeof negotiate>) => {
    if (r.ok) w = r.value;
  };
  for (const p of s.proposals) {
    const [from, to] = PAIRS[p.pair]!;
    const terms = {
      openMarket: p.om || !p.project,
      project: p.project ? { host: p.hostFirst ? from : to, hostShare: 0.5, sidePayment: 0 } : null,
    };
    tryApply(negotiate(cfg, w, { kind: 'propose', from, to, terms }));
  }
  for (const a of s.answers) {
    const list = w.current!.negotiation.proposals;
    const p = list[a.pick % Math.max(1, list.length)];
    if (!p) break;
    const by = a.kind === 'withdraw' ? p.from : p.to;
    if (a.kind === 'counter')
      tryApply(
        negotiate(cfg, w, { kind: 'counter', by, proposalId: p.id, terms: { openMarket: true, project: null } }),
      );
    else tryApply(negotiate(cfg, w, { kind: a.kind, by, proposalId: p.id }));
  }
  if (!s.close) return w;
  w = closeNegotiation(cfg, w);
  for (const d of s.drafts) {
    const id = IDS[d.region]!;
    const other = IDS[(d.region + 1 + d.block) % 4]!;
    const decision = { invest: d.invest, barriers: other === id ? [] : [other], comply: {} };
    const r = d.submit ? submitDecision(cfg, w, id, decision, 'human') : setDraft(cfg, w, id, decision);
    if (r.ok) w = r.value;
  }
  return w;
}

describe('worldView', () => {
  it('a region sees only its own proposals, draft and decision', () => {
    let hidden = 0;
    let privateDrafts = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const w = build(s);
        const all = w.current!.negotiation.proposals;
        for (const id of IDS) {
          const v = worldView(cfg, w, { kind: 'region', regionId: id });
          const cur = v.current!;
          const mine = all.filter((p) => p.from === id || p.to === id);
          expect(cur.proposals).toEqual(mine);
          expect(Object.keys(cur.drafts).every((k) => k === id)).toBe(true);
          expect(Object.keys(cur.decisions).every((k) => k === id)).toBe(true);
          if (w.current!.drafts[id]) expect(cur.drafts[id]).toEqual(w.current!.drafts[id]);
          const text = JSON.stringify(v);
          for (const p of all) {
            if (mine.includes(p)) continue;
            hidden++;
            expect(text).not.toContain(`"${p.id}"`);
          }
          for (const other of Object.keys(w.current!.drafts)) if (other !== id) privateDrafts++;
          expect(Object.keys(cur.drafts)).not.toContain(IDS.find((x) => x !== id && w.current!.drafts[x]) ?? '-');
        }
      }),
      { numRuns: 150 },
    );
    // The property was exercised: there were proposals and drafts to hide.
    expect(hidden).toBeGreaterThan(0);
    expect(privateDrafts).toBeGreaterThan(0);
  });

  it('the projector sees no proposals, drafts or decisions; the host sees them all', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const w = build(s);
        const projector = worldView(cfg, w, { kind: 'projector' }).current!;
        expect(projector.proposals).toEqual([]);
        expect(projector.drafts).toEqual({});
        expect(projector.decisions).toEqual({});
        const host = worldView(cfg, w, { kind: 'host' }).current!;
        expect(host.proposals).toEqual(w.current!.negotiation.proposals);
        expect(host.drafts).toEqual(w.current!.drafts);
        expect(host.decisions).toEqual(w.current!.submitted);
      }),
      { numRuns: 100 },
    );
  });

  it('public data is the same for every viewer: figures, signed agreements, who submitted, history', () => {
    const w = build({
      history: true,
      proposals: [{ pair: 0, om: true, project: false, hostFirst: true }],
      answers: [{ pick: 0, kind: 'accept' }],
      close: true,
      drafts: [{ region: 2, submit: true, invest: 'AUTO', block: 0 }],
    });
    const viewers: Viewer[] = [{ kind: 'projector' }, { kind: 'host' }, { kind: 'region', regionId: 'R' }];
    const views = viewers.map((v) => worldView(cfg, w, v));
    for (const v of views) {
      expect(v.regions).toEqual(views[0]!.regions);
      expect(v.history).toEqual(views[0]!.history);
      expect(v.current!.agreements.map((a) => a.id)).toEqual(['r2-C-I-openMarket']);
      expect(v.current!.submitted).toEqual({ C: false, I: false, F: true, R: false });
    }
    expect(views[0]!.history).toHaveLength(1);
  });
});
