// npm run bench:load -- --nodes N (N >= 2): figures of a cluster of N processes on PostgreSQL (BENCH_DATABASE_URL,
// else TEST_DATABASE_URL; a fresh schema per run, dropped afterwards). The scenarios:
//  - (default, steps) the classroom load against 1 and N processes behind nginx: tests/bench/load/capacity.ts.
//  - failover: 1. the added latency of a forwarded command: one seat's decision drafts sent alternately through the
//    process that runs its session and through another one (two sockets of the same seat), ack latency of each;
//    2. kill -9 to running again: a session in a running phase, its owner killed, the time until another process
//    lists it as running (/healthz), over --kills kills (a fresh process replaces each killed one).
//  - rolling-restart: SIGTERM of a session's owner to the first ack on the new owner: tests/bench/load/rolling.ts.
//  - adapters: the Socket.IO PostgreSQL and Redis adapters on their own: tests/bench/load/adapters.ts.
import { rmSync } from 'node:fs';
import { runAdapters } from './adapters.js';
import { databaseUrl, dropSchema, loadAverage, runCapacity } from './capacity.js';
import { ack, decidingSession, ownerOf, quantile, sleep, socketFor } from './cluster-client.js';
import { CLUSTER_SCENARIOS, type LoadOptions, type Scenario } from './options.js';
import { runRollingRestart } from './rolling.js';
import { startServer, stopServer, type ServerProcess } from './server.js';

type Log = (s: string) => void;

export const isClusterScenario = (s: Scenario) => (CLUSTER_SCENARIOS as readonly Scenario[]).includes(s);

async function forwardedLatency(nodes: ServerProcess[], log: Log): Promise<void> {
  const [a, b] = nodes as [ServerProcess, ServerProcess];
  const { code, seatTokens } = await decidingSession(a.base);
  const seatToken = seatTokens[0] ?? '';
  const owner = await ownerOf(nodes, code);
  const local = await socketFor(owner?.base ?? a.base, { code, token: seatToken });
  const remote = await socketFor(owner === b ? a.base : b.base, { code, token: seatToken });
  const times = { local: [] as number[], forwarded: [] as number[] };
  for (let i = 0; i < 400; i++) {
    const via = i % 2 === 0 ? 'local' : 'forwarded';
    const decision = { invest: ['ELEC', 'AUTO', 'FOOD'][i % 3], barriers: [], comply: {} };
    const ms = await ack(via === 'local' ? local : remote, 'decision:draft', { cmdId: `draft-${i}-${code}`, decision });
    if (i >= 40) times[via].push(ms);
    // Under the seat's command limit (10 a second by default), which the owner counts over both sockets.
    await sleep(120);
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

export async function runCluster(root: string, opts: LoadOptions, log: Log): Promise<void> {
  if (opts.scenario === 'adapters') return runAdapters(log);
  if (opts.nodes < 2) throw new Error('--nodes needs at least 2 processes for the cluster figures');
  if (opts.scenario === 'steps') return runCapacity(root, opts, log);
  if (opts.scenario === 'rolling-restart') return runRollingRestart(root, opts, log);
  if (opts.scenario !== 'failover') throw new Error(`--scenario ${opts.scenario} does not run on several processes`);
  const url = databaseUrl();
  const schema = `bench_${Date.now().toString(36)}`;
  const env = { DATABASE_URL: url, DATABASE_SCHEMA: schema };
  const nodes: ServerProcess[] = [];
  try {
    for (let i = 0; i < opts.nodes; i++)
      nodes.push(await startServer(root, { profile: false, broadcastMs: undefined, env }));
    log(`${opts.nodes} processes on PostgreSQL (schema ${schema}): ${nodes.map((n) => n.base).join(', ')}`);
    log(`load average before: ${loadAverage()}`);
    await forwardedLatency(nodes, log);
    log(`load average: ${loadAverage()}`);
    await killToRunning(root, nodes, env, opts.kills, log);
    log(`load average after: ${loadAverage()}`);
  } finally {
    for (const n of nodes) await stopServer(n);
    await dropSchema(url, schema);
  }
}
