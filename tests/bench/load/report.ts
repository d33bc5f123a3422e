// The printed results of the load benchmark: one table row per step, a line of details per step (errors by kind,
// view volume, machine CPU), the check against the exports, and whether the goal at the last step was met; and
// the summary of a --cpu-prof profile (server or student process), for the last measurement window.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifyReport, WindowReport } from './ipc.js';
import type { LoadOptions } from './options.js';
import { statusMb } from './proc.js';
import { readProfile, summarise, type Entry } from './profile.js';
import { fmtMs, percentile, sortNumbers, table } from './stats.js';
import type { StepResult } from './steps.js';

export interface ReportContext {
  opts: LoadOptions;
  cores: number;
  results: readonly StepResult[];
  serverPid: number;
  serverLogLevels: { warn: number; error: number };
  /** Why the run stopped before its last step, if it did. */
  failure?: string | undefined;
}

/** Counts by key (error code, reason), added up over the student processes. */
function addCounts(counts: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const c of counts) for (const [k, n] of Object.entries(c)) total[k] = (total[k] ?? 0) + n;
  return total;
}

export function printResults(ctx: ReportContext, verified: VerifyReport[]): void {
  const { opts, cores, results } = ctx;
  const lostByStep = new Map<number, number>();
  for (const v of verified)
    for (const [k, n] of Object.entries(v.lostByStep)) lostByStep.set(Number(k), (lostByStep.get(Number(k)) ?? 0) + n);
  const checked = verified.reduce((a, v) => a + v.checked, 0);
  const mismatched = verified.reduce((a, v) => a + v.mismatched, 0);
  const lostTotal = [...lostByStep.values()].reduce((a, b) => a + b, 0);

  const rows = results.map((r, i) => {
    const ack = sortNumbers(r.reports.flatMap((x) => x.ack));
    const upd = sortNumbers(r.reports.flatMap((x) => x.update));
    const commands = r.reports.reduce((a, x) => a + x.commands, 0);
    const errs = r.reports.reduce((a, x) => {
      const e = x.errors;
      return (
        a +
        Object.values(e.errorAcks).reduce((p, q) => p + q, 0) +
        e.timeouts +
        e.disconnects +
        e.connectErrors +
        e.joinErrors
      );
    }, 0);
    const genCpu = (r.reports.reduce((a, x) => a + x.cpuMs, 0) / (r.windowS * 1000)) * 100;
    const msgs = r.reports.reduce((a, x) => a + x.views + x.patches, 0) / r.windowS;
    const lost = lostByStep.get(i + 1) ?? 0;
    return [
      r.students.toLocaleString('en'),
      String(r.sessions),
      String(commands),
      (commands / r.windowS).toFixed(0),
      fmtMs(percentile(ack, 50)),
      fmtMs(percentile(ack, 99)),
      fmtMs(percentile(upd, 50)),
      fmtMs(percentile(upd, 99)),
      msgs.toFixed(0),
      r.serverCpuPct.toFixed(0),
      r.serverRssMb.toFixed(0),
      genCpu.toFixed(0),
      r.otherCpuPct.toFixed(0),
      String(errs),
      String(lost),
    ];
  });
  const header = [
    'students',
    'sessions',
    'commands',
    'cmd/s',
    'ack p50',
    'ack p99',
    'upd p50',
    'upd p99',
    'msgs/s',
    'srv CPU%',
    'srv RSS MB',
    'gen CPU%',
    'other CPU%',
    'errors',
    'lost',
  ];
  const what = opts.action === 'proposal' ? 'proposal (negotiate phase)' : 'draft';
  process.stdout.write(
    `\nPromotion Race load benchmark: ${cores} cores, Node ${process.version}, ${opts.workerCount} student processes (nice ${opts.nice}), ` +
      `1 ${what} per student every ${opts.actionMs / 1000} s (±20 %), ${(opts.measureMs / 1000).toFixed(0)} s measured per step, sessions of ${opts.sessionSize} + one of ${opts.bigSize}\n`,
  );
  process.stdout.write(
    'latencies in ms; msgs/s = full views and patches received by all sockets (protocol 2); CPU in % of one core: srv = the server process, ' +
      "gen = the student processes together, other = everything else on the machine (other users' jobs compete for the same cores)\n\n",
  );
  process.stdout.write(`${table(header, rows)}\n\n`);
  for (const [i, r] of results.entries()) {
    const e = r.reports.map((x) => x.errors);
    const acks = addCounts(e.map((x) => x.errorAcks));
    const sum = (f: (x: WindowReport['errors']) => number) => e.reduce((a, x) => a + f(x), 0);
    const ackMissing = r.reports.reduce((a, x) => a + x.ackMissing, 0);
    const updMissing = r.reports.reduce((a, x) => a + x.updateMissing, 0);
    const sockets = r.reports.reduce((a, x) => a + x.sockets, 0);
    const reasons = addCounts(e.map((x) => x.connectErrorReasons));
    const joinReasons = addCounts(e.map((x) => x.joinErrorReasons));
    const lag = Math.max(...r.reports.map((x) => x.loopDelayP99));
    const mb = r.reports.reduce((a, x) => a + x.bytesIn, 0) / r.windowS / 1e6;
    const views = r.reports.reduce((a, x) => a + x.views, 0);
    const patches = r.reports.reduce((a, x) => a + x.patches, 0);
    const resyncs = r.reports.reduce((a, x) => a + x.resyncs, 0);
    process.stdout.write(
      `step ${i + 1}: ${sockets} sockets (students + a host and a projector per session), ramp-up ${r.rampS.toFixed(1)} s; ` +
        `errors since the previous step: error acks ${JSON.stringify(acks)}, timeouts ${sum((x) => x.timeouts)}, disconnects ${sum((x) => x.disconnects)}, ` +
        `connect errors ${sum((x) => x.connectErrors)} ${JSON.stringify(reasons)}, join errors ${sum((x) => x.joinErrors)} ${JSON.stringify(joinReasons)}; ` +
        `no ack ${opts.graceMs / 1000} s after the window ${ackMissing}, no update ${updMissing}; ` +
        `received ${mb.toFixed(1)} MB/s in ${views} full views and ${patches} patches (${resyncs} patches missed a view: state:sync); ` +
        `server CPU per message sent ${((r.serverCpuPct * 10_000 * r.windowS) / Math.max(1, views + patches)).toFixed(0)} µs; ` +
        `machine CPU ${r.machineCpuPct.toFixed(0)} % of ${cores * 100} %; student processes' event-loop delay p99 ${fmtMs(lag)} ms\n`,
    );
  }
  process.stdout.write(
    `\nacknowledged commands checked against the exports: ${checked}; lost ${lostTotal}, different content ${mismatched}` +
      `${
        verified.some((v) => v.failures.length > 0)
          ? `; ${verified
              .flatMap((v) => v.failures)
              .slice(0, 5)
              .join('; ')}`
          : ''
      }\n`,
  );
  process.stdout.write(
    `server log lines: ${ctx.serverLogLevels.warn} warnings, ${ctx.serverLogLevels.error} errors; server peak RSS ${statusMbSafe(ctx.serverPid, 'VmHWM')} MB\n`,
  );

  const last = results[results.length - 1];
  if (ctx.failure) {
    process.stdout.write(`goal at ${Math.max(...opts.steps).toLocaleString('en')} students: missed (${ctx.failure})\n`);
  } else if (last) {
    const ack = sortNumbers(last.reports.flatMap((x) => x.ack));
    const upd = sortNumbers(last.reports.flatMap((x) => x.update));
    const errs = Number(rows[rows.length - 1]?.[13] ?? 0);
    const misses: string[] = [];
    if (percentile(ack, 99) > 50) misses.push(`p99 ack ${fmtMs(percentile(ack, 99))} ms > 50`);
    if (percentile(upd, 99) > 250) misses.push(`p99 update ${fmtMs(percentile(upd, 99))} ms > 250`);
    if (errs > 0) misses.push(`${errs} errors`);
    if (lostTotal + mismatched > 0) misses.push(`${lostTotal + mismatched} lost or altered commands`);
    process.stdout.write(
      `goal at ${last.students.toLocaleString('en')} students (p99 ack <= 50 ms, p99 update <= 250 ms, no errors, nothing lost): ` +
        `${misses.length === 0 ? 'met' : `missed (${misses.join(', ')})`}\n`,
    );
  }
}

