// The instructor's commands: one handler per command. The handler map is typed over every host command, so the
// compiler rejects a command without a handler.
import { armMap } from '../config.js';
import { fail, ok, type Result } from '../errors.js';
import { flagsOf, isSwitchable, sortTreatments } from '../ids.js';
import type { CommandOf, HostCommandType } from './commands.js';
import { advance } from './phases.js';
import { normaliseText, textProblem } from '../text.js';
import { cleanName, uniqueName, worldRegions } from './seats.js';
import { regionKey, type Seat, type SessionState } from './state.js';

const MAX_ANNOUNCEMENTS = 20;

export type HostHandler<T extends HostCommandType> = (
  state: SessionState,
  cmd: CommandOf<T>,
  at: number,
) => Result<SessionState>;
export type HostHandlers = { [T in HostCommandType]: HostHandler<T> };

function updateSeat(state: SessionState, seatId: string, f: (s: Seat) => Seat): Result<SessionState> {
  const seat = state.seats.find((s) => s.id === seatId);
  if (!seat) return fail('NOT_FOUND', `there is no seat ${seatId}`);
  return ok({ ...state, seats: state.seats.map((s) => (s.id === seatId ? f(s) : s)) });
}

export const HOST_HANDLERS: HostHandlers = {
  'host:start': (state, _cmd, at) =>
    state.phase === 'lobby' ? ok(advance(state, at)) : fail('WRONG_PHASE', 'the game has already started'),
  'host:pause': (state, _cmd, at) => {
    if (state.phase === 'lobby') return fail('WRONG_PHASE', 'the game has not started');
    if (state.paused) return fail('ALREADY_PAUSED', 'the game is already paused');
    return ok({ ...state, paused: true, remainingMs: Math.max(0, (state.deadline ?? at) - at), deadline: null });
  },
  'host:resume': (state, _cmd, at) => {
    if (!state.paused) return fail('NOT_PAUSED', 'the game is not paused');
    return ok({ ...state, paused: false, deadline: at + (state.remainingMs ?? 0), remainingMs: null });
  },
  'host:addTime': (state, cmd, at) => {
    if (state.phase === 'lobby') return fail('WRONG_PHASE', 'the game has not started');
    const ms = cmd.seconds * 1000;
    return ok(
      state.paused
        ? { ...state, remainingMs: (state.remainingMs ?? 0) + ms }
        : { ...state, deadline: Math.max(at, state.deadline ?? at) + ms },
    );
  },
  'host:endPhase': (state, cmd, at) => {
    if (state.phase === 'lobby') return fail('WRONG_PHASE', 'start the game first');
    return ok(advance(state, at, cmd.takeover ?? []));
  },
  'host:advance': (state, cmd, at) => ok(advance(state, at, state.phase === 'lobby' ? [] : (cmd.takeover ?? []))),
  'host:setReforms': (state, cmd) => {
    if (flagsOf(cmd.treatments).C)
      return fail('REFORM_FIXED', 'C (multi-centre map) is chosen when a world is created and cannot be switched');
    if (cmd.arm !== null && !state.config.arms[cmd.arm]) return fail('NOT_FOUND', `there is no arm ${cmd.arm}`);
    const fromRound = state.phase === 'lobby' ? 1 : state.round + 1;
    if (fromRound > state.config.rounds)
      return fail('WRONG_PHASE', 'this is the last round: there is no next round to change');
    const treatments = sortTreatments(cmd.treatments.filter(isSwitchable));
    const overrides = [
      ...state.overrides.filter((o) => !(o.fromRound === fromRound && o.arm === cmd.arm)),
      { fromRound, arm: cmd.arm, treatments },
    ];
    return ok({ ...state, overrides });
  },
  'host:fillBots': (state, cmd) => {
    const botStrategies = { ...state.botStrategies };
    for (let w = 0; w < Math.max(state.worldCount, state.worlds.length); w++) {
      for (const region of worldRegions(state, w)) botStrategies[regionKey(w, region)] = cmd.strategy;
    }
    return ok({ ...state, botStrategies });
  },
  'host:renameSeat': (state, cmd) => {
    const name = cleanName(cmd.name);
    if (!name.ok) return name;
    return updateSeat(state, cmd.seatId, (s) => ({ ...s, name: uniqueName(state, name.value, s.id) }));
  },
  'host:moveSeat': (state, cmd) => {
    const worldCount = Math.max(state.worldCount, state.worlds.length);
    if (!Number.isInteger(cmd.world) || cmd.world < 0 || cmd.world >= worldCount)
      return fail('NOT_FOUND', `there is no world ${cmd.world}`);
    if (!armMap(state.config, cmd.world % state.config.arms.length).regions.some((r) => r.id === cmd.region)) {
      return fail('NOT_FOUND', `world ${cmd.world} has no region ${cmd.region}`);
    }
    return updateSeat(state, cmd.seatId, (s) => ({ ...s, world: cmd.world, region: cmd.region }));
  },
  'host:kickSeat': (state, cmd) => {
    // Removing a removed seat again is refused: it would log another event that changes nothing.
    if (state.seats.some((s) => s.id === cmd.seatId && s.kicked))
      return fail('NOT_FOUND', `seat ${cmd.seatId} has already been removed`);
    return updateSeat(state, cmd.seatId, (s) => ({ ...s, kicked: true }));
  },
  'host:lock': (state, cmd) => ok({ ...state, locked: cmd.locked }),
  'host:setTakeover': (state, cmd) => ok({ ...state, takeover: cmd.enabled }),
  'host:announce': (state, cmd, at) => {
    const text = normaliseText(cmd.text);
    const problem = textProblem(text, 1, 280);
    if (problem) return fail('INVALID_TEXT', `the announcement ${problem}`);
    const announcements = [...state.announcements, { seq: state.seq + 1, at: new Date(at).toISOString(), text }].slice(
      -MAX_ANNOUNCEMENTS,
    );
    return ok({ ...state, announcements });
  },
  'host:clearAnnouncements': (state) =>
    state.announcements.length === 0
      ? fail('NOT_FOUND', 'there is no announcement to clear')
      : ok({ ...state, announcements: [] }),
  'host:endGame': (state) => ok({ ...state, phase: 'ended', deadline: null, remainingMs: null, paused: false }),
};
