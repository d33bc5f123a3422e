// npm run bench:load: the game server under classroom load. The server runs as its own process (fresh DATA_DIR,
// LOG_LEVEL=warn); simulated students run in separate worker processes (tests/bench/load/students.ts), each student
// on its own WebSocket. Sessions of 30 students plus one of 300 are created and moved into the decide phase by
// their host socket; every student then sends a decision:draft every ~5 s. At each step (500, 1,000, 2,000, 3,000
// connected students, ramped up at ~100 joins/s) it measures ack latency (send -> ack), update latency (send -> the
// first state:view showing the change), server CPU and memory, and errors; after the run every acknowledged command
// is looked up in its session's export. Prints figures; never fails on them.
//
//   npm run bench:load -- [--steps 500,1000,2000,3000] [--measure 25] [--workers 3] [--ramp 100] [--action-ms 5000]
//                         [--big 300] [--session 30] [--broadcast-ms 100] [--wait-quiet 60] [--profile] [--profile-students]
// --wait-quiet: wait up to that many seconds for other jobs on the machine to quieten down before starting.
// --profile runs the server with node --cpu-prof and prints where its time went during the last step
// (--profile-students: the same for the first student process).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { httpJson } from './load/http.js';
import type { FromWorker, SessionSpec, ToWorker, VerifyReport, WindowReport } from './load/ipc.js';
import { cpuMs, machineCpuMs, openFilesLimit, statusMb } from './load/proc.js';
import { readProfile, summarise, type Entry } from './load/profile.js';
import { fmtMs, percentile, sortNumbers, table } from './load/stats.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SESSION_BODY = { preset: 'baseline-then-reforms', config: { phases: { briefing: 5, negotiate: 600, decide: 600, results: 30 } } };

const { values: opt } = parseArgs({
  options: {
    steps: { type: 'string', default: '500,1000,2000,3000' },
    measure: { type: 'string', default: '25' },
    workers: { type: 'string', default: '3' },
    ramp: { type: 'string', default: '100' },
    'action-ms': { type: 'string', default: '5000' },
    big: { type: 'string', default: '300' },
    session: { type: 'string', default: '30' },
    'broadcast-ms': { type: 'string' },
    profile: { type: 'boolean', default: false },
    'profile-students': { type: 'boolean', default: false },
    'wait-quiet': { type: 'string', default: '60' },
  },
});

const steps = opt.steps.split(',').map((s) => Number(s.trim()));
const measureMs = Number(opt.measure) * 1000;
const workerCount = Number(opt.workers);
const ramp = Number(opt.ramp);
const actionMs = Number(opt['action-ms']);
const bigSize = Number(opt.big);
const sessionSize = Number(opt.session);
const ackTimeoutMs = 10_000;
const graceMs = 2_000;
if (steps.some((s) => !Number.isInteger(s) || s <= 0) || [measureMs, workerCount, ramp, actionMs, sessionSize].some((v) => !(v > 0))) {
  throw new Error('bad options: see the header of tests/bench/load.ts');
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const started = performance.now();
const log = (s: string) => process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${s}\n`);

// ---- the server ----

const dataDir = mkdtempSync(join(tmpdir(), 'pr-load-data-'));
const profDir = opt.profile ? mkdtempSync(join(tmpdir(), 'pr-load-prof-')) : null;
const studentProfDir = opt['profile-students'] ? mkdtempSync(join(tmpdir(), 'pr-load-student-prof-')) : null;
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  // Every simulated student comes from 127.0.0.1.
  JOIN_RATE_PER_MINUTE: '100000',
  ...(opt['broadcast-ms'] ? { BROADCAST_MS: opt['broadcast-ms'] } : {}),
};
const serverLogLevels = { warn: 0, error: 0, other: 0 };
const serverArgs = [...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), '--import', 'tsx', 'server/main.ts'];
const server = spawn(process.execPath, serverArgs, { cwd: ROOT, env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] });
const serverPid = server.pid ?? 0;
server.stderr.setEncoding('utf8').on('data', (s: string) => process.stderr.write(`[server] ${s}`));

const base = await new Promise<string>((ok, fail) => {
  let buf = '';
  const timer = setTimeout(() => fail(new Error('the server did not start within 60 s')), 60_000);
  server.once('exit', (code) => fail(new Error(`the server exited with ${code}`)));
  server.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const m = /open http:\/\/localhost:(\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        ok(`http://127.0.0.1:${m[1]}`);
      } else if (line.startsWith('{')) {
        // pino writes JSON lines to stdout: count warnings and errors, show the first few.
        const level = /"level":(\d+)/.exec(line)?.[1];
        const kind = level === '40' ? 'warn' : level === '50' || level === '60' ? 'error' : 'other';
        serverLogLevels[kind]++;
        if (serverLogLevels.warn + serverLogLevels.error <= 5) process.stderr.write(`[server] ${line.slice(0, 400)}\n`);
      }
    }
  });
});

