// What each connection receives (docs/rules.md section 8): the session clock and lobby, and each world through worldView.
// Students see their own world only (their region's private data included); the host sees everything; the
// projector sees only public data (the names of those who joined, without presence). History is sent separately (it changes once a round).
import { armMap, type SessionConfig } from '../config.js';
import type { BotStrategy, RegionId, Treatment } from '../ids.js';
import type { RoundRecord } from '../round.js';
import type { WorldState } from '../state.js';
import { fullWorldView, restrictWorldView, type Viewer, type WorldView } from '../views.js';
import type { WorldLive } from '../world.js';
import { botStrategyOf, worldRegions } from './seats.js';
import { activeSeats, type Announcement, type Phase, type Seat, type SessionState } from './state.js';
import { treatmentsFor } from './treatments.js';
import { actsOf, type ActView } from './actsView.js';
import { partsOf, publicSeatViews, reuse, seatView, seatViews, sharedWithLatest, worldViews } from './viewCache.js';

export type { ActView } from './actsView.js';

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
  /** Who acted for a region this round: a student sees its own region's, the host every region's, the projector none. */
  acts: ActView[];
  /** Total students and how many are connected: of the whole session, or of the student's own world (projector: 0). */
  students: { total: number; connected: number };
}

export type ViewerRole = { kind: 'host' } | { kind: 'projector' } | { kind: 'region'; world: number; region: RegionId };

const NO_PRESENCE: Presence = { connected: false, awaySince: null };

function viewerKey(viewer: Viewer): string {
  return viewer.kind === 'region' ? `r:${viewer.regionId}` : viewer.kind;
}

function nextTreatments(state: SessionState, arm: number): Treatment[] | null {
  if (state.phase === 'ended') return null;
  const next = state.phase === 'lobby' ? 1 : state.round + 1;
  return next > state.config.rounds ? null : treatmentsFor(state, arm, next);
}

/**
 * Builds the views of one moment of a session for any number of viewers, computing the shared parts once (a
 * flush sends one view per room: host, projector and every region).
 */
export class ViewBuilder {
  private shared: Omit<SessionView, 'me' | 'worlds' | 'seats' | 'regions' | 'decided' | 'acts'> | null = null;
  private status: { regions: RegionStatus[]; decided: SessionView['decided'] } | null = null;
  private readonly seatsByRegion = new Map<string, Seat[]>();

  constructor(
    private readonly state: SessionState,
    private readonly presence: (seatId: string) => Presence = () => NO_PRESENCE,
  ) {
    for (const seat of state.seats) {
      if (seat.kicked) continue;
      const key = `${seat.world}:${seat.region}`;
      const list = this.seatsByRegion.get(key);
      if (list) list.push(seat);
      else this.seatsByRegion.set(key, [seat]);
    }
  }

  private worldFor(w: WorldLive, viewer: Viewer): LiveWorldView {
    const config = this.state.config;
    const gameOver = this.state.phase === 'ended';
    const next = w.current ? null : nextTreatments(this.state, w.arm);
    const nextKey = next ? next.join() : '-';
    let hit = worldViews.get(w);
    if (!hit || hit.config !== config || hit.gameOver !== gameOver || hit.next !== nextKey) {
      const { history, ...rest } = fullWorldView(config, w, gameOver, next);
      const full = { ...rest, state: w.state, historyLength: history.length };
      hit = {
        config,
        gameOver,
        next: nextKey,
        full: sharedWithLatest(config, `${w.index}|h`, full),
        restricted: new Map(),
      };
      worldViews.set(w, hit);
    }
    if (viewer.kind === 'host') return hit.full;
    const key = viewerKey(viewer);
    let cut = hit.restricted.get(key);
    if (!cut) {
      cut = sharedWithLatest(config, `${w.index}|${key}`, restrictWorldView(hit.full, viewer));
      hit.restricted.set(key, cut);
    }
    return cut;
  }

  /**
   * The projector's region statuses: its screen faces the whole room and the seat names are on it, so a region's
   * connected count (with one student per region, that student's presence) is hidden as 0, like a seat's presence.
   */
  private publicStatuses(): RegionStatus[] {
    const cache = partsOf(this.state.config).statuses;
    return this.statuses().regions.map((r) =>
      r.connected === 0 ? r : reuse(cache, `p:${r.world}:${r.region}`, { ...r, connected: 0 }),
    );
  }

  private connectedOf(seats: readonly Seat[]): number {
    let n = 0;
    for (const s of seats) if (this.presence(s.id).connected) n++;
    return n;
  }

  private worldTotal(): number {
    return Math.max(this.state.worldCount, this.state.worlds.length);
  }

