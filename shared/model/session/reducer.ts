// The session reducer: applyCommand(state, actor, command, at) -> new state or a rule error. Pure and
// deterministic: the server stamps `at` and logs every accepted command, so replaying the log rebuilds the
// session exactly. This is the one place where every command is checked against role, seat, world and phase.
import { armMap } from '../config.js';
import { fail, ok, type Result } from '../errors.js';
import { SWITCHABLE_TREATMENTS, sortTreatments } from '../ids.js';
import { markDone, negotiate, setDraft, submitDecision, type NegotiationAction, type WorldLive } from '../world.js';
import type { Actor, HostCommand, SessionCommand, StudentCommand } from './commands.js';
import { advance, botsAnswer, everyoneReady } from './phases.js';
import { normaliseText, textProblem } from '../text.js';
import { cleanName, placeNext, uniqueName, worldRegions } from './seats.js';
import { regionKey, type Seat, type SessionState } from './state.js';

const MAX_ANNOUNCEMENTS = 20;

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
  switch (cmd.type) {
    case 'session:join':
      return actor.kind === 'system'
        ? join(state, cmd.name, at)
        : fail('FORBIDDEN', 'joining goes through the join endpoint');
    case 'phase:timeout':
      if (actor.kind !== 'system') return fail('FORBIDDEN', 'only the server clock ends phases');
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
    case 'system:resume':
      if (actor.kind !== 'system') return fail('FORBIDDEN', 'only the server resumes sessions');
      return ok(state.deadline === null ? state : { ...state, deadline: cmd.deadline });
    default:
      if (cmd.type.startsWith('host:')) {
        return actor.kind === 'host'
          ? hostCommand(state, cmd as HostCommand, at)
          : fail('FORBIDDEN', 'only the instructor can do that');
      }
      if (actor.kind !== 'seat') return fail('FORBIDDEN', 'only a student seat can do that');
      return studentCommand(state, actor.seatId, cmd as StudentCommand);
  }
}

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

function seatOf(state: SessionState, seatId: string): Result<Seat> {
  const seat = state.seats.find((s) => s.id === seatId);
  if (!seat) return fail('UNAUTHORIZED', 'this seat does not exist');
  if (seat.kicked) return fail('KICKED', 'the instructor has removed this seat');
  return ok(seat);
}

function withWorld(state: SessionState, index: number, f: (w: WorldLive) => Result<WorldLive>): Result<SessionState> {
  const w = state.worlds[index];
  if (!w) return fail('WRONG_PHASE', 'the game has not started');
  const r = f(w);
  if (!r.ok) return r;
  const worlds = state.worlds.slice();
  worlds[index] = r.value;
  return ok({ ...state, worlds });
}

function studentCommand(state: SessionState, seatId: string, cmd: StudentCommand): Result<SessionState> {
  const found = seatOf(state, seatId);
  if (!found.ok) return found;
  const seat = found.value;
  if (state.paused) return fail('PAUSED', 'the game is paused');
  const cfg = state.config;
  const me = seat.region;
  const inPhase = (phase: 'negotiate' | 'decide') =>
    state.phase === phase
      ? null
      : fail<SessionState>(
          'WRONG_PHASE',
          phase === 'negotiate'
            ? 'proposals can only be made while negotiating'
            : 'decisions can only be made in the decide phase',
        );
  let action: NegotiationAction | null = null;
  switch (cmd.type) {
    case 'proposal:submit':
      action = { kind: 'propose', from: me, to: cmd.to, terms: cmd.terms, message: cmd.message ?? null };
      break;
    case 'proposal:accept':
      action = { kind: 'accept', by: me, proposalId: cmd.proposalId };
      break;
    case 'proposal:reject':
      action = { kind: 'reject', by: me, proposalId: cmd.proposalId };
      break;
    case 'proposal:counter':
      action = { kind: 'counter', by: me, proposalId: cmd.proposalId, terms: cmd.terms, message: cmd.message ?? null };
      break;
    case 'proposal:withdraw':
      action = { kind: 'withdraw', by: me, proposalId: cmd.proposalId };
      break;
    case 'negotiation:done':
      return inPhase('negotiate') ?? withWorld(state, seat.world, (w) => markDone(w, me, cmd.done));
    case 'decision:draft':
      return inPhase('decide') ?? withWorld(state, seat.world, (w) => setDraft(cfg, w, me, cmd.decision));
    case 'decision:submit':
      return (
        inPhase('decide') ?? withWorld(state, seat.world, (w) => submitDecision(cfg, w, me, cmd.decision, 'human'))
      );
  }
  const wrong = inPhase('negotiate');
  if (wrong) return wrong;
  const r = withWorld(state, seat.world, (w) => negotiate(cfg, w, action));
  // A proposal to a bot's region is answered at once by that bot.
  return r.ok && (cmd.type === 'proposal:submit' || cmd.type === 'proposal:counter')
    ? ok(botsAnswer(r.value, seat.world))
    : r;
}

