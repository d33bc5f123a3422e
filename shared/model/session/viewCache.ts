// The caches behind ViewBuilder (view.ts): a world's views are built once per world state, and the small parts of a
// session view (seat records, region statuses, world infos) are the same objects from one broadcast to the next while
// they read the same, so that the patch diff of a view (shared/protocol/patch.ts) skips them at once. Nothing here
// changes what a view reads; the views must never be modified.
import type { SessionConfig } from '../config.js';
import type { WorldLive } from '../world.js';
import { shareUnchanged } from './share.js';
import type { Seat } from './state.js';
import type { LiveWorldView, Presence, RegionStatus, SeatView, WorldInfo } from './view.js';

export interface CachedWorld {
  config: SessionConfig;
  gameOver: boolean;
  /** The next round's reforms between rounds (they close a term), as a key. */
  next: string;
  full: LiveWorldView;
  /** The projector's (`p`) and each region's (`r:<id>`) cut of `full`. */
  restricted: Map<string, LiveWorldView>;
}

/**
 * World views by world state (a world's state is replaced, never changed, when a command changes that world):
 * an unchanged world's view is built once and is the same object from one broadcast to the next, so that the
 * patch diff of a view (shared/protocol/patch.ts) skips it at once. The views must never be modified.
 */
export const worldViews = new WeakMap<WorldLive, CachedWorld>();

/** The latest world views of a session (by its config) per world and viewer key (`h` for the host's): a rebuilt
 * view shares their unchanged parts (share.ts), so that the diff of each viewer's view skips them at once. */
const latestWorlds = new WeakMap<SessionConfig, Map<string, LiveWorldView>>();

export function sharedWithLatest(config: SessionConfig, key: string, fresh: LiveWorldView): LiveWorldView {
  let latest = latestWorlds.get(config);
  if (!latest) latestWorlds.set(config, (latest = new Map<string, LiveWorldView>()));
  const shared = shareUnchanged(latest.get(key), fresh);
  latest.set(key, shared);
  return shared;
}

/** Seat records as shown with presence (host, students) and without (projector), by seat record. */
export const seatViews = new WeakMap<Seat, SeatView>();
export const publicSeatViews = new WeakMap<Seat, SeatView>();

/** The latest region statuses and world infos of a session (by its config), reused while they read the same. */
const lastParts = new WeakMap<SessionConfig, { statuses: Map<string, RegionStatus>; infos: Map<string, WorldInfo> }>();

export function partsOf(config: SessionConfig): { statuses: Map<string, RegionStatus>; infos: Map<string, WorldInfo> } {
  let parts = lastParts.get(config);
  if (!parts) {
    parts = { statuses: new Map(), infos: new Map() };
    lastParts.set(config, parts);
  }
  return parts;
}

/** Two records of primitives and lists of primitives with the same members in the same order. */
function sameFlat(a: object, b: object): boolean {
  // Asked for every region on every broadcast: compares in place instead of listing entries.
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i];
    if (k === undefined || k !== kb[i]) return false;
    const x: unknown = Reflect.get(a, k);
    const y: unknown = Reflect.get(b, k);
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || !x.every((v, j) => v === y[j])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/** `fresh`, or the object last made for the same part of the session if it reads the same (see worldViews). */
export function reuse<T extends object>(last: Map<string, T>, key: string, fresh: T): T {
  const hit = last.get(key);
  if (hit && sameFlat(hit, fresh)) return hit;
  last.set(key, fresh);
  return fresh;
}

export function seatView(seat: Seat, presence: Presence, cache: WeakMap<Seat, SeatView>): SeatView {
  const hit = cache.get(seat);
  if (hit && hit.connected === presence.connected && hit.awaySince === presence.awaySince) return hit;
  const view = {
    id: seat.id,
    name: seat.name,
    world: seat.world,
    region: seat.region,
    kicked: seat.kicked,
    ...presence,
  };
  cache.set(seat, view);
  return view;
}
