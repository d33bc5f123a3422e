// Coalesced, per-role broadcasting: a session's changes are sent at most once per window, one view per room
// (host, projector, each region), so students of a region share one serialised message. Only the rooms whose view
// the pending changes can affect are sent to (a draft reaches its own region and the host, a proposal its own world,
// the host and the projector; see shared/model/session/scope.ts).
import type { Server, Socket } from 'socket.io';
import { ViewBuilder, historyView, type ViewerRole } from '../../shared/model/session/view.js';
import { mergeScopes, scopeHasRegion, type ViewScope } from '../../shared/model/session/scope.js';
import type { ViewMessage } from '../../shared/protocol/server-events.js';
import type { SessionRuntime } from '../sessions/runtime.js';
import { rooms } from './rooms.js';
import type { SocketData } from './socketData.js';

export class Broadcaster {
  private readonly pending = new Map<string, { rt: SessionRuntime; timer: NodeJS.Timeout; scope: ViewScope }>();
  private readonly historySent = new Map<string, number>();
  private seq = 0;

  constructor(
    private readonly io: Server,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Marks a session changed for the viewers in `scope`; they are sent to within the window. */
  changed(rt: SessionRuntime, scope: ViewScope): void {
    const waiting = this.pending.get(rt.code);
    if (waiting) {
      waiting.scope = mergeScopes(waiting.scope, scope);
      return;
    }
    const timer = setTimeout(() => {
      const entry = this.pending.get(rt.code);
      this.pending.delete(rt.code);
      this.flush(rt, entry?.scope ?? { kind: 'all' });
    }, this.windowMs);
    this.pending.set(rt.code, { rt, timer, scope });
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

  /** A full view with history straight to one socket (on connect and on `state:sync`). */
  sendFull(rt: SessionRuntime, socket: Socket): void {
    const data = socket.data as SocketData;
    const role = roleOf(rt, data);
    if (!role) return;
    socket.emit(
      'state:view',
      this.message(rt, new ViewBuilder(rt.state, (id) => rt.presenceOf(id)), role, true, `direct|${socket.id}`),
    );
    this.historySent.delete(`direct|${socket.id}`);
  }

  stop(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
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
