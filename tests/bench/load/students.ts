// A load-generator process (started by tests/bench/load.ts with an IPC channel): it plays whole sessions, i.e. one
// host socket, one projector socket and every student of each session it is given, each student on its own
// WebSocket. Students join over HTTP, connect with their seat token, read their region, the other regions and the
// sectors from their first state:view, and once the host has moved the session into the decide phase they send a
// `decision:draft` every ~5 s (±20 %). For every command it measures send -> ack and send -> the first state:view
// on the student's own socket whose region draft shows the command's effect.
//
// Kept lean so that it does not eat the CPU the server needs: views are not JSON-parsed (see parser.ts), only the
// first one per socket; a view is looked at only while its student has a command waiting for its update.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { httpJson } from './http.js';
import type { ErrorCounts, FromWorker, SessionSpec, ToWorker, VerifyReport, WindowReport, WorkerInit } from './ipc.js';
import { leanParser } from './parser.js';

type AckReply = { ok: true; seq: number } | { ok: false; error: { code: string; message: string } };

interface Cmd {
  seatId: string;
  invest: string;
  barriers: string[];
  /** `invest|"X","Y"`: how the draft reads in a view (barriers in map order). */
  key: string;
  sentAt: number;
  ackAt: number;
  seq: number;
  ackMs: number;
  updateMs: number;
  state: 'pending' | 'ok' | 'error' | 'timeout';
  step: number;
}

/** The drafts of one region of one world: every student of it lives in this process with its session. */
interface RegionTrack {
  counter: number;
  /** The latest command per draft key (keys repeat only every sectors × 2^(regions-1) commands). */
  byKey: Map<string, Cmd>;
}

interface Student {
  run: SessionRun;
  index: number;
  seatId: string;
  sock: Socket | null;
  region: string;
  others: string[];
  sectors: string[];
  track: RegionTrack | null;
  pending: Cmd[];
  ready: boolean;
  timer: NodeJS.Timeout | null;
  n: number;
}

interface SessionRun {
  spec: SessionSpec;
  host: Socket | null;
  projector: Socket | null;
  hostPhase: string;
  phaseWaiters: (() => void)[];
  students: Student[];
  regions: Map<string, RegionTrack>;
  /** Accepted commands, for the check against the export. */
  acked: Cmd[];
  hostAcked: { seq: number; type: string; step: number }[];
  readyCount: number;
  active: boolean;
  hostCmds: number;
}

let cfg: WorkerInit | null = null;
const runs: SessionRun[] = [];
const allSockets = new Set<Socket>();
let step = 0;
let stopping = false;
let closing = false;
let inFlight = 0;

let windowOpen = false;
let windowCmds: Cmd[] = [];
let windowCpu = process.cpuUsage();
let windowStart = 0;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

function emptyErrors(): ErrorCounts {
  return { errorAcks: {}, timeouts: 0, disconnects: 0, connectErrors: 0, connectErrorReasons: {}, joinErrors: 0 };
}
let errors = emptyErrors();

function send(m: FromWorker): void {
  process.send?.(m);
}

function config(): WorkerInit {
  if (!cfg) throw new Error('worker not initialised');
  return cfg;
}

function fatal(message: string): void {
  send({ type: 'fatal', workerId: cfg?.workerId ?? -1, message });
}

// ---- joining at a steady rate ----

class Pacer {
  private queue: (() => void)[] = [];
  private budget = 0;
  private last = performance.now();
  private timer: NodeJS.Timeout | null = null;
  rate = 50;

  push(task: () => void): void {
    this.queue.push(task);
    if (!this.timer) {
      this.last = performance.now();
      this.budget = 1;
      this.timer = setInterval(() => this.tick(), 10);
    }
  }

