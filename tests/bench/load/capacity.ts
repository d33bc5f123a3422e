// npm run bench:load -- --nodes N [--steps ...] [--action draft|proposal]: the classroom load of the one-process
// bench (the same student workers, sessions and steps: tests/bench/load/steps.ts) against 1 and then N server
// processes on PostgreSQL, each time behind a real nginx with deploy/nginx.conf (the students, hosts and projectors
// all use nginx's address: it spreads their WebSockets and HTTP requests over the processes by open connections,
// so sessions are created on, and students connected to, every process). Each configuration gets a fresh schema.
// A configuration stops at the first step whose ack p99 is over the 50 ms goal; the figure compared is the largest
// step held at ack p99 <= 50 ms, and the ratio N : 1.
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import { startNginx, type Nginx } from '../../server/cluster/nginx.js';
import type { VerifyReport } from './ipc.js';
import type { LoadOptions } from './options.js';
import { cpuMs } from './proc.js';
import { printResults } from './report.js';
import { startServer, stopServer, type ServerProcess } from './server.js';
import { plan } from './sessions.js';
import { runStep, waitQuiet, type StepResult } from './steps.js';
import { fmtMs, percentile, sortNumbers } from './stats.js';
import { WorkerPool } from './workers.js';

type Log = (s: string) => void;

export const ACK_GOAL_MS = 50;

export function databaseUrl(): string {
  const url = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('--nodes needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
  return url;
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

export const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const ackP99 = (r: StepResult) => percentile(sortNumbers(r.reports.flatMap((x) => x.ack)), 99);

interface Outcome {
  nodes: number;
  results: StepResult[];
  /** The largest step held at ack p99 <= 50 ms (0: none). */
  held: number;
  nodeCpuPct: number[];
}

/** N processes on a fresh schema, nginx in front, the stepped load through nginx. */
async function runConfiguration(root: string, opts: LoadOptions, count: number, log: Log): Promise<Outcome> {
  const url = databaseUrl();
  const schema = `bench_cap${count}_${Date.now().toString(36)}`;
  const env = { DATABASE_URL: url, DATABASE_SCHEMA: schema };
  const nodes: ServerProcess[] = [];
  let nginx: Nginx | null = null;
  let pool: WorkerPool | null = null;
  const results: StepResult[] = [];
  const nodeCpu: number[] = [];
  try {
    for (let i = 0; i < count; i++)
      nodes.push(await startServer(root, { profile: false, broadcastMs: opts.broadcastMs, env }));
    nginx = await startNginx(nodes.map((n) => Number(new URL(n.base).port)));
    log(`${count} process(es) on PostgreSQL (schema ${schema}) behind nginx at ${nginx.url}`);
    pool = new WorkerPool(root, opts.workerCount, null, opts.nice, log);
    for (const w of pool.workers)
      pool.tell(w, {
        type: 'init',
        workerId: w.id,
        base: nginx.url,
        actionMs: opts.actionMs,
        action: opts.action,
        ackTimeoutMs: opts.ackTimeoutMs,
        graceMs: opts.graceMs,
      });
    await waitQuiet(opts.waitQuietS, availableParallelism(), log);
    const plans = plan(opts.steps, opts.bigSize, opts.sessionSize);
    const ctx = {
      opts,
      pool,
      base: nginx.url,
      serverPids: nodes.map((n) => n.pid),
      log,
      sessionCount: { total: 0 },
    };
    let failure: string | undefined;
    for (let s = 0; s < opts.steps.length; s++) {
      const cpu0 = nodes.map((n) => cpuMs(n.pid));
      const t0 = performance.now();
      try {
        results.push(await runStep(ctx, s + 1, opts.steps[s] ?? 0, plans[s] ?? []));
      } catch (e) {
        failure = `step ${s + 1} did not complete: ${e instanceof Error ? e.message : String(e)}`;
        log(failure);
        break;
      }
      const secs = (performance.now() - t0) / 1000;
      nodeCpu.splice(0, nodeCpu.length, ...nodes.map((n, i) => ((cpuMs(n.pid) - (cpu0[i] ?? 0)) / 1000 / secs) * 100));
      const last = results[results.length - 1];
      log(
        `  load average ${loadAverage()}; each process's CPU over the whole step: ${nodeCpu.map((c) => `${c.toFixed(0)} %`).join(', ')}`,
      );
      if (last && ackP99(last) > ACK_GOAL_MS) {
        log(`  ack p99 ${fmtMs(ackP99(last))} ms is over the ${ACK_GOAL_MS} ms goal: no bigger step for ${count}`);
        break;
      }
    }
    log('stopping the students and checking every acknowledged command against the session exports');
    pool.tellAll({ type: 'stop' });
    await pool.receiveAll('stopped', opts.ackTimeoutMs + 10_000);
    pool.tellAll({ type: 'verify' });
    const verified: VerifyReport[] = await pool.receiveAll('verified', 300_000);
    printResults(
      {
        opts,
        cores: availableParallelism(),
        results,
        serverPid: nodes[0]?.pid ?? 0,
        serverLogLevels: sumLevels(nodes),
        failure,
      },
      verified,
    );
  } finally {
    await pool?.shutdown();
    await nginx?.stop();
    for (const n of nodes) await stopServer(n);
    await dropSchema(url, schema);
  }
  const held = Math.max(0, ...results.filter((r) => ackP99(r) <= ACK_GOAL_MS).map((r) => r.students));
  return { nodes: count, results, held, nodeCpuPct: nodeCpu };
}

function sumLevels(nodes: readonly ServerProcess[]): { warn: number; error: number } {
  return nodes.reduce((a, n) => ({ warn: a.warn + n.logLevels.warn, error: a.error + n.logLevels.error }), {
    warn: 0,
    error: 0,
  });
}

export async function runCapacity(root: string, opts: LoadOptions, log: Log): Promise<void> {
  const outcomes: Outcome[] = [];
  for (const count of [1, opts.nodes]) {
    log(`---- ${count} process(es) ----`);
    outcomes.push(await runConfiguration(root, opts, count, log));
  }
  const [one, many] = outcomes as [Outcome, Outcome];
  log(`students held at ack p99 <= ${ACK_GOAL_MS} ms (${opts.action}s, steps ${opts.steps.join(',')}):`);
  for (const o of outcomes) {
    const rows = o.results.map((r) => `${r.students}: p99 ${fmtMs(ackP99(r))} ms`).join('; ');
    log(`  ${o.nodes} process(es): ${o.held.toLocaleString('en')} (${rows})`);
  }
  const ratio = one.held > 0 ? (many.held / one.held).toFixed(2) : '-';
  log(`  ratio ${many.nodes} : 1 = ${ratio} (load average now ${loadAverage()})`);
}
