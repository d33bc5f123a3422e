// The commands of a student seat (docs/rules.md sections 5-6): one handler per command, checked against the phase.
// The handler map is typed over every student command, so the compiler rejects a command without a handler.
import { fail, ok, type Result } from '../errors.js';
import { markDone, negotiate, setDraft, submitDecision, type NegotiationAction, type WorldLive } from '../world.js';
import type { CommandOf, StudentCommandType } from './commands.js';
import { botsAnswer } from './phases.js';
import type { Seat, SeatActKind, SessionState } from './state.js';

export type StudentHandler<T extends StudentCommandType> = (
  state: SessionState,
  seat: Seat,
  cmd: CommandOf<T>,
) => Result<SessionState>;
export type StudentHandlers = { [T in StudentCommandType]: StudentHandler<T> };

export function withWorld(
  state: SessionState,
  index: number,
  f: (w: WorldLive) => Result<WorldLive>,
): Result<SessionState> {
  const w = state.worlds[index];
  if (!w) return fail('WRONG_PHASE', 'the game has not started');
  const r = f(w);
  if (!r.ok) return r;
  const worlds = state.worlds.slice();
  worlds[index] = r.value;
  return ok({ ...state, worlds });
}

function inPhase(state: SessionState, phase: 'negotiate' | 'decide'): Result<SessionState> | null {
  if (state.phase === phase) return null;
  return fail(
    'WRONG_PHASE',
    phase === 'negotiate'
      ? 'proposals can only be made while negotiating'
      : 'decisions can only be made in the decide phase',
  );
}

/** Records who acted for a region, so that its teammates see it. */
function acted(state: SessionState, seat: Seat, kind: SeatActKind, proposal: string | null): SessionState {
  return {
    ...state,
    acts: [...state.acts, { world: seat.world, region: seat.region, seatId: seat.id, kind, proposal }],
  };
}

/**
 * A negotiation step, recorded with its seat; a proposal to a bot's region is answered at once by that bot. A new
 * proposal (propose, counter) is the last one of the world's list before the bots answer.
 */
function negotiation(state: SessionState, seat: Seat, action: NegotiationAction) {
  const wrong = inPhase(state, 'negotiate');
  if (wrong) return wrong;
  const r = withWorld(state, seat.world, (w) => negotiate(state.config, w, action));
  if (!r.ok) return r;
  const made = action.kind === 'propose' || action.kind === 'counter';
  const proposal = made
    ? (r.value.worlds[seat.world]?.current?.negotiation.proposals.at(-1)?.id ?? null)
    : action.proposalId;
  const next = acted(r.value, seat, action.kind, proposal);
  return ok(made ? botsAnswer(next, seat.world) : next);
}

export const STUDENT_HANDLERS: StudentHandlers = {
  'proposal:submit': (state, seat, cmd) =>
    negotiation(state, seat, {
      kind: 'propose',
      from: seat.region,
      to: cmd.to,
      terms: cmd.terms,
      message: cmd.message ?? null,
    }),
  'proposal:accept': (state, seat, cmd) =>
    negotiation(state, seat, { kind: 'accept', by: seat.region, proposalId: cmd.proposalId }),
  'proposal:reject': (state, seat, cmd) =>
    negotiation(state, seat, { kind: 'reject', by: seat.region, proposalId: cmd.proposalId }),
  'proposal:counter': (state, seat, cmd) =>
    negotiation(state, seat, {
      kind: 'counter',
      by: seat.region,
      proposalId: cmd.proposalId,
      terms: cmd.terms,
      message: cmd.message ?? null,
    }),
  'proposal:withdraw': (state, seat, cmd) =>
    negotiation(state, seat, { kind: 'withdraw', by: seat.region, proposalId: cmd.proposalId }),
  'negotiation:done': (state, seat, cmd) =>
    inPhase(state, 'negotiate') ?? withWorld(state, seat.world, (w) => markDone(w, seat.region, cmd.done)),
  'decision:draft': (state, seat, cmd) =>
    inPhase(state, 'decide') ??
    withWorld(state, seat.world, (w) => setDraft(state.config, w, seat.region, cmd.decision)),
  'decision:submit': (state, seat, cmd) => {
    const r =
      inPhase(state, 'decide') ??
      withWorld(state, seat.world, (w) => submitDecision(state.config, w, seat.region, cmd.decision, 'human'));
    return r.ok ? ok(acted(r.value, seat, 'submit', null)) : r;
  },
};
