// Socket authentication, once per connection: the handshake's code and token become a role on socket.data.
import { errorText } from '../../shared/i18n/index.js';
import type { ErrorCode } from '../../shared/protocol/errors.js';
import { HandshakeSchema } from '../../shared/protocol/events.js';
import type { SessionRegistry } from '../sessions/registry.js';
import { normaliseCode, tokenMatches, hashToken } from '../sessions/tokens.js';
import type { Store } from '../store/types.js';
import { KeyedLimiter, TokenBucket } from './rateLimit.js';
import type { GameSocket, SocketData } from './socketData.js';

export class AuthError extends Error {
  readonly data: { code: ErrorCode; message: string };
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.data = { code, message };
  }
}

export function clientIp(socket: GameSocket): string {
  return socket.handshake.address || 'unknown';
}

/**
 * Commands per seat (all its sockets together): bursts of twice the rate per second (20, then 10 a second). In a
 * cluster the session's owner also draws forwarded commands from it, so the limit holds across processes.
 */
export function commandLimiter(perSecond: number): KeyedLimiter {
  return new KeyedLimiter(2 * perSecond, perSecond);
}

/** The key of a seat's bucket in the command limiter. */
export const seatBucketKey = (code: string, seatId: string) => `${code}|${seatId}`;

export function authMiddleware(registry: SessionRegistry, store: Store, now: () => number, limits: KeyedLimiter) {
  return (socket: GameSocket, next: (err?: Error) => void): void => {
    authenticate(socket, registry, store, now, limits).then(
      (data) => {
        socket.data = data;
        next();
      },
      (e: unknown) => next(e instanceof AuthError ? e : new AuthError('INTERNAL', 'authentication failed')),
    );
  };
}

async function authenticate(
  socket: GameSocket,
  registry: SessionRegistry,
  store: Store,
  now: () => number,
  limits: KeyedLimiter,
): Promise<SocketData> {
  const parsed = HandshakeSchema.safeParse(socket.handshake.auth);
  if (!parsed.success) throw new AuthError('BAD_REQUEST', 'the handshake needs { code, token?, lang?, protocol? }');
  const { token, lang = 'en', protocol = 1 } = parsed.data;
  const code = normaliseCode(parsed.data.code);
  const rt = await registry.get(code);
  if (!rt) throw new AuthError('NOT_FOUND', errorText(lang, 'NOT_FOUND'));
  const base = {
    code,
    lang,
    ip: clientIp(socket),
    bucket: new TokenBucket(20, 10, now()),
    strikes: [],
    regionRoom: null,
    protocol,
  };
  if (!token) return { ...base, role: 'guest', seatId: null };
  if (tokenMatches(token, rt.row.hostTokenHash)) return { ...base, role: 'host', seatId: null };
  if (tokenMatches(token, rt.row.projectorTokenHash)) return { ...base, role: 'projector', seatId: null };
  const seatId = await store.seatByTokenHash(code, hashToken(token));
  if (!seatId) throw new AuthError('UNAUTHORIZED', errorText(lang, 'UNAUTHORIZED'));
  // A seat made moments ago by another process may not be in this process's copy yet.
  const seat =
    rt.state.seats.find((s) => s.id === seatId) ??
    (await registry.fresh(code))?.state.seats.find((s) => s.id === seatId);
  if (!seat) throw new AuthError('UNAUTHORIZED', errorText(lang, 'UNAUTHORIZED'));
  if (seat.kicked) throw new AuthError('KICKED', errorText(lang, 'KICKED'));
  // A seat's sockets share one bucket: opening more sockets does not buy more commands (the host's token is the
  // instructor's own, so the host keeps one bucket per socket).
  return { ...base, role: 'seat', seatId, bucket: limits.bucket(seatBucketKey(code, seatId), now()) };
}