  private statuses(): { regions: RegionStatus[]; decided: SessionView['decided'] } {
    if (this.status) return this.status;
    const state = this.state;
    const regions: RegionStatus[] = [];
    const decided: SessionView['decided'] = [];
    for (let w = 0; w < this.worldTotal(); w++) {
      const live = state.worlds[w];
      let submitted = 0;
      let of = 0;
      for (const region of worldRegions(state, w)) {
        const seats = this.seatsByRegion.get(`${w}:${region}`) ?? [];
        const isSubmitted = live?.current?.submitted[region] !== undefined;
        regions.push(
          reuse(partsOf(state.config).statuses, `${w}:${region}`, {
            world: w,
            region,
            humans: seats.length,
            connected: this.connectedOf(seats),
            bot: seats.length === 0 ? botStrategyOf(state, w, region) : null,
            submitted: isSubmitted,
            done: live?.current?.done[region] === true,
          }),
        );
        if (seats.length > 0) {
          of++;
          if (isSubmitted) submitted++;
        }
      }
      decided.push({ world: w, submitted, of });
    }
    this.status = { regions, decided };
    return this.status;
  }

  /** A student sees its own world only, its student counts included (so presence elsewhere changes nothing). */
  private worldStudents(world: number): SessionView['students'] {
    let total = 0;
    let connected = 0;
    for (const r of this.statuses().regions) {
      if (r.world !== world) continue;
      total += r.humans;
      connected += r.connected;
    }
    return { total, connected };
  }

  private common(): Omit<SessionView, 'me' | 'worlds' | 'seats' | 'regions' | 'decided' | 'acts'> {
    if (this.shared) return this.shared;
    const state = this.state;
    const all = activeSeats(state);
    this.shared = {
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
      worldCount: this.worldTotal(),
      worldInfo: Array.from({ length: this.worldTotal() }, (_, w) => {
        const arm = w % state.config.arms.length;
        const live = state.worlds[w];
        return reuse(partsOf(state.config).infos, String(w), {
          index: w,
          arm,
          armName: state.config.arms[arm]?.name ?? '',
          mapId: live?.mapId ?? armMap(state.config, arm).id,
          treatments: live?.current?.treatments ?? live?.history[live.history.length - 1]?.treatments ?? [],
          nextTreatments: nextTreatments(state, arm),
        });
      }),
      announcements: state.announcements.slice(-5),
      students: { total: all.length, connected: this.connectedOf(all) },
    };
    return this.shared;
  }

  view(role: ViewerRole): SessionView {
    const state = this.state;
    const mine = role.kind === 'region' ? role : null;
    const me: Me = mine
      ? { role: 'student', world: mine.world, region: mine.region }
      : { role: role.kind as 'host' | 'projector' };
    const viewer: Viewer =
      role.kind === 'host'
        ? { kind: 'host' }
        : role.kind === 'projector'
          ? { kind: 'projector' }
          : { kind: 'region', regionId: role.region };
    const visibleWorlds = mine ? state.worlds.filter((w) => w.index === mine.world) : state.worlds;
    const { regions, decided } = this.statuses();
    // The projector shows who has joined (names are public in the room), never who is away.
    const visibleSeats =
      role.kind === 'host'
        ? state.seats
        : mine
          ? (this.seatsByRegion.get(`${mine.world}:${mine.region}`) ?? [])
          : state.seats.filter((s) => !s.kicked);
    const seatCache = role.kind === 'projector' ? publicSeatViews : seatViews;
    const presence = (id: string): Presence => (role.kind === 'projector' ? NO_PRESENCE : this.presence(id));
    const shown = actsOf(state);
    const acts =
      role.kind === 'projector' ? [] : mine ? (shown.byRegion.get(`${mine.world}:${mine.region}`) ?? []) : shown.all;
    return {
      ...this.common(),
      ...(mine ? { students: this.worldStudents(mine.world) } : {}),
      ...(role.kind === 'projector' ? { students: { total: this.common().students.total, connected: 0 } } : {}),
      me,
      worlds: visibleWorlds.map((w) => this.worldFor(w, viewer)),
      seats: visibleSeats.map((s) => seatView(s, presence(s.id), seatCache)),
      acts,
      regions: mine
        ? regions.filter((r) => r.world === mine.world)
        : role.kind === 'projector'
          ? this.publicStatuses()
          : regions,
      decided: mine ? decided.filter((d) => d.world === mine.world) : decided,
    };
  }
}

export function sessionView(
  state: SessionState,
  role: ViewerRole,
  presence: (seatId: string) => Presence = () => NO_PRESENCE,
): SessionView {
  return new ViewBuilder(state, presence).view(role);
}

/** The rounds played in one world so far. */
export interface WorldHistory {
  world: number;
  rounds: RoundRecord[];
}

/** The completed rounds a viewer may see: all of them, for every world it sees (all of it is public). */
export function historyView(state: SessionState, role: ViewerRole): WorldHistory[] {
  const worlds = role.kind === 'region' ? state.worlds.filter((w) => w.index === role.world) : state.worlds;
  return worlds.map((w) => ({ world: w.index, rounds: w.history }));
}