// ---- the workers ----

interface WorkerHandle {
  id: number;
  proc: ChildProcess;
  inbox: FromWorker[];
  waiters: (() => void)[];
  students: number;
}

const workers: WorkerHandle[] = [];
let workerFailure: string | null = null;
let shuttingDown = false;
for (let id = 0; id < workerCount; id++) {
  const execArgv = [...(studentProfDir ? ['--cpu-prof', `--cpu-prof-dir=${studentProfDir}`] : []), '--import', 'tsx'];
  const proc = fork(join(ROOT, 'tests/bench/load/students.ts'), [], { cwd: ROOT, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const w: WorkerHandle = { id, proc, inbox: [], waiters: [], students: 0 };
  proc.on('message', (m: FromWorker) => {
    if (m.type === 'fatal' && !workerFailure) {
      workerFailure = `worker ${m.workerId}: ${m.message}`;
      log(`FATAL ${workerFailure}`);
    }
    w.inbox.push(m);
    for (const f of w.waiters.splice(0)) f();
  });
  proc.on('exit', (code) => {
    if (code !== 0 && !shuttingDown) workerFailure ??= `worker ${id} exited with ${code}`;
    for (const f of w.waiters.splice(0)) f();
  });
  workers.push(w);
}

function tell(w: WorkerHandle, m: ToWorker): void {
  w.proc.send(m);
}

/** The next message of a type from a worker (waits; fails on a worker failure or after timeoutMs). */
async function receive<T extends FromWorker['type']>(w: WorkerHandle, type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const i = w.inbox.findIndex((m) => m.type === type);
    if (i >= 0) return w.inbox.splice(i, 1)[0] as Extract<FromWorker, { type: T }>;
    if (workerFailure) throw new Error(workerFailure);
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`worker ${w.id}: no "${type}" within ${timeoutMs} ms`);
    await new Promise<void>((r) => {
      const t = setTimeout(r, Math.min(left, 1000));
      w.waiters.push(() => {
        clearTimeout(t);
        r();
      });
    });
  }
}

for (const w of workers) tell(w, { type: 'init', workerId: w.id, base, actionMs, ackTimeoutMs, graceMs });

// ---- sessions ----