function hostCommand(state: SessionState, cmd: HostCommand, at: number): Result<SessionState> {
  switch (cmd.type) {
    case 'host:start':
      return state.phase === 'lobby' ? ok(advance(state, at)) : fail('WRONG_PHASE', 'the game has already started');
    case 'host:pause':
      if (state.phase === 'lobby') return fail('WRONG_PHASE', 'the game has not started');
      if (state.paused) return fail('ALREADY_PAUSED', 'the game is already paused');
      return ok({ ...state, paused: true, remainingMs: Math.max(0, (state.deadline ?? at) - at), deadline: null });
    case 'host:resume':
      if (!state.paused) return fail('NOT_PAUSED', 'the game is not paused');
      return ok({ ...state, paused: false, deadline: at + (state.remainingMs ?? 0), remainingMs: null });
    case 'host:addTime': {
      if (state.phase === 'lobby') return fail('WRONG_PHASE', 'the game has not started');
      const ms = cmd.seconds * 1000;
      return ok(
        state.paused
          ? { ...state, remainingMs: (state.remainingMs ?? 0) + ms }
          : { ...state, deadline: Math.max(at, state.deadline ?? at) + ms },
      );
    }
    case 'host:endPhase':
      if (state.phase === 'lobby') return fail('WRONG_PHASE', 'start the game first');
      return ok(advance(state, at, cmd.takeover ?? []));
    case 'host:advance':
      return ok(advance(state, at, state.phase === 'lobby' ? [] : (cmd.takeover ?? [])));
    case 'host:setReforms': {
      if (cmd.treatments.includes('C'))
        return fail('REFORM_FIXED', 'C (multi-centre map) is chosen when a world is created and cannot be switched');
      if (cmd.arm !== null && !state.config.arms[cmd.arm]) return fail('NOT_FOUND', `there is no arm ${cmd.arm}`);
      const fromRound = state.phase === 'lobby' ? 1 : state.round + 1;
      if (fromRound > state.config.rounds)
        return fail('WRONG_PHASE', 'this is the last round: there is no next round to change');
      const treatments = sortTreatments(
        cmd.treatments.filter((t) => (SWITCHABLE_TREATMENTS as readonly string[]).includes(t)),
      );
      const overrides = [
        ...state.overrides.filter((o) => !(o.fromRound === fromRound && o.arm === cmd.arm)),
        { fromRound, arm: cmd.arm, treatments },
      ];
      return ok({ ...state, overrides });
    }
    case 'host:fillBots': {
      const botStrategies = { ...state.botStrategies };
      for (let w = 0; w < Math.max(state.worldCount, state.worlds.length); w++) {
        for (const region of worldRegions(state, w)) botStrategies[regionKey(w, region)] = cmd.strategy;
      }
      return ok({ ...state, botStrategies });
    }
    case 'host:renameSeat': {
      const name = cleanName(cmd.name);
      if (!name.ok) return name;
      return updateSeat(state, cmd.seatId, (s) => ({ ...s, name: uniqueName(state, name.value, s.id) }));
    }
    case 'host:moveSeat': {
      const worldCount = Math.max(state.worldCount, state.worlds.length);
      if (!Number.isInteger(cmd.world) || cmd.world < 0 || cmd.world >= worldCount)
        return fail('NOT_FOUND', `there is no world ${cmd.world}`);
      if (!armMap(state.config, cmd.world % state.config.arms.length).regions.some((r) => r.id === cmd.region)) {
        return fail('NOT_FOUND', `world ${cmd.world} has no region ${cmd.region}`);
      }
      return updateSeat(state, cmd.seatId, (s) => ({ ...s, world: cmd.world, region: cmd.region }));
    }
    case 'host:kickSeat':
      // Removing a removed seat again is refused: it would log another event that changes nothing.
      if (state.seats.some((s) => s.id === cmd.seatId && s.kicked))
        return fail('NOT_FOUND', `seat ${cmd.seatId} has already been removed`);
      return updateSeat(state, cmd.seatId, (s) => ({ ...s, kicked: true }));
    case 'host:lock':
      return ok({ ...state, locked: cmd.locked });
    case 'host:setTakeover':
      return ok({ ...state, takeover: cmd.enabled });
    case 'host:announce': {
      const text = normaliseText(cmd.text);
      const problem = textProblem(text, 1, 280);
      if (problem) return fail('INVALID_TEXT', `the announcement ${problem}`);
      const announcements = [
        ...state.announcements,
        { seq: state.seq + 1, at: new Date(at).toISOString(), text },
      ].slice(-MAX_ANNOUNCEMENTS);
      return ok({ ...state, announcements });
    }
    case 'host:endGame':
      return ok({ ...state, phase: 'ended', deadline: null, remainingMs: null, paused: false });
  }
}

function updateSeat(state: SessionState, seatId: string, f: (s: Seat) => Seat): Result<SessionState> {
  const seat = state.seats.find((s) => s.id === seatId);
  if (!seat) return fail('NOT_FOUND', `there is no seat ${seatId}`);
  return ok({ ...state, seats: state.seats.map((s) => (s.id === seatId ? f(s) : s)) });
}
