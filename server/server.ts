// Builds a complete game server (HTTP + Socket.IO + store + sessions) and starts it; used by main.ts and tests.
import { createServer, type RequestListener, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { Server } from 'socket.io';
import { createApp } from './http/app.js';
import { Broadcaster } from './realtime/broadcaster.js';
import { attachGateway, reconcileSeats } from './realtime/gateway.js';
import { commandLimiter } from './realtime/auth.js';
import { KeyedLimiter } from './realtime/rateLimit.js';
import type { GameIo } from './realtime/socketData.js';
import { systemClock, type Clock } from './sessions/clock.js';
import { SessionRegistry } from './sessions/registry.js';
import type { SessionRuntime } from './sessions/runtime.js';
import type { ViewScope } from '../shared/model/session/scope.js';
import { attachCluster, databaseReachable } from './cluster/attach.js';
import type { ClusterNode } from './cluster/node.js';
import { PostgresStore } from './store/postgres.js';
import { SqliteStore } from './store/sqlite.js';
import type { Store } from './store/types.js';
import type { ServerEnv } from './config.js';

export interface GameServer {
  http: HttpServer;
  io: GameIo;
  registry: SessionRegistry;
  store: Store;
  port: number;
  url: string;
  /** Graceful stop: stop accepting, drain queues, snapshot, tell clients to reconnect, close the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  env: ServerEnv;
  clock?: Clock;
  store?: Store;
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file under DATA_DIR. */
async function openStore(env: ServerEnv, log: pino.Logger): Promise<Store> {
  if (env.DATABASE_URL)
    return PostgresStore.open({ connectionString: env.DATABASE_URL, schema: env.DATABASE_SCHEMA ?? 'public' });
  const file = join(resolve(env.DATA_DIR), 'promotion-race.sqlite');
  return new SqliteStore(file, env.SQLITE_SYNC, (message) => log.warn({ context: 'sqlite checkpoint' }, message));
}

export async function startServer({ env, clock = systemClock, store: givenStore }: StartOptions): Promise<GameServer> {
  const log = pino({ level: env.LOG_LEVEL });
  const onError = (err: unknown, context: string) => log.error({ err, context }, 'error');
  const store = givenStore ?? (await openStore(env, log));
  const now = () => clock.now();
  // The HTTP app must be the server's request listener before Socket.IO attaches: engine.io then hands it every
  // request that is not its own. A listener added after Socket.IO also got /socket.io/ requests, so an HTTP
  // long-polling request was answered twice and the second answer crashed the process.
  let app: RequestListener = (_req, res) => res.writeHead(503).end();
  const http = createServer((req, res) => app(req, res));
  const io: GameIo = new Server(http, {
    // The application refuses payloads over 16 KB with an error ack; the transport cuts off anything far larger.
    maxHttpBufferSize: 64_000,
    pingInterval: 20_000,
    pingTimeout: 25_000,
    serveClient: false,
  });
  let broadcaster: Broadcaster | null = null;
  let cluster: ClusterNode | null = null;
  const onChange = (rt: SessionRuntime, changedSeats: readonly string[], scope: ViewScope) => {
    cluster?.changed(rt);
    broadcaster?.changed(rt, scope);
    if (changedSeats.length > 0)
      reconcileSeats(io, rt, changedSeats).catch((e: unknown) => onError(e, 'reconcile seats'));
  };
  const registry = new SessionRegistry(store, clock, { onChange, onError });
  const seatLimiter = commandLimiter(env.SEAT_COMMANDS_PER_SECOND);
  const joinLimiter = new KeyedLimiter(env.JOIN_RATE_PER_MINUTE, env.JOIN_RATE_PER_MINUTE / 60);
  // With PostgreSQL the process is one node of a cluster (it may be the only one).
  if (store instanceof PostgresStore) {
    const leaseMs = env.LEASE_MS;
    cluster = attachCluster({ io, registry, store, leaseMs, seatLimiter, joinLimiter, now, onChange, onError });
  }
  broadcaster = new Broadcaster(io, env.BROADCAST_MS, now);
  const createLimiter = new KeyedLimiter(30, 0.5);
  app = createApp({
    registry,
    store,
    joinLimiter,
    createLimiter,
    publicUrl: env.PUBLIC_URL ?? null,
    clientDir: env.CLIENT_DIR ?? resolve('dist/client'),
    now,
    health: () => ({
      sockets: io.engine.clientsCount,
      ...(cluster ? { node: cluster.id, nodes: cluster.aliveNodes(), running: cluster.ownedCodes().sort() } : {}),
    }),
    ready: async () => ({
      database: store instanceof PostgresStore ? await databaseReachable(store) : true,
      ...(cluster ? { adapter: store instanceof PostgresStore && (await databaseReachable(store)) } : {}),
    }),
    onError,
  });
  attachGateway({
    io,
    registry,
    store,
    broadcaster,
    joinLimiter,
    seatLimiter,
    now,
    onError,
  });

  const recovered = cluster
    ? await cluster.start().then(() => cluster?.ownedCodes().length ?? 0)
    : await registry.recoverAll();
  if (cluster) registry.startHeartbeat();
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(env.PORT, env.HOST, () => ok());
  });
  const port = (http.address() as AddressInfo).port;
  log.info({ port, recovered, dataDir: env.DATA_DIR }, 'Promotion Race server listening');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      http.close();
      // Only this process's clients: with a cluster adapter io.emit would reach every process's.
      io.local.emit('server:restart', { inMs: 1000 });
      await cluster?.halt();
      await registry.shutdown();
      // Leases released, and the cluster work in progress finished (its adapter messages sent).
      await cluster?.release();
      broadcaster?.stop();
      // The sockets, then the adapter (its last message; it stops listening). io.close() also closes the (already
      // stopped) HTTP server; that second close may report "not running".
      await io.close().catch(() => undefined);
      cluster?.detach();
      // Last, as the adapter sends through the store's pool: it ends once the queries in flight have finished.
      await store.close();
      log.info('server stopped');
    })();
    return closing;
  };
  return { http, io, registry, store, port, url: `http://127.0.0.1:${port}`, close };
}
