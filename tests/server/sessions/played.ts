// A session state as the reducer leaves it after some play, for snapshot tests and the recovery measurement: seats
// in every world, rounds resolved (history, metrics, the log's events), and a round in negotiation with a proposal.
import { SessionConfigSchema } from '../../../shared/model/config.js';
import type { Actor, SessionCommand } from '../../../shared/model/session/commands.js';
import { applyCommand } from '../../../shared/model/session/reducer.js';
import { createSessionState, type SessionState } from '../../../shared/model/session/state.js';

const T0 = 1_700_000_000_000;

function apply(state: SessionState, cmd: SessionCommand, actor: Actor = { kind: 'host' }): SessionState {
  const r = applyCommand(state, actor, cmd, T0 + state.seq * 1000);
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code}`);
  return r.value;
}

/** `students` seats over `worlds` worlds of the 4-region map, `rounds` rounds resolved, the next one negotiating. */
export function playedState(students: number, worlds: number, rounds: number): SessionState {
  const config = SessionConfigSchema.parse({
    map: '4-single',
    rounds: rounds + 1,
    worlds: { count: worlds },
    arms: [{ name: 'Baseline', schedule: [{ fromRound: 1, treatments: [] }] }],
  });
  let s = createSessionState({ code: 'SNAPSH', seed: 'snapshot', createdAt: new Date(T0).toISOString(), config });
  for (let i = 0; i < students; i++) s = apply(s, { type: 'session:join', name: `Student ${i}` }, { kind: 'system' });
  s = apply(s, { type: 'host:start' });
  while (s.round <= rounds) s = apply(s, { type: 'host:endPhase' });
  while (s.phase !== 'negotiate') s = apply(s, { type: 'host:endPhase' });
  const seat = s.seats[0];
  const to = s.seats.find((x) => x.world === seat?.world && x.region !== seat?.region);
  if (!seat || !to) throw new Error('no two regions in a world');
  const terms = { openMarket: true, project: { host: seat.region, hostShare: 0.6, sidePayment: 0 } };
  return apply(s, { type: 'proposal:submit', to: to.region, terms, message: null }, { kind: 'seat', seatId: seat.id });
}
