// npm run bench:load -- --nodes N --scenario rolling-restart [--restarts 10]: the pause a class sees when the process
// running its session is restarted. N processes on fixed ports behind a real nginx (deploy/nginx.conf); for each
// restart a fresh session in the decide phase whose 6 students connect through nginx (so some sit on the owner and
// some on another process) and each send a decision draft every ~100 ms, retried with the same cmdId like the real
// client (client/src/net/connection.ts: reconnect after 0.25-4 s, at once after `server:restart`). Then the
// owner gets SIGTERM (it drains, releases its leases and tells its clients to reconnect). The pause of one student is
// the time from SIGTERM to its first ack of a command stored by the new owner (found in PostgreSQL: the first seq
// appended with a higher fencing number); the class's pause is its slowest student's. A fresh process then takes the
// stopped one's port, and the next restart begins.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { freePort, startNginx, type Nginx } from '../../server/cluster/nginx.js';
import { databaseUrl, dropSchema, loadAverage } from './capacity.js';
import { decidingSession, ownerOf, quantile, sleep } from './cluster-client.js';
import type { LoadOptions } from './options.js';
import { startServer, stopServer, type ServerProcess } from './server.js';

type Log = (s: string) => void;

const STUDENTS = 6;
const ACTION_GAP_MS = 100;
const ACK_TIMEOUT_MS = 1000;

interface Acked {
  seq: number;
  at: number;
}

/** One student as the real client behaves: reconnects, and retries a command with its cmdId until it is acked. */
class Student {
  readonly acks: Acked[] = [];
  /** What happened to this student's connection and commands (printed for a slow student). */
  readonly events: { at: number; what: string }[] = [];
  private running = true;
  private readonly sock: Socket;
  private readonly done: Promise<void>;

  constructor(base: string, code: string, token: string, name: string) {
    this.sock = io(base, {
      transports: ['websocket'],
      forceNew: true,
      auth: { code, token },
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
      timeout: 8000,
    });
    let restarting = false;
    const note = (what: string) => this.events.push({ at: performance.now(), what });
    this.sock.on('connect', () => {
      restarting = false;
      this.sock.io.reconnectionDelay(500);
      note('connect');
    });
    this.sock.on('connect_error', (e) => note(`connect_error ${e.message}`));
    this.sock.io.on('reconnect_attempt', (n) => note(`reconnect attempt ${n}`));
    this.sock.on('server:restart', () => {
      restarting = true;
      this.sock.io.reconnectionDelay(50);
      note('server:restart');
    });
    this.sock.on('disconnect', (reason) => {
      note(`disconnect ${reason}`);
      if (reason === 'io server disconnect' && this.running)
        setTimeout(() => this.sock.connect(), restarting ? 0 : 1000);
    });
    this.done = this.loop(name);
  }

