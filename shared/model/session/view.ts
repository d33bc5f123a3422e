// What each connection receives (section 8): the session clock and lobby, and each world through worldView.
// Students see their own world only (their region's private data included); the host sees everything; the
// projector sees only public data. History is sent separately (it changes once a round).
import { armMap, type SessionConfig } from '../config.js';
import type { BotStrategy, RegionId, Treatment } from '../ids.js';
import type { RoundRecord } from '../round.js';
import type { WorldState } from '../state.js';
import { worldView, type Viewer, type WorldView } from '../views.js';
import type { WorldLive } from '../world.js';
import { botStrategyOf, humansIn, isBotRegion, worldRegions } from './seats.js';
import { activeSeats, type Announcement, type Phase, type SessionState } from './state.js';
import { treatmentsFor } from './treatments.js';

export interface Presence {
  connected: boolean;
  /** When the seat was last seen connected (ms), if away. */
  awaySince: number | null;
}

/** Who the view is for. A student's own seat id and name come with `session:welcome` (one view serves a region). */
export type Me = { role: 'host' } | { role: 'projector' } | { role: 'student'; world: number; region: RegionId };

export interface SeatView {
  id: string;
  name: string;
  world: number;
  region: RegionId;
  kicked: boolean;
  connected: boolean;
  awaySince: number | null;
}

export interface RegionStatus {
  world: number;
  region: RegionId;
  humans: number;
  connected: number;
  bot: BotStrategy | null;
  submitted: boolean;
  done: boolean;
}

export interface WorldInfo {
  index: number;
  arm: number;
  armName: string;
  mapId: string;
  treatments: Treatment[];
  nextTreatments: Treatment[] | null;
}

export interface LiveWorldView extends Omit<WorldView, 'history'> {
  state: WorldState;
  historyLength: number;
}

export interface SessionView {
  code: string;
  title: string;
  config: SessionConfig;
  phase: Phase;
  paused: boolean;
  round: number;
  deadline: number | null;
  remainingMs: number | null;
  locked: boolean;
  takeover: boolean;
  worldCount: number;
  me: Me;
  worlds: LiveWorldView[];
  worldInfo: WorldInfo[];
  seats: SeatView[];
  regions: RegionStatus[];
  decided: { world: number; submitted: number; of: number }[];
  announcements: Announcement[];
  /** Total students and how many are connected. */
  students: { total: number; connected: number };
}

export type ViewerRole = { kind: 'host' } | { kind: 'projector' } | { kind: 'region'; world: number; region: RegionId };

const NO_PRESENCE: Presence = { connected: false, awaySince: null };

function nextTreatments(state: SessionState, arm: number): Treatment[] | null {
  if (state.phase === 'ended') return null;
  const next = state.phase === 'lobby' ? 1 : state.round + 1;
  return next > state.config.rounds ? null : treatmentsFor(state, arm, next);
}

function liveWorld(state: SessionState, w: WorldLive, viewer: Viewer): LiveWorldView {
  const { history, ...rest } = worldView(state.config, w, viewer, state.phase === 'ended');
  return { ...rest, state: w.state, historyLength: history.length };
}

export function sessionView(state: SessionState, role: ViewerRole, presence: (seatId: string) => Presence = () => NO_PRESENCE): SessionView {
  const mine = role.kind === 'region' ? role : null;
  const me: Me = mine ? { role: 'student', world: mine.world, region: mine.region } : { role: role.kind as 'host' | 'projector' };
  const viewer: Viewer = role.kind === 'host' ? { kind: 'host' } : role.kind === 'projector' ? { kind: 'projector' } : { kind: 'region', regionId: role.region };
  const visibleWorlds = mine ? state.worlds.filter((w) => w.index === mine.world) : state.worlds;
  const worldTotal = Math.max(state.worldCount, state.worlds.length);
  const regions: RegionStatus[] = [];
  const decided: SessionView['decided'] = [];
  for (let w = 0; w < worldTotal; w++) {
    const live = state.worlds[w];
    let submitted = 0;
    let of = 0;
    for (const region of worldRegions(state, w)) {
      const humans = humansIn(state, w, region);
      const connected = activeSeats(state).filter((s) => s.world === w && s.region === region && presence(s.id).connected).length;
      const isSubmitted = live?.current?.submitted[region] !== undefined;
      regions.push({ world: w, region, humans, connected, bot: isBotRegion(state, w, region) ? botStrategyOf(state, w, region) : null, submitted: isSubmitted, done: live?.current?.done[region] === true });
      if (humans > 0) {
        of++;
        if (isSubmitted) submitted++;
      }
    }
    decided.push({ world: w, submitted, of });
  }
  const visibleSeats = role.kind === 'host' ? state.seats : mine ? state.seats.filter((s) => s.world === mine.world && s.region === mine.region && !s.kicked) : [];
  const all = activeSeats(state);
  return {
    code: state.code,
    title: state.config.title,
    config: state.config,
    phase: state.phase,
    paused: state.paused,
    round: state.round,
    deadline: state.deadline,
    remainingMs: state.remainingMs,
    locked: state.locked,
    takeover: state.takeover,
    worldCount: worldTotal,
    me,
    worlds: visibleWorlds.map((w) => liveWorld(state, w, viewer)),
    worldInfo: Array.from({ length: worldTotal }, (_, w) => {
      const arm = w % state.config.arms.length;
      const live = state.worlds[w];
      return {
        index: w,
        arm,
        armName: state.config.arms[arm]?.name ?? '',
        mapId: live?.mapId ?? armMap(state.config, arm).id,
        treatments: live?.current?.treatments ?? live?.history[live.history.length - 1]?.treatments ?? [],
        nextTreatments: nextTreatments(state, arm),
      };
    }),
    seats: visibleSeats.map((s) => ({ id: s.id, name: s.name, world: s.world, region: s.region, kicked: s.kicked, ...presence(s.id) })),
    regions: mine ? regions.filter((r) => r.world === mine.world) : regions,
    decided: mine ? decided.filter((d) => d.world === mine.world) : decided,
    announcements: state.announcements.slice(-5),
    students: { total: all.length, connected: all.filter((s) => presence(s.id).connected).length },
  };
}

/** The completed rounds a viewer may see: all of them, for every world it sees (all of it is public). */
export function historyView(state: SessionState, role: ViewerRole): { world: number; rounds: RoundRecord[] }[] {
  const worlds = role.kind === 'region' ? state.worlds.filter((w) => w.index === role.world) : state.worlds;
  return worlds.map((w) => ({ world: w.index, rounds: w.history }));
}
