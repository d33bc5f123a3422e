// Coalesced, per-role broadcasting: a session's changes are sent at most once per window, one view per room
// (host, projector, each region), so students of a region share one serialised message. Only the rooms whose view
// the pending changes can affect are sent to (a draft reaches its own region and the host, a proposal its own world,
// the host and the projector; see shared/model/session/scope.ts). Version 1 sockets get the whole view every time;
// version 2 sockets (rooms of their own) get the whole view once, then JSON patches from the last view their room
// was sent, numbered so that a client that missed one notices and asks for the whole view again (state:sync).
// In the lobby the window is ten times longer: a lecture hall joining sends every student of a world a new head
// count on each join and each connection, which at one window per 100 ms cost the other classes their latency
// (issue 11, defect 5); a lobby list may lag a second. A change of phase (or round) is sent at once, with whatever
// else was waiting: the projector and every student screen change their whole layout on it, and the room watches
// the big screen for it (issue 10: its first frame within 300 ms); every other change keeps the window.
import { ViewBuilder, historyView, type SessionView, type ViewerRole } from '../../shared/model/session/view.js';
import { mergeScopes, scopeHasRegion, type ViewScope } from '../../shared/model/session/scope.js';
import { diff, type Json } from '../../shared/protocol/patch.js';
import type { PatchMessage, ViewMessage } from '../../shared/protocol/server-events.js';
import type { SessionRuntime } from '../sessions/runtime.js';
import { FlushQueue } from './flushQueue.js';
import { roomFor, rooms } from './rooms.js';
import type { GameIo, GameSocket, SocketData } from './socketData.js';

/** A view is plain JSON data (built from the session state, itself JSON): the patch functions take it as such. */
function asJson(view: SessionView): Json {
  return view as unknown as Json;
}

const LOBBY_WINDOW_FACTOR = 10;
/** The longest run of flushes before the event loop gets to read sockets and send acks (flushQueue.ts). */
const FLUSH_SLICE_MS = 2;

interface PendingFlush {
  rt: SessionRuntime;
  /** Null once the flush is queued to run (at once, or its window has passed). */
  timer: NodeJS.Timeout | null;
  scope: ViewScope;
}

/** What a change of phase is: a new phase or a new round (results -> briefing of the next round). */
const stageOf = (rt: SessionRuntime) => `${rt.state.phase}:${rt.state.round}`;

export class Broadcaster {
  private readonly pending = new Map<string, PendingFlush>();
  /** Each session's phase and round when it last changed: a different one is a change of phase. */
  private readonly stage = new Map<string, string>();
  private readonly historySent = new Map<string, number>();
  /** Version 2 rooms: the last view sent to the room, its version (a message seq) and its history length. */
  private readonly lastSent = new Map<string, { version: number; view: SessionView; historyTotal: number }>();
  private seq = 0;
  private readonly queue = new FlushQueue(FLUSH_SLICE_MS);

