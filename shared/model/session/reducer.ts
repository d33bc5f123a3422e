// The session reducer: applyCommand(state, actor, command, at) -> new state or a rule error. Pure and
// deterministic: the server stamps `at` and logs every accepted command, so replaying the log rebuilds the
// session exactly. This is the one place where every command is checked against role, seat, world and phase.
// Each kind of command has a handler map typed over all its commands (hostCommands.ts, studentCommands.ts and
// SYSTEM_HANDLERS below), so the compiler rejects a command that has no handler.
import { fail, ok, type Result } from '../errors.js';
import {
  isHostCommandType,
  isStudentCommandType,
  type Actor,
  type CommandOf,
  type HostCommandType,
  type SessionCommand,
  type StudentCommandType,
  type SystemCommandType,
} from './commands.js';
import { HOST_HANDLERS } from './hostCommands.js';
import { advance, everyoneReady } from './phases.js';
import { cleanName, placeNext, uniqueName } from './seats.js';
import type { Seat, SessionState } from './state.js';
import { STUDENT_HANDLERS } from './studentCommands.js';

export type SystemHandler<T extends SystemCommandType> = (
  state: SessionState,
  cmd: CommandOf<T>,
  at: number,
) => Result<SessionState>;
export type SystemHandlers = { [T in SystemCommandType]: SystemHandler<T> };

export function applyCommand(state: SessionState, actor: Actor, cmd: SessionCommand, at: number): Result<SessionState> {
  const r = dispatch(state, actor, cmd, at);
  if (!r.ok) return r;
  let next = { ...r.value, seq: state.seq + 1 };
  // Early end: a phase closes as soon as every region with a student is ready.
  if (!next.paused && everyoneReady(next)) next = advance(next, at);
  return ok(next);
}

function dispatch(state: SessionState, actor: Actor, cmd: SessionCommand, at: number): Result<SessionState> {
  if (state.phase === 'ended') return fail('SESSION_ENDED', 'the session has ended');
  if (isHostCommand(cmd)) {
    return actor.kind === 'host' ? hostCommand(state, cmd, at) : fail('FORBIDDEN', 'only the instructor can do that');
  }
  if (isStudentCommand(cmd)) {
    if (actor.kind !== 'seat') return fail('FORBIDDEN', 'only a student seat can do that');
    return studentCommand(state, actor.seatId, cmd);
  }
  return systemCommand(state, actor, cmd, at);
}

function isHostCommand(cmd: SessionCommand): cmd is CommandOf<HostCommandType> {
  return isHostCommandType(cmd.type);
}

function isStudentCommand(cmd: SessionCommand): cmd is CommandOf<StudentCommandType> {
  return isStudentCommandType(cmd.type);
}

function hostCommand<T extends HostCommandType>(state: SessionState, cmd: CommandOf<T>, at: number) {
  return HOST_HANDLERS[cmd.type](state, cmd, at);
}

function studentCommand<T extends StudentCommandType>(state: SessionState, seatId: string, cmd: CommandOf<T>) {
  const seat = state.seats.find((s) => s.id === seatId);
  if (!seat) return fail('UNAUTHORIZED', 'this seat does not exist');
  if (seat.kicked) return fail('KICKED', 'the instructor has removed this seat');
  if (state.paused) return fail('PAUSED', 'the game is paused');
  return STUDENT_HANDLERS[cmd.type](state, seat, cmd);
}

function systemCommand<T extends SystemCommandType>(state: SessionState, actor: Actor, cmd: CommandOf<T>, at: number) {
  if (actor.kind !== 'system') return fail('FORBIDDEN', SYSTEM_ONLY[cmd.type]);
  return SYSTEM_HANDLERS[cmd.type](state, cmd, at);
}

const SYSTEM_ONLY: Record<SystemCommandType, string> = {
  'session:join': 'joining goes through the join endpoint',
  'phase:timeout': 'only the server clock ends phases',
  'system:resume': 'only the server resumes sessions',
};

export const SYSTEM_HANDLERS: SystemHandlers = {
  'session:join': (state, cmd, at) => join(state, cmd.name, at),
  'phase:timeout': (state, cmd, at) => {
    if (
      state.paused ||
      state.round !== cmd.round ||
      state.phase !== cmd.phase ||
      state.deadline === null ||
      state.deadline > at
    ) {
      return fail('STALE', 'the phase has already changed');
    }
    return ok(advance(state, at, cmd.takeover ?? []));
  },
  'system:resume': (state, cmd) => ok(state.deadline === null ? state : { ...state, deadline: cmd.deadline }),
};

function join(state: SessionState, rawName: string, at: number): Result<SessionState> {
  if (state.locked) return fail('LOBBY_LOCKED', 'the instructor has locked the session: no new players can join');
  const name = cleanName(rawName);
  if (!name.ok) return name;
  const place = placeNext(state);
  const seat: Seat = {
    id: `s${state.nextSeat}`,
    name: uniqueName(state, name.value),
    world: place.world,
    region: place.region,
    joinedAt: new Date(at).toISOString(),
    kicked: false,
  };
  return ok({ ...state, seats: [...state.seats, seat], nextSeat: state.nextSeat + 1, worldCount: place.worldCount });
}