  private async loop(name: string): Promise<void> {
    for (let n = 0; this.running; n++) {
      const cmdId = `rr-${name}-${n}`;
      const decision = { invest: ['ELEC', 'AUTO', 'FOOD'][n % 3], barriers: [], comply: {} };
      while (this.running) {
        if (!this.sock.connected) {
          await sleep(20);
          continue;
        }
        const r = (await this.sock
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('decision:draft', { cmdId, decision })
          .catch(() => null)) as { ok: boolean; seq?: number } | null;
        if (r?.ok && typeof r.seq === 'number') {
          this.acks.push({ seq: r.seq, at: performance.now() });
          break;
        }
        this.events.push({
          at: performance.now(),
          what: r ? `refused ${JSON.stringify(r).slice(0, 80)}` : 'no ack in time',
        });
        // Refused while the session changes hands (SERVER_BUSY) or timed out: try again, like a student would.
        await sleep(50);
      }
      await sleep(ACTION_GAP_MS);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
    this.sock.close();
  }
}

async function scalar(db: pg.Client, sql: string, args: unknown[]): Promise<number | null> {
  const r = await db.query<{ v: string | null }>(sql, args);
  const v = r.rows[0]?.v;
  return v === null || v === undefined ? null : Number(v);
}

interface Restart {
  /** SIGTERM to each student's first ack on the new owner (ms). */
  pauses: number[];
  /** SIGTERM to the process's exit (ms). */
  exitMs: number;
}

/** A slow student's events from SIGTERM on, to see where its pause went. */
function timeline(s: Student, t0: number): string {
  const after = s.events.filter((e) => e.at >= t0 - 50);
  const acks = s.acks.filter((a) => a.at >= t0).slice(0, 2);
  const items = [...after, ...acks.map((a) => ({ at: a.at, what: `ack #${a.seq}` }))].sort((x, y) => x.at - y.at);
  return items.map((e) => `${((e.at - t0) / 1000).toFixed(2)} s ${e.what}`).join('; ');
}

async function restartOnce(
  log: Log,
  nodes: ServerProcess[],
  nginx: Nginx,
  db: pg.Client,
  schema: string,
  restart: (victim: ServerProcess) => Promise<ServerProcess>,
): Promise<Restart> {
  const { code, seatTokens } = await decidingSession(nginx.url, STUDENTS);
  const owner = await ownerOf(nodes, code);
  if (!owner) throw new Error(`nobody runs ${code}`);
  const students = seatTokens.map((t, i) => new Student(nginx.url, code, t, `${code}-${i}`));
  // Every student acting before the restart.
  const ready = performance.now() + 20_000;
  while (students.some((s) => s.acks.length < 5)) {
    if (performance.now() > ready) throw new Error('the students did not get going within 20 s');
    await sleep(50);
  }
  const oldFence = await scalar(db, `SELECT fence AS v FROM "${schema}".leases WHERE session_code = $1`, [code]);
  const exited = new Promise<number>((r) => owner.proc.once('exit', () => r(performance.now())));
  const t0 = performance.now();
  owner.proc.kill('SIGTERM');
  const exitAt = await exited;
  const nodeIndex = nodes.indexOf(owner);
  // Wait until every student has acks on the new owner (after the old one has gone, they all are).
  const deadline = performance.now() + 30_000;
  while (students.some((s) => s.acks.filter((a) => a.at > exitAt).length < 3)) {
    if (performance.now() > deadline) {
      for (const s of students) log(`  ${timeline(s, t0)}`);
      throw new Error(`${code}: students without acks 30 s after the restart`);
    }
    await sleep(50);
  }
  await Promise.all(students.map((s) => s.stop()));
  const firstNew = await scalar(
    db,
    `SELECT min(seq) AS v FROM "${schema}".commands WHERE session_code = $1 AND fence > $2`,
    [code, oldFence],
  );
  if (firstNew === null) throw new Error(`${code}: no command with a new fencing number`);
  const pauses = students.map((s) => {
    const first = s.acks.find((a) => a.seq >= firstNew);
    if (!first) throw new Error(`${code}: a student has no ack on the new owner`);
    return first.at - t0;
  });
  students.forEach((s, i) => {
    if ((pauses[i] ?? 0) > 2000) log(`  slow student: ${timeline(s, t0)}`);
  });
  nodes[nodeIndex] = await restart(owner);
  return { pauses, exitMs: exitAt - t0 };
}

export async function runRollingRestart(root: string, opts: LoadOptions, log: Log): Promise<void> {
  const url = databaseUrl();
  const schema = `bench_roll_${Date.now().toString(36)}`;
  const env = { DATABASE_URL: url, DATABASE_SCHEMA: schema };
  const ports: number[] = [];
  for (let i = 0; i < opts.nodes; i++) ports.push(await freePort());
  const start = (port: number) =>
    startServer(root, { profile: false, broadcastMs: undefined, env: { ...env, PORT: String(port) } });
  const nodes: ServerProcess[] = [];
  let nginx: Nginx | null = null;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const classPauses: number[] = [];
  try {
    for (const p of ports) nodes.push(await start(p));
    nginx = await startNginx(ports);
    log(
      `${opts.nodes} processes on PostgreSQL (schema ${schema}) behind nginx at ${nginx.url}; load average ${loadAverage()}`,
    );
    for (let r = 0; r < opts.restarts; r++) {
      // The stopped process has exited by then: a fresh one takes its port (nginx's upstream).
      const res = await restartOnce(log, nodes, nginx, db, schema, (victim) => {
        rmSync(victim.dataDir, { recursive: true, force: true });
        return start(Number(new URL(victim.base).port));
      });
      const slowest = Math.max(...res.pauses);
      classPauses.push(slowest);
      log(
        `restart ${r + 1}/${opts.restarts}: SIGTERM to the first ack on the new owner: fastest student ${(Math.min(...res.pauses) / 1000).toFixed(2)} s, slowest ${(slowest / 1000).toFixed(2)} s (the old process exited after ${(res.exitMs / 1000).toFixed(2)} s); load average ${loadAverage()}`,
      );
    }
    log(
      `rolling restart over ${opts.restarts} restarts, the class's pause (slowest of ${STUDENTS} students): median ${(quantile(classPauses, 0.5) / 1000).toFixed(2)} s, max ${(Math.max(...classPauses) / 1000).toFixed(2)} s (goal < 2 s)`,
    );
  } finally {
    await nginx?.stop();
    for (const n of nodes) await stopServer(n);
    await db.end();
    await dropSchema(url, schema);
  }
}
