// npm run bench:load -- --scenario adapters: the two Socket.IO adapters the issue allows, measured on their own
// (the server uses the PostgreSQL one, server/cluster/attach.ts; this is the measurement behind that choice). Two
// Socket.IO servers A and B in this process, with @socket.io/postgres-adapter (NOTIFY on PostgreSQL:
// BENCH_DATABASE_URL or TEST_DATABASE_URL, a fresh schema) and then @socket.io/redis-adapter (a redis-server
// started here on a free port, without persistence: `apt-get install redis-server`; REDIS_URL to use another):
//  1. a request and its reply between A and B with serverSideEmit: the hop a forwarded command makes (and the
//     owner's `cluster:seq` announcements are the same kind of small message);
//  2. a message emitted by A to a room whose socket is on B, of 1 kB and of 20 kB (a whole view is 5-23 kB): what a
//     view would cost if views crossed the adapter (they do not: a process renders its own sockets' views);
//  3. throughput: 2,000 small room messages sent at once from A, until B's socket has them all.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter as pgAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as redisAdapter } from '@socket.io/redis-adapter';
import pg from 'pg';
import { createClient } from 'redis';
import { Server, type ServerOptions } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { freePort } from '../../server/cluster/nginx.js';
import { databaseUrl, dropSchema, loadAverage } from './capacity.js';
import { quantile, sleep } from './cluster-client.js';

type Log = (s: string) => void;
type AdapterFactory = NonNullable<ServerOptions['adapter']>;

interface Pair {
  a: Server;
  b: Server;
  client: ClientSocket;
  https: HttpServer[];
}

async function listen(adapter: AdapterFactory): Promise<{ io: Server; http: HttpServer; port: number }> {
  const http = createServer();
  const io = new Server(http, { adapter });
  io.on('connection', (s) => void s.join('room'));
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  return { io, http, port: (http.address() as AddressInfo).port };
}

async function pair(adapterA: AdapterFactory, adapterB: AdapterFactory): Promise<Pair> {
  const a = await listen(adapterA);
  const b = await listen(adapterB);
  const client = connectClient(`http://127.0.0.1:${b.port}`, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((ok) => client.once('connect', () => ok()));
  // Both servers must know of each other before serverSideEmit reaches them (the adapters' heartbeats).
  await sleep(1500);
  return { a: a.io, b: b.io, client, https: [a.http, b.http] };
}

async function closePair(p: Pair): Promise<void> {
  p.client.close();
  await p.a.close().catch(() => undefined);
  await p.b.close().catch(() => undefined);
}

const fmt = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(2)} ms, p99 ${quantile(xs, 0.99).toFixed(2)} ms`;

async function requestReply(p: Pair, n: number): Promise<number[]> {
  const waiting = new Map<number, () => void>();
  p.b.on('bench:req', (id: number) => p.b.serverSideEmit('bench:rep', id));
  p.a.on('bench:rep', (id: number) => waiting.get(id)?.());
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise<void>((ok) => {
      waiting.set(i, ok);
      p.a.serverSideEmit('bench:req', i);
    });
    waiting.delete(i);
    if (i >= n / 10) times.push(performance.now() - t0);
    await sleep(10);
  }
  return times;
}

async function roomLatency(p: Pair, bytes: number, n: number): Promise<number[]> {
  const body = 'x'.repeat(bytes);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const got = new Promise<number>((ok) => p.client.once('bench:view', () => ok(performance.now())));
    const t0 = performance.now();
    p.a.to('room').emit('bench:view', { i, body });
    const t1 = await Promise.race([got, sleep(10_000).then(() => Number.NaN)]);
    if (Number.isNaN(t1)) throw new Error(`a ${bytes}-byte message did not arrive within 10 s`);
    if (i >= n / 10) times.push(t1 - t0);
    await sleep(10);
  }
  return times;
}

async function throughput(p: Pair, n: number): Promise<number> {
  let got = 0;
  const all = new Promise<void>((ok) =>
    p.client.on('bench:burst', () => {
      if (++got === n) ok();
    }),
  );
  const t0 = performance.now();
  for (let i = 0; i < n; i++) p.a.to('room').emit('bench:burst', { i, seq: i * 7 });
  await Promise.race([all, sleep(60_000)]);
  if (got < n) throw new Error(`only ${got} of ${n} burst messages arrived within 60 s`);
  return n / ((performance.now() - t0) / 1000);
}

async function measure(name: string, p: Pair, log: Log): Promise<void> {
  log(`${name}: request and reply between two servers (serverSideEmit): ${fmt(await requestReply(p, 500))}`);
  for (const bytes of [1_000, 20_000])
    log(
      `${name}: a ${bytes / 1000} kB message to a socket on the other server: ${fmt(await roomLatency(p, bytes, 300))}`,
    );
  log(`${name}: 2,000 small messages at once: ${(await throughput(p, 2000)).toFixed(0)} messages/s`);
  log(`  load average ${loadAverage()}`);
}

async function withPostgres(log: Log): Promise<void> {
  const url = databaseUrl();
  const schema = `bench_adapter_${Date.now().toString(36)}`;
  const pools: pg.Pool[] = [];
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.query(
    `CREATE TABLE "${schema}".socket_io_attachments (id BIGSERIAL UNIQUE, created_at TIMESTAMPTZ DEFAULT now(), payload BYTEA)`,
  );
  await admin.end();
  const factory = () => {
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
    pools.push(pool);
    return pgAdapter(pool, { channelPrefix: `bench_${schema}`, heartbeatInterval: 1000, heartbeatTimeout: 3000 });
  };
  const p = await pair(factory(), factory());
  try {
    await measure('PostgreSQL adapter', p, log);
  } finally {
    await closePair(p);
    for (const pool of pools) await pool.end();
    await dropSchema(url, schema);
  }
}

async function startRedis(): Promise<{ url: string; proc: ChildProcess | null }> {
  const given = process.env['REDIS_URL'];
  if (given) return { url: given, proc: null };
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = performance.now() + 10_000;
  for (;;) {
    const probe = createClient({ url });
    probe.on('error', () => undefined);
    const up = await probe.connect().then(
      () => true,
      () => false,
    );
    if (up) {
      await probe.quit();
      return { url, proc };
    }
    if (performance.now() > deadline || proc.exitCode !== null)
      throw new Error('redis-server did not start: apt-get install redis-server, or set REDIS_URL');
    await sleep(100);
  }
}

async function withRedis(log: Log): Promise<void> {
  const { url, proc } = await startRedis();
  const clients: { quit(): Promise<unknown> }[] = [];
  const factory = async () => {
    const pub = createClient({ url });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    clients.push(pub, sub);
    return redisAdapter(pub, sub);
  };
  const p = await pair(await factory(), await factory());
  try {
    await measure('Redis adapter', p, log);
  } finally {
    await closePair(p);
    for (const c of clients) await c.quit().catch(() => undefined);
    proc?.kill('SIGTERM');
  }
}

export async function runAdapters(log: Log): Promise<void> {
  log(`two Socket.IO servers and one client in this process; load average ${loadAverage()}`);
  await withPostgres(log);
  await withRedis(log);
}
