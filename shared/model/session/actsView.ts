// A round's acts as shown in views (who acted for a region, with the seat's name), kept between broadcasts.
import type { SessionConfig } from '../config.js';
import type { Seat, SeatAct, SessionState } from './state.js';

/** A seat's act of this round with the seat's name: a region's seats see their own (the host sees all). */
export interface ActView extends SeatAct {
  name: string;
}

/** A session's acts as shown, all and by region, for one acts list and one seats list (see actsOf). */
export interface ActsShown {
  acts: readonly SeatAct[];
  seats: readonly Seat[];
  all: ActView[];
  byRegion: Map<string, ActView[]>;
}

/** The latest acts shown per session (by its config). */
const lastActs = new WeakMap<SessionConfig, ActsShown>();

/** Seat names by seat id, per seats list (it changes only when someone joins, is renamed or removed). */
const seatNames = new WeakMap<readonly Seat[], Map<string, string>>();

function namesOf(seats: readonly Seat[]): Map<string, string> {
  let names = seatNames.get(seats);
  if (!names) seatNames.set(seats, (names = new Map(seats.map((x) => [x.id, x.name]))));
  return names;
}

/**
 * The acts of a round as shown. Acts are only ever appended (a new round starts a new list): the acts of the last
 * broadcast are extended with the new ones rather than rebuilt, since a busy round has thousands and every
 * broadcast rebuilt and re-diffed them all. Lists are copied, never changed: a view already sent keeps its own.
 */
export function actsOf(state: SessionState): ActsShown {
  const last = lastActs.get(state.config);
  const { acts, seats } = state;
  if (last && last.acts === acts && last.seats === seats) return last;
  const n = last?.acts.length ?? 0;
  const appended =
    last !== undefined && last.seats === seats && acts.length >= n && (n === 0 || acts[n - 1] === last.acts[n - 1]);
  const names = namesOf(seats);
  const fresh = (appended ? acts.slice(n) : acts).map((a) => ({ ...a, name: names.get(a.seatId) ?? '' }));
  const byRegion = appended && last ? new Map(last.byRegion) : new Map<string, ActView[]>();
  for (const a of fresh) {
    const key = `${a.world}:${a.region}`;
    byRegion.set(key, [...(byRegion.get(key) ?? []), a]);
  }
  const shown = { acts, seats, all: appended && last ? last.all.concat(fresh) : fresh, byRegion };
  lastActs.set(state.config, shown);
  return shown;
}