let sessionsCreated = 0;
async function createSession(students: number): Promise<SessionSpec> {
  // The server allows 30 session creations per IP (then one per 2 s): spread them over loopback source addresses.
  const i = sessionsCreated++;
  const r = await httpJson('POST', `${base}/api/sessions`, { body: SESSION_BODY, localAddress: `127.0.${2 + Math.floor(i / 20)}.1`, agent: false });
  const body = r.body as { code?: string; hostToken?: string; projectorToken?: string };
  if (r.status !== 201 || !body.code || !body.hostToken || !body.projectorToken) throw new Error(`create session: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return { code: body.code, hostToken: body.hostToken, projectorToken: body.projectorToken, students };
}

/** Session sizes per step: the 300-student session first, then sessions of 30 (the last one of a step may be smaller). */
function plan(): number[][] {
  let total = 0;
  let bigDone = bigSize <= 0;
  return steps.map((target) => {
    let need = target - total;
    const sizes: number[] = [];
    if (!bigDone && need >= bigSize) {
      sizes.push(bigSize);
      need -= bigSize;
      bigDone = true;
    }
    while (need > 0) {
      const s = Math.min(sessionSize, need);
      sizes.push(s);
      need -= s;
    }
    total = Math.max(total, target);
    return sizes;
  });
}

// ---- steps ----

interface StepResult {
  students: number;
  sessions: number;
  rampS: number;
  reports: WindowReport[];
  serverCpuPct: number;
  serverRssMb: number;
  /** CPU of everything else on the machine (other users' processes, kernel threads), % of one core. */
  otherCpuPct: number;
  machineCpuPct: number;
  windowS: number;
  profileRange: { fromUs: number; toUs: number };
}

const cores = availableParallelism();
const fdLimit = openFilesLimit();
const maxStudents = Math.max(...steps);
log(`machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, open-file limit ${fdLimit}`);
if (fdLimit < maxStudents + 1000) log(`warning: the open-file limit (${fdLimit}) is low for ${maxStudents} sockets: raise it with ulimit -n`);
log(`server pid ${serverPid} at ${base} (DATA_DIR ${dataDir}${profDir ? `, --cpu-prof into ${profDir}` : ''}); ${workerCount} student worker processes`);

// The machine may be shared: wait (a while) for the other jobs on it to quieten down before measuring.
const quietDeadline = performance.now() + Number(opt['wait-quiet']) * 1000;
for (;;) {
  const m0 = machineCpuMs();
  await sleep(2000);
  const busyPct = ((machineCpuMs().busy - m0.busy) / 2000) * 100;
  if (busyPct < 30 || performance.now() > quietDeadline) {
    log(`machine CPU before the run: ${busyPct.toFixed(0)} % of ${cores * 100} %${busyPct >= 30 ? ' (busy with other jobs: the figures will suffer)' : ''}`);
    break;
  }
  log(`machine busy with other jobs (${busyPct.toFixed(0)} % of ${cores * 100} %): waiting for it to quieten down`);
}

const results: StepResult[] = [];
const sessionCount = { total: 0 };
const plans = plan();
try {
  for (let s = 0; s < steps.length; s++) {
    const stepNo = s + 1;
    const sizes = plans[s] ?? [];
    const t0 = performance.now();
    const specs = await Promise.all(sizes.map((n) => createSession(n)));
    sessionCount.total += specs.length;
    // Largest first, each to the least loaded worker.
    const assigned = new Map<WorkerHandle, SessionSpec[]>(workers.map((w) => [w, []]));
    for (const spec of [...specs].sort((a, b) => b.students - a.students)) {
      const w = workers.reduce((a, b) => (b.students < a.students ? b : a));
      w.students += spec.students;
      assigned.get(w)?.push(spec);
    }
    const newStudents = sizes.reduce((a, b) => a + b, 0);
    log(`step ${stepNo}: ${steps[s]} students: adding ${specs.length} sessions (${newStudents} students) at ~${ramp} joins/s`);
    for (const w of workers) {
      const mine = assigned.get(w) ?? [];
      const share = mine.reduce((a, b) => a + b.students, 0) / Math.max(1, newStudents);
      tell(w, { type: 'add', step: stepNo, sessions: mine, ratePerSecond: ramp * share });
    }
    const rampTimeout = 60_000 + (newStudents / ramp) * 3000;
    const ready = await Promise.all(workers.map((w) => receive(w, 'ready', rampTimeout)));
    const rampS = (performance.now() - t0) / 1000;
    log(`  ${ready.reduce((a, r) => a + r.sockets, 0)} sockets open, every session in the decide phase after ${rampS.toFixed(1)} s; settling`);
    // Let every new student reach its steady rhythm (the first action comes within one interval).
    await sleep(actionMs + 1000);
    const cpu0 = cpuMs(serverPid);
    const machine0 = machineCpuMs();
    const own0 = process.cpuUsage();
    const hr0 = process.hrtime.bigint();
    for (const w of workers) tell(w, { type: 'measureStart', step: stepNo });
    await sleep(measureMs);
    for (const w of workers) tell(w, { type: 'measureEnd', step: stepNo });
    const hr1 = process.hrtime.bigint();
    const cpu1 = cpuMs(serverPid);
    const machine1 = machineCpuMs();
    const own = process.cpuUsage(own0);
    const rss = statusMb(serverPid, 'VmRSS');
    const windowS = Number(hr1 - hr0) / 1e9;
    const reports = await Promise.all(workers.map((w) => receive(w, 'report', graceMs + 30_000)));
    const pct = (ms: number) => (ms / 1000 / windowS) * 100;
    const genMs = reports.reduce((a, x) => a + x.cpuMs, 0);
    const machineMs = machine1.busy - machine0.busy;
    const r: StepResult = {
      students: steps[s] ?? 0, sessions: sessionCount.total, rampS, reports, windowS,
      serverCpuPct: pct(cpu1 - cpu0), serverRssMb: rss, machineCpuPct: pct(machineMs),
      otherCpuPct: Math.max(0, pct(machineMs - (cpu1 - cpu0) - genMs - (own.user + own.system) / 1000)),
      profileRange: { fromUs: Number(hr0 / 1000n), toUs: Number(hr1 / 1000n) },
    };
    results.push(r);
    const ack = sortNumbers(reports.flatMap((x) => x.ack));
    const upd = sortNumbers(reports.flatMap((x) => x.update));
    log(`  measured ${windowS.toFixed(1)} s: ${ack.length} commands, ack p50 ${fmtMs(percentile(ack, 50))} / p99 ${fmtMs(percentile(ack, 99))} ms, update p99 ${fmtMs(percentile(upd, 99))} ms, server CPU ${r.serverCpuPct.toFixed(0)} %, `
      + `students' processes ${pct(genMs).toFixed(0)} %, everything else on the machine ${r.otherCpuPct.toFixed(0)} %`);
  }

  log('stopping the students and waiting for acks in flight');
  for (const w of workers) tell(w, { type: 'stop' });
  await Promise.all(workers.map((w) => receive(w, 'stopped', ackTimeoutMs + 10_000)));
  log('checking every acknowledged command against the session exports');
  for (const w of workers) tell(w, { type: 'verify' });
  const verified: VerifyReport[] = await Promise.all(workers.map((w) => receive(w, 'verified', 300_000)));
  printResults(verified);
} finally {
  shuttingDown = true;
  const gone = (p: ChildProcess) => p.exitCode !== null || p.signalCode !== null;
  for (const w of workers) if (w.proc.connected) tell(w, { type: 'exit' });
  for (let i = 0; i < 100 && workers.some((w) => !gone(w.proc)); i++) await sleep(100);
  for (const w of workers) if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGKILL');
  // A graceful stop (SIGTERM) lets the server write its CPU profile.
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  server.kill('SIGTERM');
  let killTimer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((r) => (killTimer = setTimeout(r, 30_000)))]);
  clearTimeout(killTimer);
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}

