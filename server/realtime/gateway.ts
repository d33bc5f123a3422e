// The Socket.IO gateway: one choke point for every inbound command (rate limit -> size -> event -> role ->
// zod parse -> session runtime, which dedupes the cmdId, applies the rules and stores before acking).
import type { Actor } from '../../shared/model/session/commands.js';
import { errorText, type Lang } from '../../shared/i18n/index.js';
import {
  JoinSchema,
  SyncSchema,
  isCommandEvent,
  isHostEvent,
  parseCommandEvent,
} from '../../shared/protocol/events.js';
import { failedAck, isErrorCode, type Ack, type ErrorCode, type ReceivedAck } from '../../shared/protocol/errors.js';
import type { SessionRegistry } from '../sessions/registry.js';
import type { SessionRuntime } from '../sessions/runtime.js';
import { normaliseCode } from '../sessions/tokens.js';
import type { Store } from '../store/types.js';
import { authMiddleware, seatBucketKey } from './auth.js';
import type { Broadcaster } from './broadcaster.js';
import type { KeyedLimiter } from './rateLimit.js';
import { roomFor, rooms } from './rooms.js';
import type { GameIo, GameSocket } from './socketData.js';

export const MAX_PAYLOAD_BYTES = 16_000;
const STRIKE_WINDOW_MS = 10_000;
const MAX_STRIKES = 40;
export const MAX_SOCKETS_PER_SEAT = 4;

export interface GatewayDeps {
  io: GameIo;
  registry: SessionRegistry;
  store: Store;
  broadcaster: Broadcaster;
  joinLimiter: KeyedLimiter;
  /** Commands per seat (server/realtime/auth.ts commandLimiter), shared with the cluster's owner-side check. */
  seatLimiter: KeyedLimiter;
  now: () => number;
  onError: (err: unknown, context: string) => void;
}

/** A reply is made here or relayed from the session's owner in a cluster (whose codes may be newer). */
type AckFn = (reply: ReceivedAck) => void;

function failure(lang: Lang, code: ErrorCode, detail?: string): Ack {
  return failedAck(code, detail ? `${errorText(lang, code)} (${detail})` : errorText(lang, code));
}

/** Rule errors carry a specific English message; in another language the code's translated text is used. */
function localise<T extends object>(lang: Lang, ack: ReceivedAck<T>): ReceivedAck<T> {
  if (ack.ok || lang === 'en' || !isErrorCode(ack.error.code)) return ack;
  return failedAck(ack.error.code, errorText(lang, ack.error.code));
}

export function attachGateway(deps: GatewayDeps): void {
  const { io, registry } = deps;
  io.use(authMiddleware(registry, deps.store, deps.now, deps.seatLimiter));
  io.on('connection', (socket: GameSocket) => {
    onConnection(deps, socket).catch((e: unknown) => {
      deps.onError(e, 'connection');
      socket.disconnect(true);
    });
  });
}

async function onConnection(deps: GatewayDeps, socket: GameSocket): Promise<void> {
  const data = socket.data;
  const rt = await deps.registry.get(data.code);
  if (!rt) {
    socket.disconnect(true);
    return;
  }
  await enterRooms(deps, rt, socket);
  socket.onAny((raw: unknown, ...args: unknown[]) => {
    // The wire also allows numeric event names: they are unknown events like any other.
    const event = typeof raw === 'string' ? raw : String(raw);
    const last = args[args.length - 1];
    // Socket.IO's ack callback: called with the one reply (it sends whatever it is given).
    const ack: AckFn | null =
      typeof last === 'function' ? (reply) => void Reflect.apply(last, undefined, [reply]) : null;
    if (ack) args.pop();
    handle(deps, socket, event, args, ack).catch((e: unknown) => {
      deps.onError(e, `command ${event}`);
      ack?.(failure(data.lang, 'INTERNAL'));
    });
  });
  socket.on('disconnect', () => {
    if (data.role === 'seat' && data.seatId) deps.registry.disconnect(data.code, data.seatId);
  });
}

