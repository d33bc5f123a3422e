// What the server keeps on each socket after authentication.
import type { Lang } from '../../shared/i18n/index.js';
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
