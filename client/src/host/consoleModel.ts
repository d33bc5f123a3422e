// What the host console derives from the session view: which controls apply now, decided counts, who is away,
// seats in table order, where a seat can be moved, the reforms of each arm. Pure (no DOM), unit-tested.
import { armMap } from '../../../shared/model/config.js';
import type { MapDef } from '../../../shared/model/maps.js';
import type { Treatment } from '../../../shared/model/ids.js';
import type { SeatView, SessionView } from '../../../shared/model/session/view.js';
import { SWITCHABLE, type Switchable } from './configForm.js';

export interface Controls {
  start: boolean;
  pause: boolean;
  resume: boolean;
  addTime: boolean;
  endPhase: boolean;
  reforms: boolean;
  endGame: boolean;
  lobby: boolean;
}

/** Which controls make sense in the current state (the server checks again and answers with an error code). */
export function controlsFor(view: Pick<SessionView, 'phase' | 'paused' | 'round' | 'config'>): Controls {
  const running = view.phase !== 'lobby' && view.phase !== 'ended';
  const nextRound = view.phase === 'lobby' ? 1 : view.round + 1;
  return {
    start: view.phase === 'lobby',
    pause: running && !view.paused,
    resume: running && view.paused,
    addTime: running,
    endPhase: running,
    reforms: view.phase !== 'ended' && nextRound <= view.config.rounds,
    endGame: view.phase !== 'ended',
    lobby: view.phase !== 'ended',
  };
}

export interface WorldProgress {
  world: number;
  /** What is counted in this phase: decisions submitted, or regions done negotiating. */
  kind: 'decided' | 'negotiated';
  count: number;
  of: number;
}

/** "x of y regions have decided" per world (negotiate: regions that marked themselves done). */
export function worldProgress(view: Pick<SessionView, 'phase' | 'decided' | 'regions'>): WorldProgress[] {
  return view.decided.map((d) => {
    if (view.phase === 'negotiate') {
      const withHumans = view.regions.filter((r) => r.world === d.world && r.humans > 0);
      return {
        world: d.world,
        kind: 'negotiated',
        count: withHumans.filter((r) => r.done).length,
        of: withHumans.length,
      };
    }
    return { world: d.world, kind: 'decided', count: d.submitted, of: d.of };
  });
}

/** Seats in table order: world, then the map's region order, then name; removed seats last. */
export function sortedSeats(view: Pick<SessionView, 'seats' | 'config'>): SeatView[] {
  const order = (s: SeatView) => {
    try {
      return armMap(view.config, s.world % view.config.arms.length).regions.findIndex((r) => r.id === s.region);
    } catch {
      return 99;
    }
  };
  return [...view.seats].sort(
    (a, b) =>
      Number(a.kicked) - Number(b.kicked) || a.world - b.world || order(a) - order(b) || a.name.localeCompare(b.name),
  );
}

/** Students whose device is not connected, longest away first. */
export function awaySeats(view: Pick<SessionView, 'seats'>): SeatView[] {
  return view.seats
    .filter((s) => !s.kicked && !s.connected)
    .sort((a, b) => (a.awaySince ?? Infinity) - (b.awaySince ?? Infinity));
}

/** How long someone has been away, in whole minutes (0 = less than a minute). */
export function awayMinutes(awaySince: number | null, now: number): number | null {
  if (awaySince === null) return null;
  return Math.max(0, Math.floor((now - awaySince) / 60_000));
}

/** The map a world plays on (by its arm). */
export function worldMap(view: Pick<SessionView, 'config'>, world: number): MapDef {
  return armMap(view.config, world % view.config.arms.length);
}

/** Where a seat may be moved: every world with its regions. */
export function moveTargets(view: Pick<SessionView, 'config' | 'worldCount'>): { world: number; regions: string[] }[] {
  return Array.from({ length: view.worldCount }, (_, w) => ({
    world: w,
    regions: worldMap(view, w).regions.map((r) => r.id),
  }));
}

export interface ArmStatus {
  arm: number;
  name: string;
  worlds: number[];
  /** In force in the current round (of its first world). */
  now: Treatment[];
  /** In force next round, or null when there is none. */
  next: Treatment[] | null;
  multiCentre: boolean;
}

/** Each arm with its worlds and reforms now and next round (arms without a world yet read the schedule). */
export function armStatuses(view: Pick<SessionView, 'config' | 'worldInfo'>): ArmStatus[] {
  return view.config.arms.map((a, arm) => {
    const worlds = view.worldInfo.filter((w) => w.arm === arm);
    const first = worlds[0];
    let multiCentre = false;
    try {
      multiCentre = armMap(view.config, arm).multiCentre;
    } catch {
      multiCentre = false;
    }
    return {
      arm,
      name: a.name,
      worlds: worlds.map((w) => w.index),
      now: first?.treatments ?? [],
      next: first ? first.nextTreatments : null,
      multiCentre,
    };
  });
}

/** The switchable reforms of a list (C is fixed by the map and never sent). */
export function switchableOf(list: readonly Treatment[] | null): Switchable[] {
  return SWITCHABLE.filter((t) => list?.includes(t) ?? false);
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Regions without students, per world (bots play them). */
export function botRegionCount(view: Pick<SessionView, 'regions'>): number {
  return view.regions.filter((r) => r.humans === 0).length;
}

/** The strategy most bot regions play now (the host's last choice), else the config's. */
export function currentStrategy(v: Pick<SessionView, 'regions' | 'config'>): string {
  const counts = new Map<string, number>();
  for (const r of v.regions) if (r.bot) counts.set(r.bot, (counts.get(r.bot) ?? 0) + 1);
  let best: string = v.config.bots.strategy;
  let n = 0;
  for (const [s, k] of counts) if (k > n) [best, n] = [s, k];
  return best;
}

/** Join, host and projector links for this server. */
export function links(
  origin: string,
  code: string,
  hostToken: string | null,
  projectorToken: string | null,
): { join: string; host: string | null; projector: string | null } {
  const base = origin.replace(/\/$/, '');
  return {
    join: `${base}/join/${code}`,
    host: hostToken ? `${base}/host/${code}#${hostToken}` : null,
    projector: projectorToken ? `${base}/projector/${code}#${projectorToken}` : null,
  };
}

/** A host token from what the instructor pasted: the whole host link, "#token" or the bare token. */
export function tokenFromPaste(text: string, code: string): string | null {
  const s = text.trim();
  const link = /\/host\/([A-Za-z0-9]+)#([A-Za-z0-9_-]{16,128})$/.exec(s);
  if (link) return link[1]?.toUpperCase() === code.toUpperCase() ? (link[2] ?? null) : null;
  const bare = /^#?([A-Za-z0-9_-]{16,128})$/.exec(s);
  return bare?.[1] ?? null;
}