  constructor(
    private readonly io: GameIo,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Marks a session changed for the viewers in `scope`; they are sent to within the window (at once on a new phase). */
  changed(rt: SessionRuntime, scope: ViewScope): void {
    const stage = stageOf(rt);
    const before = this.stage.get(rt.code);
    this.stage.set(rt.code, stage);
    const newPhase = before !== undefined && before !== stage;
    const waiting = this.pending.get(rt.code);
    if (waiting) {
      waiting.scope = mergeScopes(waiting.scope, scope);
      // Already queued, or still within its window: a change of phase cuts the window short.
      if (waiting.timer === null || !newPhase) return;
      clearTimeout(waiting.timer);
      this.due(rt, waiting);
      return;
    }
    const entry: PendingFlush = { rt, timer: null, scope };
    this.pending.set(rt.code, entry);
    if (newPhase) return this.due(rt, entry);
    const ms = rt.state.phase === 'lobby' ? this.windowMs * LOBBY_WINDOW_FACTOR : this.windowMs;
    entry.timer = setTimeout(() => this.due(rt, entry), ms);
  }

  /** Queues the session's flush (flushQueue.ts runs it within a few milliseconds). */
  private due(rt: SessionRuntime, entry: PendingFlush): void {
    entry.timer = null;
    // Taken off `pending` only when it runs: changes made while it waits in the queue join its scope.
    this.queue.add(rt.code, () => {
      const current = this.pending.get(rt.code) ?? entry;
      this.pending.delete(rt.code);
      this.flush(rt, current.scope);
    });
  }

  private roomSize(name: string): number {
    return this.io.sockets.adapter.rooms.get(name)?.size ?? 0;
  }

  private message(
    rt: SessionRuntime,
    builder: ViewBuilder,
    role: ViewerRole,
    withHistory: boolean | null,
    roomKey: string,
  ): ViewMessage {
    const view = builder.view(role);
    const total = view.worlds.reduce((s, w) => s + w.historyLength, 0);
    const include = withHistory ?? this.historySent.get(roomKey) !== total;
    this.historySent.set(roomKey, total);
    return {
      seq: ++this.seq,
      serverTime: this.now(),
      view,
      ...(include ? { history: historyView(rt.state, role) } : {}),
    };
  }

  /** Sends the current views to every occupied room of the session that `scope` covers. */
  flush(rt: SessionRuntime, scope: ViewScope): void {
    const code = rt.code;
    const builder = new ViewBuilder(rt.state, (id) => rt.presenceOf(id));
    const send = (room: string, role: ViewerRole) => {
      this.sendPatch(rt, builder, role, roomFor(room, 2));
      if (this.roomSize(room) === 0) {
        this.historySent.delete(room);
        return;
      }
      // Local sockets only: every process renders the views of its own sockets from its copy of the session.
      this.io.local.to(room).emit('state:view', this.message(rt, builder, role, null, room));
    };
    send(rooms.host(code), { kind: 'host' });
    if (scope.kind === 'all' || scope.projector) send(rooms.projector(code), { kind: 'projector' });
    const regions = new Set<string>();
    for (const seat of rt.state.seats) {
      if (!seat.kicked && scopeHasRegion(scope, seat.world, seat.region))
        regions.add(`${seat.world}\u0000${seat.region}`);
    }
    for (const key of regions) {
      const [w, region] = key.split('\u0000') as [string, string];
      send(rooms.region(code, Number(w), region), { kind: 'region', world: Number(w), region });
    }
  }

  /** Version 2: the changes since the room's last view, if any (nothing is sent for an unchanged view). */
  private sendPatch(rt: SessionRuntime, builder: ViewBuilder, role: ViewerRole, room: string): void {
    const last = this.lastSent.get(room);
    if (this.roomSize(room) === 0 || !last) {
      // Nobody to send to (or nobody has a base yet): the next socket in gets a full view and becomes the base.
      this.lastSent.delete(room);
      return;
    }
    const view = builder.view(role);
    const ops = diff(asJson(last.view), asJson(view));
    const historyTotal = view.worlds.reduce((s, w) => s + w.historyLength, 0);
    const withHistory = historyTotal !== last.historyTotal;
    if (ops.length === 0 && !withHistory) return;
    const msg: PatchMessage = {
      seq: ++this.seq,
      serverTime: this.now(),
      base: last.version,
      ops,
      ...(withHistory ? { history: historyView(rt.state, role) } : {}),
    };
    this.lastSent.set(room, { version: msg.seq, view, historyTotal });
    this.io.local.to(room).emit('state:patch', msg);
  }

  /** Version 2: the room's current base view (made now if the room has none) as a full view message. */
  private sendBase(rt: SessionRuntime, socket: GameSocket, role: ViewerRole, room: string): void {
    let last = this.lastSent.get(room);
    if (!last) {
      const view = new ViewBuilder(rt.state, (id) => rt.presenceOf(id)).view(role);
      last = {
        version: ++this.seq,
        view,
        historyTotal: view.worlds.reduce((s, w) => s + w.historyLength, 0),
      };
      this.lastSent.set(room, last);
    }
    // The base may be up to one broadcast window old: the patch that follows it is already pending.
    const msg: ViewMessage = {
      seq: last.version,
      serverTime: this.now(),
      view: last.view,
      history: historyView(rt.state, role),
    };
    socket.emit('state:view', msg);
  }

  /** A full view with history straight to one socket (on connect and on `state:sync`). */
  sendFull(rt: SessionRuntime, socket: GameSocket): void {
    const data = socket.data;
    const role = roleOf(rt, data);
    if (!role) return;
    if (data.protocol === 2) {
      const room =
        data.role === 'host' ? rooms.host(rt.code) : data.role === 'projector' ? rooms.projector(rt.code) : null;
      const v2 = room ? roomFor(room, 2) : data.regionRoom;
      if (v2) return this.sendBase(rt, socket, role, v2);
    }
    socket.emit(
      'state:view',
      this.message(rt, new ViewBuilder(rt.state, (id) => rt.presenceOf(id)), role, true, `direct|${socket.id}`),
    );
    this.historySent.delete(`direct|${socket.id}`);
  }

  stop(): void {
    for (const { timer } of this.pending.values()) if (timer) clearTimeout(timer);
    this.pending.clear();
    this.stage.clear();
    this.queue.stop();
  }
}

export function roleOf(rt: SessionRuntime, data: SocketData): ViewerRole | null {
  if (data.role === 'host') return { kind: 'host' };
  if (data.role === 'projector') return { kind: 'projector' };
  if (data.role === 'seat' && data.seatId) {
    const seat = rt.state.seats.find((s) => s.id === data.seatId);
    return seat && !seat.kicked ? { kind: 'region', world: seat.world, region: seat.region } : null;
  }
  return null;
}