  private tick(): void {
    const now = performance.now();
    this.budget += ((now - this.last) / 1000) * this.rate;
    this.last = now;
    while (this.budget >= 1 && this.queue.length > 0) {
      this.budget -= 1;
      this.queue.shift()?.();
    }
    if (this.queue.length === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
const pacer = new Pacer();

function connect(auth: Record<string, string>): Socket {
  const sock = io(config().base, {
    transports: ['websocket'],
    forceNew: true,
    parser: leanParser,
    auth,
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  allSockets.add(sock);
  sock.on('disconnect', () => {
    if (!closing) errors.disconnects++;
  });
  sock.on('connect_error', (err: Error) => {
    if (closing) return;
    errors.connectErrors++;
    const reason = err.message.slice(0, 60);
    errors.connectErrorReasons[reason] = (errors.connectErrorReasons[reason] ?? 0) + 1;
    // A refused handshake is not retried by Socket.IO itself.
    if (!sock.active) setTimeout(() => sock.connect(), 1000);
  });
  return sock;
}

function regionTrack(run: SessionRun, world: number, region: string): RegionTrack {
  const k = `${world}:${region}`;
  let t = run.regions.get(k);
  if (!t) {
    t = { counter: 0, byKey: new Map() };
    run.regions.set(k, t);
  }
  return t;
}

/** The first view that shows the student's world (from the start of the game): the only one parsed in full. */
function readWorld(st: Student, raw: string): void {
  const view = JSON.parse(raw) as {
    view: { me: { role: string; world?: number; region?: string }; worlds: { regions: { id: string }[]; state: { K: Record<string, Record<string, number>> } }[] };
  };
  const me = view.view.me;
  const world = view.view.worlds[0];
  if (me.role !== 'student' || me.region === undefined || me.world === undefined || !world) throw new Error(`seat ${st.seatId}: unexpected view`);
  st.region = me.region;
  st.others = world.regions.map((r) => r.id).filter((id) => id !== me.region);
  st.sectors = Object.keys(world.state.K[me.region] ?? {});
  if (st.sectors.length === 0) throw new Error(`seat ${st.seatId}: no sectors in the view`);
  st.track = regionTrack(st.run, me.world, me.region);
}

/** The region draft of a student view as `invest|"X","Y"`, '' when there is none, null if not found. */
function draftKey(raw: string): string | null {
  const c = raw.indexOf('"current":{');
  if (c < 0) return null;
  const d = raw.indexOf('"drafts":{', c);
  if (d < 0) return null;
  const start = d + 10;
  if (raw.charCodeAt(start) === 125) return '';
  const inv = raw.indexOf('"invest":"', start);
  if (inv < 0) return null;
  const invEnd = raw.indexOf('"', inv + 10);
  const b = raw.indexOf('"barriers":[', invEnd);
  if (b < 0) return null;
  const bEnd = raw.indexOf(']', b + 12);
  return `${raw.slice(inv + 10, invEnd)}|${raw.slice(b + 12, bEnd)}`;
}

let views = 0;
let viewChars = 0;

function onStudentView(st: Student, raw: string): void {
  views++;
  viewChars += raw.length;
  if (!st.ready) {
    // Connected, with its first (lobby) view: the session starts when all its students are here.
    st.ready = true;
    st.run.readyCount++;
    if (st.run.readyCount === st.run.spec.students) startSession(st.run);
  }
  if (!st.track) {
    if (!raw.includes('"worlds":[{')) return;
    try {
      readWorld(st, raw);
    } catch (e) {
      fatal(String(e));
    }
    return;
  }
  if (st.pending.length === 0) return;
  const key = draftKey(raw);
  if (key === null) return;
  const now = performance.now();
  const latest = st.track?.byKey.get(key);
  st.pending = st.pending.filter((p) => {
    // The view shows this command's draft, or a draft that was applied after it (so it was applied too).
    const reflected =
      key === p.key ||
      (latest !== undefined && latest !== p && ((latest.seq > 0 && p.seq > 0 && latest.seq > p.seq) || (p.ackAt > 0 && latest.sentAt > p.ackAt)));
    if (reflected) p.updateMs = now - p.sentAt;
    return !reflected;
  });
}

function joinStudent(run: SessionRun, index: number): void {
  const st: Student = { run, index, seatId: '', sock: null, region: '', others: [], sectors: [], track: null, pending: [], ready: false, timer: null, n: 0 };
  run.students.push(st);
  const attempt = (tries: number) => {
    httpJson('POST', `${config().base}/api/sessions/${run.spec.code}/join`, { body: { name: `Student ${index + 1}` } })
      .then((r) => {
        const body = r.body as { seatToken?: string; seat?: { id: string } };
        if (r.status !== 201 || !body.seatToken || !body.seat) throw new Error(`join ${run.spec.code}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        st.seatId = body.seat.id;
        const sock = connect({ code: run.spec.code, token: body.seatToken });
        st.sock = sock;
        sock.on('state:view', (raw: string) => onStudentView(st, raw));
      })
      .catch((e: unknown) => {
        errors.joinErrors++;
        if (tries < 5) setTimeout(() => attempt(tries + 1), 1000);
        else fatal(`student ${index} of ${run.spec.code} could not join: ${String(e)}`);
      });
  };
  attempt(1);
}

// ---- the host moves the session into the decide phase ----

function phaseOf(raw: string): string {
  const i = raw.indexOf('"phase":"');
  return i < 0 ? '' : raw.slice(i + 9, raw.indexOf('"', i + 9));
}

function hostCommand(run: SessionRun, event: string): Promise<AckReply> {
  const host = run.host;
  if (!host) return Promise.reject(new Error('no host socket'));
  const cmdId = `host-${run.spec.code}-${++run.hostCmds}-${event.replace(':', '_')}`;
  return new Promise((resolve, reject) => {
    host.timeout(config().ackTimeoutMs).emit(event, { cmdId }, (err: Error | null, ack: AckReply) => {
      if (err) return reject(new Error(`${event} in ${run.spec.code}: ${err.message}`));
      if (ack.ok) run.hostAcked.push({ seq: ack.seq, type: event, step });
      resolve(ack);
    });
  });
}

function phaseChange(run: SessionRun, from: string, timeoutMs: number): Promise<void> {
  if (run.hostPhase !== from) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${run.spec.code}: still in ${from} after ${timeoutMs} ms`)), timeoutMs);
    run.phaseWaiters.push(() => {
      clearTimeout(t);
      resolve();
    });
  });
}

async function driveToDecide(run: SessionRun): Promise<void> {
  for (let guard = 0; guard < 8; guard++) {
    const phase = run.hostPhase;
    if (phase === 'decide') return;
    if (phase === '') {
      // The host's first view (sent on connect) has not arrived yet.
      await phaseChange(run, '', 10_000);
      continue;
    }
    const event = phase === 'lobby' ? 'host:start' : phase === 'briefing' || phase === 'negotiate' ? 'host:endPhase' : null;
    if (!event) throw new Error(`${run.spec.code}: unexpected phase ${phase}`);
    const ack = await hostCommand(run, event);
    if (!ack.ok) throw new Error(`${event} in ${run.spec.code}: ${ack.error.code} ${ack.error.message}`);
    await phaseChange(run, phase, 10_000);
  }
  throw new Error(`${run.spec.code}: did not reach the decide phase`);
}

function startSession(run: SessionRun): void {
  driveToDecide(run).then(
    () => {
      run.active = true;
      const c = config();
      for (const st of run.students) st.timer = setTimeout(() => act(st), Math.random() * c.actionMs);
      checkReady();
    },
    (e: unknown) => fatal(String(e)),
  );
}

// ---- students' actions ----

function act(st: Student): void {
  st.timer = null;
  if (stopping) return;
  const c = config();
  st.timer = setTimeout(() => act(st), c.actionMs * (0.8 + 0.4 * Math.random()));
  const sock = st.sock;
  const track = st.track;
  if (!sock?.connected || !track) return;
  // Walk through every (sector, barrier set) pair in turn: two consecutive drafts of a region always differ.
  const k = track.counter++;
  const invest = st.sectors[k % st.sectors.length] as string;
  const mask = Math.floor(k / st.sectors.length) % (1 << st.others.length);
  const barriers = st.others.filter((_, i) => (mask & (1 << i)) !== 0);
  const cmd: Cmd = {
    seatId: st.seatId, invest, barriers, key: `${invest}|${barriers.map((b) => `"${b}"`).join(',')}`,
    sentAt: performance.now(), ackAt: 0, seq: 0, ackMs: -1, updateMs: -1, state: 'pending', step,
  };
  track.byKey.set(cmd.key, cmd);
  st.pending.push(cmd);
  if (windowOpen) windowCmds.push(cmd);
  inFlight++;
  const cmdId = `ld-${st.run.spec.code}-${st.seatId}-${++st.n}`;
  sock.timeout(c.ackTimeoutMs).emit('decision:draft', { cmdId, decision: { invest, barriers, comply: {} } }, (err: Error | null, ack: AckReply) => {
    inFlight--;
    const now = performance.now();
    if (err) {
      cmd.state = 'timeout';
      errors.timeouts++;
    } else if (ack.ok) {
      cmd.state = 'ok';
      cmd.ackAt = now;
      cmd.ackMs = now - cmd.sentAt;
      cmd.seq = ack.seq;
      st.run.acked.push(cmd);
      return;
    } else {
      cmd.state = 'error';
      cmd.ackMs = now - cmd.sentAt;
      errors.errorAcks[ack.error.code] = (errors.errorAcks[ack.error.code] ?? 0) + 1;
    }
    st.pending = st.pending.filter((p) => p !== cmd);
  });
}

// ---- steps ----

let pendingStep: { step: number; runs: SessionRun[] } | null = null;

function checkReady(): void {
  if (!pendingStep || !pendingStep.runs.every((r) => r.active)) return;
  send({ type: 'ready', workerId: config().workerId, step: pendingStep.step, sockets: allSockets.size });
  pendingStep = null;
}

function addSessions(newStep: number, specs: SessionSpec[], ratePerSecond: number): void {
  step = newStep;
  pacer.rate = Math.max(1, ratePerSecond);
  const added: SessionRun[] = [];
  for (const spec of specs) {
    const run: SessionRun = {
      spec, host: null, projector: null, hostPhase: '', phaseWaiters: [], students: [], regions: new Map(), acked: [], hostAcked: [],
      readyCount: 0, active: false, hostCmds: 0,
    };
    runs.push(run);
    added.push(run);
    const host = connect({ code: spec.code, token: spec.hostToken });
    run.host = host;
    host.on('state:view', (raw: string) => {
      const phase = phaseOf(raw);
      if (phase && phase !== run.hostPhase) {
        run.hostPhase = phase;
        const waiters = run.phaseWaiters;
        run.phaseWaiters = [];
        for (const w of waiters) w();
      }
    });
    run.projector = connect({ code: spec.code, token: spec.projectorToken });
    for (let i = 0; i < spec.students; i++) pacer.push(() => joinStudent(run, i));
  }
  pendingStep = { step: newStep, runs: added };
  checkReady();
  // Say what is missing when a ramp-up takes long.
  const watchdog = setInterval(() => {
    if (!pendingStep || pendingStep.step !== newStep) {
      clearInterval(watchdog);
      return;
    }
    const waiting = added.filter((r) => !r.active);
    const sample = waiting.slice(0, 3).map((r) => {
      const connected = r.students.filter((st) => st.sock?.connected).length;
      return `${r.spec.code}: ${r.students.length}/${r.spec.students} joined, ${connected} connected, ${r.readyCount} with a view, host phase ${r.hostPhase || '?'} (host ${r.host?.connected ? 'connected' : 'not connected'})`;
    });
    process.stderr.write(`[worker ${config().workerId}] step ${newStep}: ${waiting.length} sessions not in decide yet; ${sample.join('; ')}\n`);
  }, 15_000);
}

function measureStart(): void {
  windowOpen = true;
  windowCmds = [];
  windowCpu = process.cpuUsage();
  windowStart = performance.now();
  views = 0;
  viewChars = 0;
  loopDelay.reset();
}

function measureEnd(measuredStep: number): void {
  windowOpen = false;
  const cpu = process.cpuUsage(windowCpu);
  const windowMs = performance.now() - windowStart;
  // The histogram holds whole timer intervals: the delay is what exceeds the 10 ms resolution.
  const loopDelayP99 = Math.max(0, loopDelay.percentile(99) / 1e6 - 10);
  const cmds = windowCmds;
  windowCmds = [];
  const seen = { views, viewChars };
  setTimeout(() => {
    const now = performance.now();
    const report: WindowReport = {
      type: 'report', workerId: config().workerId, step: measuredStep, commands: cmds.length, ack: [], update: [], ackMissing: 0, updateMissing: 0,
      errors, views: seen.views, viewChars: seen.viewChars, cpuMs: (cpu.user + cpu.system) / 1000, windowMs, loopDelayP99, sockets: [...allSockets].filter((s) => s.connected).length,
    };
    errors = emptyErrors();
    for (const cmd of cmds) {
      if (cmd.ackMs >= 0) report.ack.push(cmd.ackMs);
      else {
        report.ack.push(now - cmd.sentAt);
        report.ackMissing++;
      }
      if (cmd.state === 'ok' || cmd.state === 'pending') {
        if (cmd.updateMs >= 0) report.update.push(cmd.updateMs);
        else {
          report.update.push(now - cmd.sentAt);
          report.updateMissing++;
        }
      }
    }
    send(report);
  }, config().graceMs);
}

async function stop(): Promise<void> {
  stopping = true;
  for (const run of runs) {
    for (const st of run.students) {
      if (st.timer) clearTimeout(st.timer);
      st.timer = null;
    }
  }
  const deadline = performance.now() + config().ackTimeoutMs + 1000;
  while (inFlight > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  send({ type: 'stopped', workerId: config().workerId, inFlight });
}

function sameList(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}

async function verify(): Promise<void> {
  const report: VerifyReport = { type: 'verified', workerId: config().workerId, sessions: runs.length, checked: 0, lostByStep: {}, mismatched: 0, failures: [] };
  for (const run of runs) {
    const r = await httpJson('GET', `${config().base}/api/sessions/${run.spec.code}/export.json`, {
      headers: { authorization: `Bearer ${run.spec.hostToken}` },
      timeoutMs: 120_000,
    });
    const body = r.body as { events?: { seq: number; actor: string; type: string; payload: { decision?: { invest: string; barriers: unknown } } }[] };
    if (r.status !== 200 || !Array.isArray(body.events)) {
      report.failures.push(`${run.spec.code}: export HTTP ${r.status}`);
      continue;
    }
    const bySeq = new Map(body.events.map((e) => [e.seq, e]));
    for (const cmd of run.acked) {
      report.checked++;
      const ev = bySeq.get(cmd.seq);
      if (!ev) {
        report.lostByStep[cmd.step] = (report.lostByStep[cmd.step] ?? 0) + 1;
        continue;
      }
      const d = ev.payload.decision;
      if (ev.actor !== `seat:${cmd.seatId}` || ev.type !== 'decision:draft' || d?.invest !== cmd.invest || !sameList(d.barriers, cmd.barriers)) {
        report.mismatched++;
        if (report.failures.length < 5) report.failures.push(`${run.spec.code} #${cmd.seq}: export has ${JSON.stringify(ev).slice(0, 160)}`);
      }
    }
    for (const h of run.hostAcked) {
      report.checked++;
      const ev = bySeq.get(h.seq);
      if (!ev) report.lostByStep[h.step] = (report.lostByStep[h.step] ?? 0) + 1;
      else if (ev.type !== h.type) report.mismatched++;
    }
  }
  send(report);
}

function exit(): void {
  closing = true;
  for (const s of allSockets) s.close();
  setTimeout(() => process.exit(0), 200);
}

process.on('message', (raw: unknown) => {
  const m = raw as ToWorker;
  switch (m.type) {
    case 'init':
      cfg = m;
      break;
    case 'add':
      addSessions(m.step, m.sessions, m.ratePerSecond);
      break;
    case 'measureStart':
      measureStart();
      break;
    case 'measureEnd':
      measureEnd(m.step);
      break;
    case 'stop':
      stop().catch((e: unknown) => fatal(String(e)));
      break;
    case 'verify':
      verify().catch((e: unknown) => fatal(`verify: ${String(e)}`));
      break;
    case 'exit':
      exit();
      break;
  }
});
// The orchestrator went away: do not linger.
process.on('disconnect', () => process.exit(0));