if (profDir) printProfile('server', profDir);
if (studentProfDir) printProfile('student process', studentProfDir);
log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);

// ---- output ----

function printResults(verified: VerifyReport[]): void {
  const lostByStep = new Map<number, number>();
  for (const v of verified) for (const [k, n] of Object.entries(v.lostByStep)) lostByStep.set(Number(k), (lostByStep.get(Number(k)) ?? 0) + n);
  const checked = verified.reduce((a, v) => a + v.checked, 0);
  const mismatched = verified.reduce((a, v) => a + v.mismatched, 0);
  const lostTotal = [...lostByStep.values()].reduce((a, b) => a + b, 0);

  const rows = results.map((r, i) => {
    const ack = sortNumbers(r.reports.flatMap((x) => x.ack));
    const upd = sortNumbers(r.reports.flatMap((x) => x.update));
    const commands = r.reports.reduce((a, x) => a + x.commands, 0);
    const errs = r.reports.reduce((a, x) => {
      const e = x.errors;
      return a + Object.values(e.errorAcks).reduce((p, q) => p + q, 0) + e.timeouts + e.disconnects + e.connectErrors + e.joinErrors;
    }, 0);
    const genCpu = r.reports.reduce((a, x) => a + x.cpuMs, 0) / (r.windowS * 1000) * 100;
    const views = r.reports.reduce((a, x) => a + x.views, 0) / r.windowS;
    const lost = lostByStep.get(i + 1) ?? 0;
    return [
      r.students.toLocaleString('en'), String(r.sessions), String(commands), (commands / r.windowS).toFixed(0),
      fmtMs(percentile(ack, 50)), fmtMs(percentile(ack, 99)), fmtMs(percentile(upd, 50)), fmtMs(percentile(upd, 99)), views.toFixed(0),
      r.serverCpuPct.toFixed(0), r.serverRssMb.toFixed(0), genCpu.toFixed(0), r.otherCpuPct.toFixed(0), String(errs), String(lost),
    ];
  });
  const header = ['students', 'sessions', 'commands', 'cmd/s', 'ack p50', 'ack p99', 'upd p50', 'upd p99', 'views/s', 'srv CPU%', 'srv RSS MB', 'gen CPU%', 'other CPU%', 'errors', 'lost'];
  process.stdout.write(`\nPromotion Race load benchmark: ${cores} cores, Node ${process.version}, ${workerCount} student processes, `
    + `1 draft per student every ${actionMs / 1000} s (±20 %), ${(measureMs / 1000).toFixed(0)} s measured per step, sessions of ${sessionSize} + one of ${bigSize}\n`);
  process.stdout.write('latencies in ms; views/s = state:view messages received by all students; CPU in % of one core: srv = the server process, '
    + 'gen = the student processes together, other = everything else on the machine (other users\' jobs compete for the same cores)\n\n');
  process.stdout.write(`${table(header, rows)}\n\n`);
  for (const [i, r] of results.entries()) {
    const e = r.reports.map((x) => x.errors);
    const acks: Record<string, number> = {};
    for (const x of e) for (const [k, n] of Object.entries(x.errorAcks)) acks[k] = (acks[k] ?? 0) + n;
    const sum = (f: (x: WindowReport['errors']) => number) => e.reduce((a, x) => a + f(x), 0);
    const ackMissing = r.reports.reduce((a, x) => a + x.ackMissing, 0);
    const updMissing = r.reports.reduce((a, x) => a + x.updateMissing, 0);
    const sockets = r.reports.reduce((a, x) => a + x.sockets, 0);
    const reasons: Record<string, number> = {};
    for (const x of e) for (const [k, n] of Object.entries(x.connectErrorReasons)) reasons[k] = (reasons[k] ?? 0) + n;
    const lag = Math.max(...r.reports.map((x) => x.loopDelayP99));
    const mb = r.reports.reduce((a, x) => a + x.viewChars, 0) / r.windowS / 1e6;
    process.stdout.write(`step ${i + 1}: ${sockets} sockets (students + a host and a projector per session), ramp-up ${r.rampS.toFixed(1)} s; `
      + `errors since the previous step: error acks ${JSON.stringify(acks)}, timeouts ${sum((x) => x.timeouts)}, disconnects ${sum((x) => x.disconnects)}, `
      + `connect errors ${sum((x) => x.connectErrors)} ${JSON.stringify(reasons)}, join errors ${sum((x) => x.joinErrors)}; `
      + `no ack ${graceMs / 1000} s after the window ${ackMissing}, no update ${updMissing}; views ${mb.toFixed(1)} MB/s; `
      + `server CPU per view sent ${((r.serverCpuPct * 10_000 * r.windowS) / Math.max(1, r.reports.reduce((a, x) => a + x.views, 0))).toFixed(0)} µs; `
      + `machine CPU ${r.machineCpuPct.toFixed(0)} % of ${cores * 100} %; student processes' event-loop delay p99 ${fmtMs(lag)} ms\n`);
  }
  process.stdout.write(`\nacknowledged commands checked against the exports: ${checked}; lost ${lostTotal}, different content ${mismatched}`
    + `${verified.some((v) => v.failures.length > 0) ? `; ${verified.flatMap((v) => v.failures).slice(0, 5).join('; ')}` : ''}\n`);
  process.stdout.write(`server log lines: ${serverLogLevels.warn} warnings, ${serverLogLevels.error} errors; server peak RSS ${statusMbSafe('VmHWM')} MB\n`);

  const last = results[results.length - 1];
  if (last) {
    const ack = sortNumbers(last.reports.flatMap((x) => x.ack));
    const upd = sortNumbers(last.reports.flatMap((x) => x.update));
    const errs = Number(rows[rows.length - 1]?.[13] ?? 0);
    const misses: string[] = [];
    if (percentile(ack, 99) > 50) misses.push(`p99 ack ${fmtMs(percentile(ack, 99))} ms > 50`);
    if (percentile(upd, 99) > 250) misses.push(`p99 update ${fmtMs(percentile(upd, 99))} ms > 250`);
    if (errs > 0) misses.push(`${errs} errors`);
    if (lostTotal + mismatched > 0) misses.push(`${lostTotal + mismatched} lost or altered commands`);
    process.stdout.write(`goal at ${last.students.toLocaleString('en')} students (p99 ack <= 50 ms, p99 update <= 250 ms, no errors, nothing lost): `
      + `${misses.length === 0 ? 'met' : `missed (${misses.join(', ')})`}\n`);
  }
}