/** Joins the socket to its rooms, marks presence and sends a full view. */
async function enterRooms(deps: GatewayDeps, rt: SessionRuntime, socket: GameSocket): Promise<void> {
  const data = socket.data;
  if (data.role === 'host') await socket.join(roomFor(rooms.host(rt.code), data.protocol));
  if (data.role === 'projector') await socket.join(roomFor(rooms.projector(rt.code), data.protocol));
  if (data.role === 'seat' && data.seatId) {
    const seat = rt.state.seats.find((s) => s.id === data.seatId);
    if (!seat) return;
    data.regionRoom = roomFor(rooms.region(rt.code, seat.world, seat.region), data.protocol);
    await socket.join([rooms.seat(rt.code, seat.id), data.regionRoom]);
    capSeatSockets(deps.io, rooms.seat(rt.code, seat.id));
    socket.emit('session:welcome', {
      role: 'student',
      seatId: seat.id,
      name: seat.name,
      world: seat.world,
      region: seat.region,
      code: rt.code,
    });
    deps.registry.connect(rt, seat.id);
  } else if (data.role === 'host' || data.role === 'projector') {
    socket.emit('session:welcome', { role: data.role, code: rt.code });
  }
  if (data.role !== 'guest') deps.broadcaster.sendFull(rt, socket);
}

/**
 * At most MAX_SOCKETS_PER_SEAT sockets of one seat on this server: the newest win (a reloaded tab replaces its
 * old socket at once), the oldest is told and closed. Across the processes of a cluster the session's owner keeps
 * the cap (server/cluster/seatCap.ts).
 */
function capSeatSockets(io: GameIo, seatRoom: string): void {
  const members = io.sockets.adapter.rooms.get(seatRoom);
  if (!members || members.size <= MAX_SOCKETS_PER_SEAT) return;
  const extra = [...members].slice(0, members.size - MAX_SOCKETS_PER_SEAT);
  for (const id of extra) {
    const old = io.sockets.sockets.get(id);
    old?.emit('session:closed', { code: old.data.code, reason: 'RATE_LIMITED' });
    old?.disconnect(true);
  }
}

function strike(socket: GameSocket, now: number): void {
  const data = socket.data;
  data.strikes = data.strikes.filter((t) => now - t < STRIKE_WINDOW_MS);
  data.strikes.push(now);
  // A socket that keeps sending bad or excessive input is cut off; its client may reconnect later.
  if (data.strikes.length > MAX_STRIKES) socket.disconnect(true);
}

function payloadSize(args: unknown[]): number {
  try {
    return JSON.stringify(args).length;
  } catch {
    return Infinity;
  }
}

async function handle(
  deps: GatewayDeps,
  socket: GameSocket,
  event: string,
  args: unknown[],
  ack: AckFn | null,
): Promise<void> {
  const data = socket.data;
  const now = deps.now();
  const reply: AckFn = (a) => ack?.(a);
  if (!ack) {
    strike(socket, now);
    return;
  }
  if (!data.bucket.take(now)) {
    strike(socket, now);
    reply(failure(data.lang, 'RATE_LIMITED'));
    return;
  }
  if (payloadSize(args) > MAX_PAYLOAD_BYTES) {
    strike(socket, now);
    reply(failure(data.lang, 'PAYLOAD_TOO_LARGE'));
    return;
  }
  const rt = await deps.registry.get(data.code);
  if (!rt) {
    reply(failure(data.lang, 'NOT_FOUND'));
    return;
  }
  if (event === 'state:sync') {
    if (data.role === 'guest') return reply(failure(data.lang, 'UNAUTHORIZED'));
    if (args[0] !== undefined && !SyncSchema.safeParse(args[0]).success) {
      strike(socket, now);
      return reply(failure(data.lang, 'BAD_REQUEST', 'state:sync takes {} or { cmdId }'));
    }
    deps.broadcaster.sendFull(rt, socket);
    return reply({ ok: true });
  }
  if (event === 'session:join') return join(deps, rt, socket, args[0], reply);
  if (!isCommandEvent(event)) {
    strike(socket, now);
    return reply(failure(data.lang, 'UNKNOWN_EVENT', event.slice(0, 40)));
  }
  const isHost = isHostEvent(event);
  if ((isHost && data.role !== 'host') || (!isHost && data.role !== 'seat')) {
    return reply(failure(data.lang, data.role === 'guest' ? 'UNAUTHORIZED' : 'FORBIDDEN'));
  }
  const parsed = parseCommandEvent(event, args[0]);
  if (!parsed.ok) {
    strike(socket, now);
    const issue = parsed.error.issues[0];
    return reply(
      failure(data.lang, 'BAD_REQUEST', issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : undefined),
    );
  }
  const actor: Actor = isHost ? { kind: 'host' } : { kind: 'seat', seatId: data.seatId ?? '' };
  reply(localise(data.lang, await deps.registry.submit(rt, actor, parsed.cmdId, parsed.command)));
}

