// npm run bench:load: the game server under classroom load. The server runs as its own process (fresh DATA_DIR,
// LOG_LEVEL=warn); simulated students run in separate worker processes (tests/bench/load/students.ts), each student
// on its own WebSocket speaking protocol 2 as the browser client does (a full view, then patches applied with
// shared/protocol/patch.ts; a missed patch asks for a full view with state:sync). Sessions of 30 students plus one
// of 300 are created and moved into the decide phase by their host socket; every student then sends a
// decision:draft every ~5 s. At each step (500, 1,000, 2,000, 3,000 connected students, ramped up at ~100 joins/s)
// it measures ack latency (send -> ack), update latency (send -> the first view, full or patched, showing the
// change), server CPU and memory, and errors; after the run every acknowledged command
// is looked up in its session's export. Prints figures; never fails on them (a step that never gets all its sessions
// ready ends the run early: the steps before it are still reported, and the exit code is 1).
//
//   npm run bench:load -- [--steps 500,1000,2000,3000] [--measure 25] [--workers 3] [--ramp 100] [--action-ms 5000]
//                         [--action draft|proposal] [--big 300] [--session 30] [--broadcast-ms 100] [--wait-quiet 60]
//                         [--profile] [--profile-students] [--nice 5]
// --action proposal: sessions are moved into the negotiate phase instead, and every action is a proposal:submit from
// the student's region to a linked region of its world that has students (in turn; the terms differ every time, so
// the student's view shows which proposal arrived). Nobody accepts or marks negotiation done, so the phase runs on.
// There is no mix of both: a draft is accepted only in the decide phase, a proposal only in negotiate.
// --wait-quiet: wait up to that many seconds for other jobs on the machine to quieten down before starting.
// --nice: the CPU priority of the processes that simulate students (0 = the server's own). On a 2-core machine they
// share the cores with the server; in a classroom they are other devices (see load/workers.ts).
// --scenario join-burst [--joins 600] [--concurrency 50]: another session's ack latency while a lecture hall joins
// one session (tests/bench/load/join-burst.ts). --scenario round-bytes: what one scripted round costs a student's
// connection on the wire with protocol 1 and protocol 2 (tests/bench/load/round-bytes.ts). --scenario
// reconnect-storm [--steps 1000]: once the students are seated and acting (one short step, measured as usual),
// every student connection is dropped at once; prints how long until all are back in their seats with a full
// view (tests/bench/load/storm-report.ts), then checks the exports as usual.
// --nodes N (N >= 2): cluster figures, N processes on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL), see
// tests/bench/load/cluster.ts: the steps above against 1 and then N processes behind nginx, and the ratio of
// students held at ack p99 <= 50 ms; --scenario failover [--kills 20]: the latency a forwarded command adds, and
// kill -9 to running again; --scenario rolling-restart [--restarts 10]: SIGTERM of a session's owner to the first
// ack on the new owner; --scenario adapters: the Socket.IO PostgreSQL and Redis adapters measured on their own.
// --profile runs the server with node --cpu-prof and prints where its time went during the last step
// (--profile-students: the same for the first student process).
//
// The parts: load/options.ts (options), load/server.ts (the server process), load/workers.ts (the student
// processes), load/sessions.ts (which sessions, on which worker), load/steps.ts (one step, measured),
// load/report.ts (the printed results); the students' side starts in load/students.ts.
import { mkdtempSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerifyReport } from './load/ipc.js';
import { isClusterScenario, runCluster } from './load/cluster.js';
import { runJoinBurst } from './load/join-burst.js';
import { runRoundBytes } from './load/round-bytes.js';
import { parseOptions } from './load/options.js';
import { openFilesLimit } from './load/proc.js';
import { printProfile, printResults } from './load/report.js';
import { startServer, stopServer } from './load/server.js';
import { runStorm } from './load/storm-report.js';
import { plan } from './load/sessions.js';
import { runStep, waitQuiet, type StepResult } from './load/steps.js';
import { WorkerPool } from './load/workers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const opts = parseOptions();
const started = performance.now();
const log = (s: string) =>
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${s}\n`);

if (opts.nodes > 1 || isClusterScenario(opts.scenario)) {
  await runCluster(ROOT, opts, log);
  process.exit(0);
}

if (opts.scenario === 'join-burst') {
  await runJoinBurst(ROOT, opts, log);
  process.exit(0);
}
if (opts.scenario === 'round-bytes') {
  await runRoundBytes(ROOT, opts, log);
  process.exit(0);
}

const server = await startServer(ROOT, { profile: opts.profile, broadcastMs: opts.broadcastMs });
const studentProfDir = opts.profileStudents ? mkdtempSync(join(tmpdir(), 'pr-load-student-prof-')) : null;
const pool = new WorkerPool(ROOT, opts.workerCount, studentProfDir, opts.nice, log);
for (const w of pool.workers) {
  pool.tell(w, {
    type: 'init',
    workerId: w.id,
    base: server.base,
    actionMs: opts.actionMs,
    action: opts.action,
    ackTimeoutMs: opts.ackTimeoutMs,
    graceMs: opts.graceMs,
  });
}

const cores = availableParallelism();
const fdLimit = openFilesLimit();
const maxStudents = Math.max(...opts.steps);
log(
  `machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, open-file limit ${fdLimit}`,
);
if (fdLimit < maxStudents + 1000)
  log(`warning: the open-file limit (${fdLimit}) is low for ${maxStudents} sockets: raise it with ulimit -n`);
log(
  `server pid ${server.pid} at ${server.base} (DATA_DIR ${server.dataDir}${server.profDir ? `, --cpu-prof into ${server.profDir}` : ''}); ${opts.workerCount} student worker processes`,
);

await waitQuiet(opts.waitQuietS, cores, log);

const results: StepResult[] = [];
const plans = plan(opts.steps, opts.bigSize, opts.sessionSize);
const stepCtx = { opts, pool, base: server.base, serverPids: [server.pid], log, sessionCount: { total: 0 } };
let failure: string | undefined;
try {
  for (let s = 0; s < opts.steps.length; s++) {
    try {
      results.push(await runStep(stepCtx, s + 1, opts.steps[s] ?? 0, plans[s] ?? []));
    } catch (e) {
      // An overloaded server can keep a step from ever getting ready: still report the steps measured before it.
      failure = `step ${s + 1} (${(opts.steps[s] ?? 0).toLocaleString('en')} students) did not complete: ${e instanceof Error ? e.message : String(e)}`;
      log(failure);
      process.exitCode = 1;
      break;
    }
  }

  if (opts.scenario === 'reconnect-storm' && !failure) await runStorm(pool, server.pid, log);
  log('stopping the students and waiting for acks in flight');
  pool.tellAll({ type: 'stop' });
  await pool.receiveAll('stopped', opts.ackTimeoutMs + 10_000);
  log('checking every acknowledged command against the session exports');
  pool.tellAll({ type: 'verify' });
  const verified: VerifyReport[] = await pool.receiveAll('verified', 300_000);
  printResults({ opts, cores, results, serverPid: server.pid, serverLogLevels: server.logLevels, failure }, verified);
} finally {
  await pool.shutdown();
  await stopServer(server);
}

if (server.profDir) printProfile('server', server.profDir, results, log);
if (studentProfDir) printProfile('student process', studentProfDir, results, log);
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
