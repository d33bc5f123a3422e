// The section-11 log of a live or finished session.
import { buildLog, type LogEvent, type SessionLogOut } from '../log.js';
import { isBotRegion } from './seats.js';
import type { SessionState } from './state.js';

export interface ExportOptions {
  events: readonly LogEvent[];
  /** Replace display names with "Student n" (the only personal data in a log). */
  pseudonyms?: boolean;
  protocolVersion?: number;
}

export function sessionLog(state: SessionState, options: ExportOptions): SessionLogOut {
  const pseudonyms = options.pseudonyms ?? state.config.pseudonyms;
  const pseudonym = new Map(state.seats.map((s, k) => [s.id, `Student ${k + 1}`]));
  const nameOf = (seatId: string, name: string) => (pseudonyms ? (pseudonym.get(seatId) ?? 'Student') : name);
  // Names also travel in commands: a join (the k-th accepted join made the k-th seat) and a host's rename.
  let joins = 0;
  const withName = (e: LogEvent, seatId: string | undefined): LogEvent => ({
    ...e,
    payload: { ...(e.payload as object), name: nameOf(seatId ?? '', '') },
  });
  const events = pseudonyms
    ? options.events.map((e) => {
        if (e.type === 'session:join') return withName(e, state.seats[joins++]?.id);
        if (e.type === 'host:renameSeat') return withName(e, String((e.payload as { seatId?: unknown }).seatId));
        return e;
      })
    : options.events;
  return buildLog({
    code: state.code,
    createdAt: state.createdAt,
    seed: state.seed,
    config: state.config,
    worlds: state.worlds,
    seats: (world, region) => {
      const humans = state.seats
        .filter((s) => s.world === world && s.region === region && !s.kicked)
        .map((s) => ({ name: nameOf(s.id, s.name), kind: 'human' as const }));
      return humans.length > 0 || !isBotRegion(state, world, region) ? humans : [{ name: 'bot', kind: 'bot' as const }];
    },
    events,
    complete: state.phase === 'ended',
    ...(options.protocolVersion !== undefined ? { protocolVersion: options.protocolVersion } : {}),
  });
}