async function join(
  deps: GatewayDeps,
  rt: SessionRuntime,
  socket: GameSocket,
  payload: unknown,
  reply: AckFn,
): Promise<void> {
  const data = socket.data;
  if (data.role !== 'guest') return reply(failure(data.lang, 'FORBIDDEN', 'already in a seat'));
  const parsed = JoinSchema.safeParse(payload);
  if (!parsed.success) {
    // Bad input is a strike here as for every other event (docs/protocol.md section 2).
    strike(socket, deps.now());
    const issue = parsed.error.issues[0];
    return reply(failure(data.lang, 'BAD_REQUEST', issue && `${issue.path.join('.') || 'payload'}: ${issue.message}`));
  }
  if (normaliseCode(parsed.data.code) !== rt.code) return reply(failure(data.lang, 'NOT_FOUND'));
  if (!deps.joinLimiter.take(data.ip, deps.now())) return reply(failure(data.lang, 'RATE_LIMITED'));
  const result = localise(data.lang, await deps.registry.join(rt, parsed.data.name, parsed.data.cmdId, data.ip));
  if (result.ok) {
    data.role = 'seat';
    data.seatId = result.seat.id;
    // From now on it draws from its seat's bucket, like every other socket of the seat (docs/protocol.md section 2).
    data.bucket = deps.seatLimiter.bucket(seatBucketKey(rt.code, result.seat.id), deps.now());
    await enterRooms(deps, rt, socket);
  }
  reply(result);
}

/** After seats change: kicked sockets are told and disconnected, moved seats change rooms and are told. */
export async function reconcileSeats(io: GameIo, rt: SessionRuntime, seatIds: readonly string[]): Promise<void> {
  // Only the seats that changed: going over every seat and welcoming every connected socket again on each join made
  // a lecture hall's joins quadratic.
  const wanted = new Set(seatIds);
  for (const seat of rt.state.seats) {
    if (!wanted.has(seat.id)) continue;
    const room = rooms.seat(rt.code, seat.id);
    const members = io.sockets.adapter.rooms.get(room);
    if (!members || members.size === 0) continue;
    for (const id of [...members]) {
      const socket = io.sockets.sockets.get(id);
      if (!socket) continue;
      const data = socket.data;
      if (seat.kicked) {
        socket.emit('session:closed', { code: rt.code, reason: 'KICKED' });
        socket.disconnect(true);
        continue;
      }
      const target = roomFor(rooms.region(rt.code, seat.world, seat.region), data.protocol);
      if (data.regionRoom !== target) {
        if (data.regionRoom) await socket.leave(data.regionRoom);
        await socket.join(target);
        data.regionRoom = target;
      }
      socket.emit('session:welcome', {
        role: 'student',
        seatId: seat.id,
        name: seat.name,
        world: seat.world,
        region: seat.region,
        code: rt.code,
      });
    }
  }
}
