// The reconnect storm seen from the orchestrator (--scenario reconnect-storm): once every student is seated and
// acting, every worker drops all its student connections at the same moment (storm.ts); prints how long the
// students took to be back in their seats with a full view, and the server's CPU meanwhile. The students go on
// acting afterwards, so the usual check against the exports covers the storm too.
import type { StormReport } from './ipc.js';
import { cpuMs, machineCpuMs } from './proc.js';
import { fmtMs, percentile, sortNumbers, table } from './stats.js';
import type { WorkerPool } from './workers.js';

const TIMEOUT_MS = 60_000;

export async function runStorm(pool: WorkerPool, serverPid: number, log: (s: string) => void): Promise<void> {
  log('reconnect storm: every student connection dropped at once');
  const cpu0 = cpuMs(serverPid);
  const machine0 = machineCpuMs();
  const t0 = performance.now();
  pool.tellAll({ type: 'storm', timeoutMs: TIMEOUT_MS });
  const reports: StormReport[] = await pool.receiveAll('stormed', TIMEOUT_MS + 30_000);
  const wallMs = performance.now() - t0;
  const serverPct = ((cpuMs(serverPid) - cpu0) / wallMs) * 100;
  const machinePct = ((machineCpuMs().busy - machine0.busy) / wallMs) * 100;
  const times = sortNumbers(reports.flatMap((r) => r.times));
  const missing = reports.reduce((a, r) => a + r.missing, 0);
  const connectErrors = reports.reduce((a, r) => a + r.connectErrors, 0);
  const allBack = missing === 0 ? (times[times.length - 1] ?? 0) : Number.NaN;
  process.stdout.write(
    `\nReconnect storm: ${times.length + missing} students dropped at once; drop -> back in the seat with a full view, in ms ` +
      `(the client's reconnection delay of 500 ms ±50 % included):\n\n` +
      table(
        ['students', 'back', 'missing', 'p50', 'p90', 'p99', 'all back', 'connect errors', 'srv CPU%', 'machine CPU%'],
        [
          [
            String(times.length + missing),
            String(times.length),
            String(missing),
            fmtMs(percentile(times, 50)),
            fmtMs(percentile(times, 90)),
            fmtMs(percentile(times, 99)),
            missing === 0 ? fmtMs(allBack) : `> ${TIMEOUT_MS}`,
            String(connectErrors),
            serverPct.toFixed(0),
            machinePct.toFixed(0),
          ],
        ],
      ) +
      `\ngoal (all back within 10 s): ${missing === 0 && allBack <= 10_000 ? 'met' : 'missed'}\n\n`,
  );
}
