// What the server keeps on each socket after authentication, and the typed Socket.IO server and socket.
import type { Server, Socket } from 'socket.io';
import type { Lang } from '../../shared/i18n/index.js';
import type { ClientToServerEvents } from '../../shared/protocol/events.js';
import type { InterServerEvents } from '../cluster/messages.js';
import type { ServerToClientEvents } from '../../shared/protocol/server-events.js';
import type { TokenBucket } from './rateLimit.js';

export type SocketRole = 'host' | 'projector' | 'seat' | 'guest';

export interface SocketData {
  code: string;
  role: SocketRole;
  seatId: string | null;
  lang: Lang;
  ip: string;
  bucket: TokenBucket;
  strikes: number[];
  /** The room of the seat's region, to move it when the host moves the seat. */
  regionRoom: string | null;
  /** 1: a full view on every change; 2: a full view on connect and state:sync, then patches (docs/protocol.md). */
  protocol: 1 | 2;
}

/** The server's Socket.IO types: the event maps of shared/protocol and of the cluster, and this socket data. */
export type GameIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type GameSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
