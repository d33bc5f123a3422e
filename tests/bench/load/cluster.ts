// npm run bench:load -- --nodes N (N >= 2): figures of a cluster of N processes on PostgreSQL (BENCH_DATABASE_URL,
// else TEST_DATABASE_URL; a fresh schema, dropped afterwards).
//  1. The added latency of a forwarded command: one seat's decision drafts sent alternately through the process that
//     runs its session and through another one (two sockets of the same seat), ack latency of each.
//  2. kill -9 to running again: a session in a running phase, its owner killed, the time until another process
//     lists it as running (/healthz), over --kills kills (a fresh process replaces each killed one).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { httpJson } from './http.js';
import { createSession } from './sessions.js';
import { startServer, stopServer, type ServerProcess } from './server.js';
import { percentile, sortNumbers } from './stats.js';

const quantile = (xs: readonly number[], q: number) => percentile(sortNumbers([...xs]), q * 100);

type Log = (s: string) => void;

function databaseUrl(): string {
  const url = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('--nodes needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
  return url;
}

function socketFor(base: string, auth: Record<string, string>): Promise<Socket> {
  const sock = io(base, { transports: ['websocket'], forceNew: true, auth, reconnection: false });
  return new Promise((ok, fail) => {
    sock.once('connect', () => ok(sock));
    sock.once('connect_error', (e) => fail(e));
  });
}

async function ack(sock: Socket, event: string, payload: Record<string, unknown>): Promise<number> {
  const t0 = performance.now();
  const r = (await sock.timeout(10_000).emitWithAck(event, payload)) as { ok: boolean; error?: { code: string } };
  if (!r.ok) throw new Error(`${event}: ${r.error?.code ?? 'failed'}`);
  return performance.now() - t0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function running(node: ServerProcess): Promise<string[]> {
  const r = await httpJson('GET', `${node.base}/healthz`, { timeoutMs: 2000 }).catch(() => null);
  const body = r?.body as { running?: string[] } | undefined;
  return body?.running ?? [];
}

async function ownerOf(nodes: readonly ServerProcess[], code: string): Promise<ServerProcess | undefined> {
  for (const n of nodes) if ((await running(n)).includes(code)) return n;
  return undefined;
}

/** A session with one seat, moved into the decide phase by its host. */
async function decidingSession(base: string): Promise<{ code: string; seatToken: string }> {
  const spec = await createSession(base, 1);
  const join = await httpJson('POST', `${base}/api/sessions/${spec.code}/join`, { body: { name: 'Bench' } });
  const seatToken = (join.body as { seatToken: string }).seatToken;
  const host = await socketFor(base, { code: spec.code, token: spec.hostToken });
  await ack(host, 'host:start', { cmdId: `start-${randomBytes(4).toString('hex')}` });
  await ack(host, 'host:endPhase', { cmdId: `neg-${randomBytes(4).toString('hex')}` });
  await ack(host, 'host:endPhase', { cmdId: `dec-${randomBytes(4).toString('hex')}` });
  host.close();
  return { code: spec.code, seatToken };
}

async function forwardedLatency(nodes: ServerProcess[], log: Log): Promise<void> {
  const [a, b] = nodes as [ServerProcess, ServerProcess];
  const { code, seatToken } = await decidingSession(a.base);
  const owner = await ownerOf(nodes, code);
  const local = await socketFor(owner?.base ?? a.base, { code, token: seatToken });
  const remote = await socketFor(owner === b ? a.base : b.base, { code, token: seatToken });
  const times = { local: [] as number[], forwarded: [] as number[] };
  for (let i = 0; i < 400; i++) {
    const via = i % 2 === 0 ? 'local' : 'forwarded';
    const decision = { invest: ['ELEC', 'AUTO', 'FOOD'][i % 3], barriers: [], comply: {} };
    const ms = await ack(via === 'local' ? local : remote, 'decision:draft', { cmdId: `draft-${i}-${code}`, decision });
    if (i >= 40) times[via].push(ms);
    await sleep(60);
  }
  local.close();
  remote.close();
  const row = (name: string, xs: number[]) =>
    `${name.padEnd(10)} p50 ${quantile(xs, 0.5).toFixed(2)} ms  p99 ${quantile(xs, 0.99).toFixed(2)} ms  (${xs.length} acks)`;
  log(`ack latency of one seat's drafts, ${nodes.length} processes, quiet otherwise:`);
  log(`  ${row('local', times.local)}`);
  log(`  ${row('forwarded', times.forwarded)}`);
  log(
    `  added by forwarding: p50 ${(quantile(times.forwarded, 0.5) - quantile(times.local, 0.5)).toFixed(2)} ms, p99 ${(quantile(times.forwarded, 0.99) - quantile(times.local, 0.99)).toFixed(2)} ms`,
  );
}

async function killToRunning(
  root: string,
  nodes: ServerProcess[],
  env: Record<string, string>,
  kills: number,
  log: Log,
) {
  const times: number[] = [];
  for (let k = 0; k < kills; k++) {
    const creator = nodes[k % nodes.length]!;
    const { code } = await decidingSession(creator.base);
    const victim = (await ownerOf(nodes, code)) ?? creator;
    const survivors = nodes.filter((n) => n !== victim);
    const gone = new Promise<void>((r) => victim.proc.once('exit', () => r()));
    const t0 = performance.now();
    victim.proc.kill('SIGKILL');
    let back: ServerProcess | undefined;
    while (!back) {
      back = await ownerOf(survivors, code);
      if (!back) await sleep(50);
      if (performance.now() - t0 > 60_000) throw new Error(`${code} was not taken over within 60 s`);
    }
    times.push(performance.now() - t0);
    log(`kill ${k + 1}/${kills}: ${code} running again after ${(times[times.length - 1]! / 1000).toFixed(2)} s`);
    await gone;
    rmSync(victim.dataDir, { recursive: true, force: true });
    nodes[nodes.indexOf(victim)] = await startServer(root, { profile: false, broadcastMs: undefined, env });
  }
  const sorted = [...times].sort((x, y) => x - y);
  log(
    `kill -9 to running again over ${kills} kills: median ${(quantile(sorted, 0.5) / 1000).toFixed(2)} s, max ${(sorted[sorted.length - 1]! / 1000).toFixed(2)} s (LEASE_MS ${env['LEASE_MS'] ?? '5000'})`,
  );
}

export async function runCluster(root: string, count: number, kills: number, log: Log): Promise<void> {
  if (count < 2) throw new Error('--nodes needs at least 2 processes for the cluster figures');
  const url = databaseUrl();
  const schema = `bench_${Date.now().toString(36)}`;
  const env = { DATABASE_URL: url, DATABASE_SCHEMA: schema };
  const nodes: ServerProcess[] = [];
  try {
    for (let i = 0; i < count; i++)
      nodes.push(await startServer(root, { profile: false, broadcastMs: undefined, env }));
    log(`${count} processes on PostgreSQL (schema ${schema}): ${nodes.map((n) => n.base).join(', ')}`);
    await forwardedLatency(nodes, log);
    await killToRunning(root, nodes, env, kills, log);
  } finally {
    for (const n of nodes) await stopServer(n);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}
