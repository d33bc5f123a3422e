// Who acted for a region: the reducer records the seat of every proposal, answer and submission (the seat comes from
// the command's actor, which the log keeps), a region's seats see their own region's acts with the seat's name,
// nobody else's; the projector sees none; a new round starts with none.
import { describe, expect, it } from 'vitest';
import { SessionConfigSchema } from '../../../../shared/model/config.js';
import type { Actor, SessionCommand } from '../../../../shared/model/session/commands.js';
import { applyCommand } from '../../../../shared/model/session/reducer.js';
import { createSessionState, type SessionState } from '../../../../shared/model/session/state.js';
import { sessionView } from '../../../../shared/model/session/view.js';
import { parseSnapshotState } from '../../../../server/sessions/snapshot.js';

const T0 = 1_700_000_000_000;
const CONFIG = SessionConfigSchema.parse({
  map: '4-single',
  rounds: 2,
  worlds: { count: 1 },
  arms: [{ name: 'Baseline', schedule: [{ fromRound: 1, treatments: [] }] }],
});

function apply(state: SessionState, cmd: SessionCommand, actor: Actor = { kind: 'host' }): SessionState {
  const r = applyCommand(state, actor, cmd, T0);
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code}`);
  return r.value;
}

/** Li and Wu share region C; Ana plays I; the game is in round 1's negotiate phase. */
function team(): { s: SessionState; li: Actor; wu: Actor; ana: Actor } {
  let s = createSessionState({ code: 'ACDEFG', seed: 'acts', createdAt: new Date(T0).toISOString(), config: CONFIG });
  for (const name of ['Li', 'Ana', 'Wu']) s = apply(s, { type: 'session:join', name }, { kind: 'system' });
  const [li, ana, wu] = s.seats;
  if (!li || !ana || !wu) throw new Error('seats');
  s = apply(s, { type: 'host:moveSeat', seatId: li.id, world: 0, region: 'C' });
  s = apply(s, { type: 'host:moveSeat', seatId: wu.id, world: 0, region: 'C' });
  s = apply(s, { type: 'host:moveSeat', seatId: ana.id, world: 0, region: 'I' });
  s = apply(s, { type: 'host:start' });
  s = apply(s, { type: 'host:endPhase' });
  expect(s.phase).toBe('negotiate');
  const seat = (id: string): Actor => ({ kind: 'seat', seatId: id });
  return { s, li: seat(li.id), wu: seat(wu.id), ana: seat(ana.id) };
}

const OPEN = { openMarket: true, project: null };
const actsOf = (s: SessionState, world: number, region: string) =>
  sessionView(s, { kind: 'region', world, region }).acts.map((a) => [a.name, a.kind, a.proposal]);

describe('seats’ acts', () => {
  it('teammates see who proposed, who answered and who submitted; other regions and the projector do not', () => {
    const start = team();
    const { li, wu, ana } = start;
    let s = start.s;
    s = apply(s, { type: 'proposal:submit', to: 'C', terms: OPEN }, ana);
    const offer = s.worlds[0]?.current?.negotiation.proposals.at(-1)?.id ?? '';
    s = apply(s, { type: 'proposal:counter', proposalId: offer, terms: OPEN }, wu);
    const counter = s.worlds[0]?.current?.negotiation.proposals.at(-1)?.id ?? '';
    expect(counter).not.toBe(offer);
    s = apply(s, { type: 'proposal:accept', proposalId: counter }, ana);
    expect(actsOf(s, 0, 'C')).toEqual([['Wu', 'counter', counter]]);
    expect(actsOf(s, 0, 'I')).toEqual([
      ['Ana', 'propose', offer],
      ['Ana', 'accept', counter],
    ]);
    expect(sessionView(s, { kind: 'projector' }).acts).toEqual([]);
    expect(sessionView(s, { kind: 'host' }).acts).toHaveLength(3);
    s = apply(s, { type: 'host:endPhase' });
    const invest = Object.keys(s.worlds[0]?.state.K['C'] ?? {})[0] ?? '';
    s = apply(s, { type: 'decision:submit', decision: { invest, barriers: [], comply: {} } }, li);
    expect(actsOf(s, 0, 'C').at(-1)).toEqual(['Li', 'submit', null]);
    // Results, then the next round's briefing: the acts start again.
    while (s.round === 1) s = apply(s, { type: 'host:endPhase' });
    expect(s.acts).toEqual([]);
  });

  it('a refused command records nothing; a proposal records the proposal it made', () => {
    const { s, wu } = team();
    const r = applyCommand(s, wu, { type: 'proposal:accept', proposalId: 'p1-99' }, T0);
    expect(r.ok).toBe(false);
    const after = apply(s, { type: 'proposal:submit', to: 'I', terms: OPEN }, wu);
    const made = after.worlds[0]?.current?.negotiation.proposals.filter((p) => p.from === 'C' && p.to === 'I');
    expect(made).toHaveLength(1);
    expect(after.acts).toEqual([
      { world: 0, region: 'C', seatId: s.seats[2]?.id, kind: 'propose', proposal: made?.[0]?.id },
    ]);
  });

  it('views made one after another show every act once, with current names; a view made earlier keeps its acts', () => {
    const start = team();
    const { li, wu, ana } = start;
    let s = start.s;
    const earlier = sessionView(s, { kind: 'host' });
    s = apply(s, { type: 'proposal:submit', to: 'C', terms: OPEN }, ana);
    const first = sessionView(s, { kind: 'host' });
    s = apply(s, { type: 'proposal:submit', to: 'I', terms: OPEN }, wu);
    s = apply(s, { type: 'proposal:submit', to: 'I', terms: OPEN }, li);
    expect(actsOf(s, 0, 'C').map((a) => a[0])).toEqual(['Wu', 'Li']);
    expect(earlier.acts).toEqual([]);
    expect(first.acts.map((a) => a.name)).toEqual(['Ana']);
    const liId = s.seats[0]?.id ?? '';
    s = apply(s, { type: 'host:renameSeat', seatId: liId, name: 'Lin' });
    expect(sessionView(s, { kind: 'host' }).acts.map((a) => a.name)).toEqual(['Ana', 'Wu', 'Lin']);
    // An older state of the session still gets its own acts.
    expect(sessionView(start.s, { kind: 'host' }).acts).toEqual([]);
    expect(actsOf(s, 0, 'I').map((a) => a[0])).toEqual(['Ana']);
  });

  it('a snapshot without acts (written before they were recorded) is not used: the log rebuilds them', () => {
    const { s } = team();
    expect(parseSnapshotState(JSON.parse(JSON.stringify(s)))).not.toBeNull();
    const { acts: _acts, ...old } = s;
    expect(parseSnapshotState(JSON.parse(JSON.stringify(old)))).toBeNull();
  });
});