function statusMbSafe(field: 'VmHWM'): string {
  try {
    return statusMb(serverPid, field).toFixed(0);
  } catch {
    return '?';
  }
}

function printProfile(what: string, dir: string): void {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) {
    log(`no CPU profile was written in ${dir}`);
    return;
  }
  const path = join(dir, file);
  const last = results[results.length - 1];
  const sum = summarise(readProfile(path), last?.profileRange);
  const fmt = (list: Entry[]) => list.map((e) => `  ${e.ms.toFixed(0).padStart(7)} ms ${e.pct.toFixed(1).padStart(5)} %  ${e.name}`).join('\n');
  process.stdout.write(`\n${what} CPU profile ${path}\n`
    + `${sum.filtered ? `samples of the last measurement window (${last?.students ?? '?'} students)` : 'the whole run'}: `
    + `${sum.rangeMs.toFixed(0)} ms, busy ${sum.busyMs.toFixed(0)} ms (${((100 * sum.busyMs) / Math.max(1, sum.rangeMs)).toFixed(0)} %)\n`);
  process.stdout.write(`\nby area (self time, % of busy):\n${fmt(sum.areas)}\n`);
  process.stdout.write(`\ntop functions by self time:\n${fmt(sum.self)}\n`);
  process.stdout.write(`\ntop functions by inclusive time:\n${fmt(sum.inclusive)}\n`);
}
