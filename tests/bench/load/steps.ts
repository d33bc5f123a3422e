// One step of the load benchmark: add its sessions, wait until every one of them is in the acting phase, let the
// students settle into their rhythm, then measure a window (latencies from the workers, CPU from /proc). Also the
// wait for a quiet machine before the run: the machine may be shared, and other jobs compete for the same cores.
import { cpuMs, machineCpuMs, statusMb } from './proc.js';
import type { WindowReport } from './ipc.js';
import type { LoadOptions } from './options.js';
import { assign, createSession } from './sessions.js';
import { acksBySessionSize, slowAcksBySecond, fmtMs, percentile, sortNumbers } from './stats.js';
import type { WorkerPool } from './workers.js';

export interface StepResult {
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

export interface StepContext {
  opts: LoadOptions;
  pool: WorkerPool;
  base: string;
  /** The server process(es): their CPU and memory are summed (several with --nodes). */
  serverPids: readonly number[];
  log: (s: string) => void;
  /** Sessions created so far (all steps). */
  sessionCount: { total: number };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits (up to waitQuietS) for the machine to be less than 30 % busy, measured over 2 s. */
export async function waitQuiet(waitQuietS: number, cores: number, log: (s: string) => void): Promise<void> {
  const quietDeadline = performance.now() + waitQuietS * 1000;
  for (;;) {
    const m0 = machineCpuMs();
    await sleep(2000);
    const busyPct = ((machineCpuMs().busy - m0.busy) / 2000) * 100;
    if (busyPct < 30 || performance.now() > quietDeadline) {
      log(
        `machine CPU before the run: ${busyPct.toFixed(0)} % of ${cores * 100} %${busyPct >= 30 ? ' (busy with other jobs: the figures will suffer)' : ''}`,
      );
      return;
    }
    log(`machine busy with other jobs (${busyPct.toFixed(0)} % of ${cores * 100} %): waiting for it to quieten down`);
  }
}

export async function runStep(
  ctx: StepContext,
  stepNo: number,
  target: number,
  sizes: readonly number[],
): Promise<StepResult> {
  const { opts, pool, log } = ctx;
  const workers = pool.workers;
  const t0 = performance.now();
  const specs = await Promise.all(sizes.map((n) => createSession(ctx.base, n)));
  ctx.sessionCount.total += specs.length;
  const assigned = assign(workers, specs);
  const newStudents = sizes.reduce((a, b) => a + b, 0);
  log(
    `step ${stepNo}: ${target} students: adding ${specs.length} sessions (${newStudents} students) at ~${opts.ramp} joins/s`,
  );
  for (const w of workers) {
    const mine = assigned.get(w) ?? [];
    const share = mine.reduce((a, b) => a + b.students, 0) / Math.max(1, newStudents);
    pool.tell(w, { type: 'add', step: stepNo, sessions: mine, ratePerSecond: opts.ramp * share });
  }
  const rampTimeout = 60_000 + (newStudents / opts.ramp) * 3000;
  const ready = await pool.receiveAll('ready', rampTimeout);
  const rampS = (performance.now() - t0) / 1000;
  const phase = opts.action === 'proposal' ? 'negotiate' : 'decide';
  log(
    `  ${ready.reduce((a, r) => a + r.sockets, 0)} sockets open, every session in the ${phase} phase after ${rampS.toFixed(1)} s; settling`,
  );
  // Let every new student reach its steady rhythm (the first action comes within one interval).
  await sleep(opts.actionMs + 1000);
  const serverCpu = () => ctx.serverPids.reduce((a, pid) => a + cpuMs(pid), 0);
  const cpu0 = serverCpu();
  const machine0 = machineCpuMs();
  const own0 = process.cpuUsage();
  const hr0 = process.hrtime.bigint();
  pool.tellAll({ type: 'measureStart', step: stepNo });
  await sleep(opts.measureMs);
  pool.tellAll({ type: 'measureEnd', step: stepNo });
  const hr1 = process.hrtime.bigint();
  const cpu1 = serverCpu();
  const machine1 = machineCpuMs();
  const own = process.cpuUsage(own0);
  const rss = ctx.serverPids.reduce((a, pid) => a + statusMb(pid, 'VmRSS'), 0);
  const windowS = Number(hr1 - hr0) / 1e9;
  const reports = await pool.receiveAll('report', opts.graceMs + 30_000);
  const pct = (ms: number) => (ms / 1000 / windowS) * 100;
  const genMs = reports.reduce((a, x) => a + x.cpuMs, 0);
  const machineMs = machine1.busy - machine0.busy;
  const r: StepResult = {
    students: target,
    sessions: ctx.sessionCount.total,
    rampS,
    reports,
    windowS,
    serverCpuPct: pct(cpu1 - cpu0),
    serverRssMb: rss,
    machineCpuPct: pct(machineMs),
    otherCpuPct: Math.max(0, pct(machineMs - (cpu1 - cpu0) - genMs - (own.user + own.system) / 1000)),
    profileRange: { fromUs: Number(hr0 / 1000n), toUs: Number(hr1 / 1000n) },
  };
  const ack = sortNumbers(reports.flatMap((x) => x.ack));
  const upd = sortNumbers(reports.flatMap((x) => x.update));
  log(
    `  measured ${windowS.toFixed(1)} s: ${ack.length} commands, ack p50 ${fmtMs(percentile(ack, 50))} / p99 ${fmtMs(percentile(ack, 99))} ms, update p99 ${fmtMs(percentile(upd, 99))} ms, server CPU ${r.serverCpuPct.toFixed(0)} %, ` +
      `students' processes ${pct(genMs).toFixed(0)} %, everything else on the machine ${r.otherCpuPct.toFixed(0)} %`,
  );
  log(`  acks by session size: ${acksBySessionSize(reports)}`);
  log(`  acks over 50 ms by second of the window: ${slowAcksBySecond(reports, 50)}`);
  return r;
}
