// `npm run bench:load -- --scenario join-burst [--joins 600] [--concurrency 50]`: does a lecture hall joining one
// session slow every other class? A quiet session (a host and 8 students in the decide phase, each student sending a
// draft every 250 ms) is measured for 5 s, then while `--joins` students join another session (HTTP join, WebSocket,
// first view; from a separate process, with that session's host console open), then for 5 s after. Prints the quiet
// session's ack latency in each window and how long the burst took.
import { spawn } from 'node:child_process';
import { loadavg, setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import { httpJson } from './http.js';
import type { LoadOptions } from './options.js';
import { cpuMs } from './proc.js';
import { printProfile } from './report.js';
import { startServer, stopServer } from './server.js';
import { createSession } from './sessions.js';
import { fmtMs, percentile, sortNumbers, table } from './stats.js';

type Log = (s: string) => void;
interface Sample {
  at: number;
  ms: number;
  ok: boolean;
}

function socketFor(base: string, auth: Record<string, string>): Promise<Socket> {
  const sock = io(base, { transports: ['websocket'], forceNew: true, auth });
  return new Promise((resolve, reject) => {
    sock.once('connect', () => resolve(sock));
    sock.once('connect_error', reject);
  });
}

function waitPhase(sock: Socket, phase: string): Promise<void> {
  return new Promise((resolve) => {
    const on = (m: { view: { phase: string } }) => {
      if (m.view.phase !== phase) return;
      sock.off('state:view', on);
      resolve();
    };
    sock.on('state:view', on);
  });
}

let cmdCounter = 0;
async function command(sock: Socket, event: string, payload: Record<string, unknown> = {}): Promise<boolean> {
  const ack = (await sock.timeout(10_000).emitWithAck(event, { cmdId: `burst-${++cmdCounter}-cmd`, ...payload })) as {
    ok: boolean;
  };
  return ack.ok;
}

/** The quiet session: a host and 8 students, moved into the decide phase. */
async function quietSession(base: string): Promise<Socket[]> {
  const spec = await createSession(base, 8);
  const host = await socketFor(base, { code: spec.code, token: spec.hostToken });
  const students: Socket[] = [];
  for (let k = 0; k < 8; k++) {
    const r = await httpJson('POST', `${base}/api/sessions/${spec.code}/join`, { body: { name: `Quiet ${k + 1}` } });
    const token = (r.body as { seatToken: string }).seatToken;
    students.push(await socketFor(base, { code: spec.code, token }));
  }
  const decide = waitPhase(students[0]!, 'decide');
  await command(host, 'host:start');
  await command(host, 'host:endPhase');
  await command(host, 'host:endPhase');
  await decide;
  return [host, ...students];
}

function summary(name: string, samples: readonly Sample[], from: number, to: number): string[] {
  const inside = samples.filter((s) => s.at >= from && s.at < to);
  const ms = sortNumbers(inside.map((s) => s.ms));
  return [
    name,
    String(inside.length),
    String(inside.filter((s) => !s.ok).length),
    fmtMs(percentile(ms, 50)),
    fmtMs(percentile(ms, 99)),
    fmtMs(ms[ms.length - 1] ?? Number.NaN),
  ];
}

export async function runJoinBurst(root: string, opts: LoadOptions, log: Log): Promise<void> {
  const server = await startServer(root, { profile: opts.profile, broadcastMs: opts.broadcastMs });
  const sockets: Socket[] = [];
  try {
    const quiet = await quietSession(server.base);
    sockets.push(...quiet);
    const students = quiet.slice(1);
    const big = await createSession(server.base, opts.joins);
    log(`server ${server.base}; quiet session ready; ${opts.joins} joins into ${big.code} next`);
    const samples: Sample[] = [];
    const t0 = performance.now();
    let running = true;
    const sectors = ['AUTO', 'ELEC', 'FOOD', 'CHEM'];
    const loops = students.map(async (sock, k) => {
      await new Promise((r) => setTimeout(r, k * 31));
      for (let n = 0; running; n++) {
        const sent = performance.now();
        const decision = { invest: sectors[n % 4], barriers: [], comply: {} };
        const ok = await command(sock, 'decision:draft', { decision }).catch(() => false);
        samples.push({ at: sent - t0, ms: performance.now() - sent, ok });
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    await new Promise((r) => setTimeout(r, 5000));
    const burstStart = performance.now() - t0;
    const cpuAtStart = cpuMs(server.pid);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'tests/bench/load/burst-joiners.ts',
        server.base,
        big.code,
        String(opts.joins),
        String(opts.concurrency),
        big.hostToken,
      ],
      { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    // Like the student processes of the other scenarios (workers.ts): a lower priority than the server's.
    if (opts.nice > 0 && child.pid) setPriority(child.pid, opts.nice);
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the joiners exited with ${code}`)));
    });
    const burstEnd = performance.now() - t0;
    const burstCpuMs = cpuMs(server.pid) - cpuAtStart;
    const burst = JSON.parse(line) as Record<string, number>;
    await new Promise((r) => setTimeout(r, 5000));
    running = false;
    await Promise.all(loops);
    const end = performance.now() - t0;
    child.stdin.end();
    log(
      `burst: ${burst['joined']} joined, ${burst['withView']} with a view, ${burst['errors']} errors in ${((burstEnd - burstStart) / 1000).toFixed(1)} s (${opts.concurrency} at a time); join p50 ${fmtMs(burst['joinP50'] ?? NaN)} ms p99 ${fmtMs(burst['joinP99'] ?? NaN)} ms; join to first view p99 ${fmtMs(burst['viewP99'] ?? NaN)} ms; ` +
        `server CPU during the burst ${(burstCpuMs / 1000).toFixed(1)} s (${(burstCpuMs / Math.max(1, burst['joined'] ?? 0)).toFixed(1)} ms per join, ` +
        `${((100 * burstCpuMs) / Math.max(1, burstEnd - burstStart)).toFixed(0)} % of one core); load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    process.stdout.write(
      `\nThe quiet session's acks (8 students, a draft every 250 ms each) before, during and after ${opts.joins} joins into another session:\n\n` +
        table(
          ['window', 'acks', 'errors', 'p50 ms', 'p99 ms', 'max ms'],
          [
            summary('before (5 s)', samples, 0, burstStart),
            summary(`during (${((burstEnd - burstStart) / 1000).toFixed(1)} s)`, samples, burstStart, burstEnd),
            summary('after (5 s)', samples, burstEnd, end),
          ],
        ) +
        '\n\n',
    );
  } finally {
    for (const s of sockets) s.close();
    await stopServer(server);
  }
  if (server.profDir) printProfile('server', server.profDir, [], log);
}
