// Turns a server on PostgreSQL into one process of a cluster: the Socket.IO PostgreSQL adapter (NOTIFY on the
// same database, one channel per schema) carries the messages between processes, and a ClusterNode runs this
// process's share of the sessions.
import { createAdapter } from '@socket.io/postgres-adapter';
import type { KeyedLimiter } from '../realtime/rateLimit.js';
import type { GameIo } from '../realtime/socketData.js';
import type { SessionRegistry } from '../sessions/registry.js';
import type { PostgresStore } from '../store/postgres.js';
import type { OnFollowerChange } from './follower.js';
import { ClusterNode } from './node.js';

export interface AttachClusterOptions {
  io: GameIo;
  registry: SessionRegistry;
  store: PostgresStore;
  leaseMs: number;
  seatLimiter: KeyedLimiter;
  joinLimiter: KeyedLimiter;
  now: () => number;
  onChange: OnFollowerChange;
  onError: (err: unknown, context: string) => void;
}

export function attachCluster(o: AttachClusterOptions): ClusterNode {
  o.io.adapter(
    createAdapter(o.store.pool, {
      channelPrefix: `promotion_race_${o.store.schema}`,
      tableName: 'socket_io_attachments',
      // A process gone is noticed by the adapter within 3 s (its own bookkeeping; leases decide ownership).
      heartbeatInterval: 1000,
      heartbeatTimeout: 3000,
      errorHandler: (err) => o.onError(err, 'socket.io adapter'),
    }),
  );
  return new ClusterNode(o);
}

/** Whether the database (which is also the adapter's transport) answers. */
export async function databaseReachable(store: PostgresStore): Promise<boolean> {
  try {
    await store.ping();
    return true;
  } catch {
    return false;
  }
}