function statusMbSafe(pid: number, field: 'VmHWM'): string {
  try {
    return statusMb(pid, field).toFixed(0);
  } catch {
    return '?';
  }
}

export function printProfile(
  what: string,
  dir: string,
  results: readonly StepResult[],
  log: (s: string) => void,
): void {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) {
    log(`no CPU profile was written in ${dir}`);
    return;
  }
  const path = join(dir, file);
  const last = results[results.length - 1];
  const sum = summarise(readProfile(path), last?.profileRange);
  const fmt = (list: Entry[]) =>
    list.map((e) => `  ${e.ms.toFixed(0).padStart(7)} ms ${e.pct.toFixed(1).padStart(5)} %  ${e.name}`).join('\n');
  process.stdout.write(
    `\n${what} CPU profile ${path}\n` +
      `${sum.filtered ? `samples of the last measurement window (${last?.students ?? '?'} students)` : 'the whole run'}: ` +
      `${sum.rangeMs.toFixed(0)} ms, busy ${sum.busyMs.toFixed(0)} ms (${((100 * sum.busyMs) / Math.max(1, sum.rangeMs)).toFixed(0)} %)\n`,
  );
  process.stdout.write(`\nby area (self time, % of busy):\n${fmt(sum.areas)}\n`);
  process.stdout.write(`\ntop functions by self time:\n${fmt(sum.self)}\n`);
  process.stdout.write(`\ntop functions by inclusive time:\n${fmt(sum.inclusive)}\n`);
}
