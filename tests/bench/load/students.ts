// A load-generator process (started by tests/bench/load.ts with an IPC channel): it plays whole sessions, i.e. one
// host socket, one projector socket and every student of each session it is given, each student on its own
// WebSocket, speaking protocol 2 (a full view, then patches, as the browser client). Students join over HTTP,
// connect with their seat token, read their region, the other regions and the sectors from their first view of the
// game, and once the host has moved the session into the phase they act in (decide,
// or negotiate with --action proposal) they send a `decision:draft` (or a `proposal:submit`) every ~5 s (±20 %).
// For every command it measures send -> ack and send -> the first state:view on the student's own socket that
// shows the command's effect (its region's draft, or the proposal in its region's list).
//
// Kept lean so that it does not eat the CPU the server needs: patches are applied in place (replica.ts), and a
// view is looked at only while its student has a command waiting for its update.
//
// The parts: worker-state.ts (what the modules share), join.ts (joining and sockets), host.ts (the host driving
// the phases), actions.ts (the students' commands), replica.ts (protocol 2), view-read.ts (reading views), measure.ts (the measurement
// windows), verify.ts (the check against the exports). This file follows the sessions and answers the orchestrator.
import type { SessionSpec, ToWorker } from './ipc.js';
import { act } from './actions.js';
import type { SessionView } from '../../../shared/model/session/view.js';
import { driveTo, onHostView } from './host.js';
import { connect, joinStudent, pacer } from './join.js';
import { measureEnd, measureStart, stop } from './measure.js';
import { storm } from './storm.js';
import { verify } from './verify.js';
import { noteUpdates, readWorld, showsWorld } from './view-read.js';
import { config, fatal, send, worker, type SessionRun, type Student } from './worker-state.js';

const actingPhase = () => (config().action === 'proposal' ? 'negotiate' : 'decide');

function onStudentView(st: Student, view: SessionView): void {
  if (!st.ready) {
    // Connected, with its first (lobby) view: the session starts when all its students are here.
    st.ready = true;
    st.run.readyCount++;
    if (st.run.readyCount === st.run.spec.students) startSession(st.run);
  }
  if (!st.track) {
    if (!showsWorld(view)) return;
    try {
      readWorld(st, view);
    } catch (e) {
      fatal(String(e));
    }
    return;
  }
  if (st.pending.length === 0) return;
  noteUpdates(st, view);
}

function startSession(run: SessionRun): void {
  driveTo(run, actingPhase()).then(
    () => {
      run.active = true;
      const c = config();
      for (const st of run.students) st.timer = setTimeout(() => act(st), Math.random() * c.actionMs);
      checkReady();
    },
    (e: unknown) => fatal(String(e)),
  );
}

// ---- steps ----

let pendingStep: { step: number; runs: SessionRun[] } | null = null;

function checkReady(): void {
  if (!pendingStep || !pendingStep.runs.every((r) => r.active)) return;
  send({ type: 'ready', workerId: config().workerId, step: pendingStep.step, sockets: worker.allSockets.size });
  pendingStep = null;
}

function addSessions(newStep: number, specs: SessionSpec[], ratePerSecond: number): void {
  worker.step = newStep;
  pacer.rate = Math.max(1, ratePerSecond);
  const added: SessionRun[] = [];
  for (const spec of specs) {
    const run: SessionRun = {
      spec,
      host: null,
      projector: null,
      hostPhase: '',
      phaseWaiters: [],
      students: [],
      regions: new Map(),
      acked: [],
      hostAcked: [],
      readyCount: 0,
      active: false,
      hostCmds: 0,
    };
    worker.runs.push(run);
    added.push(run);
    run.host = connect({ code: spec.code, token: spec.hostToken }, (view) => onHostView(run, view));
    // The projector applies its patches too, as the projector screen does.
    run.projector = connect({ code: spec.code, token: spec.projectorToken }, () => undefined);
    for (let i = 0; i < spec.students; i++) pacer.push(() => joinStudent(run, i, onStudentView));
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
    process.stderr.write(
      `[worker ${config().workerId}] step ${newStep}: ${waiting.length} sessions not in ${actingPhase()} yet; ${sample.join('; ')}\n`,
    );
  }, 15_000);
}

function exit(): void {
  worker.closing = true;
  for (const s of worker.allSockets) s.close();
  setTimeout(() => process.exit(0), 200);
}

process.on('message', (raw: unknown) => {
  const m = raw as ToWorker;
  switch (m.type) {
    case 'init':
      worker.cfg = m;
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
    case 'storm':
      storm(m.timeoutMs);
      break;
    case 'exit':
      exit();
      break;
  }
});
// The orchestrator went away: do not linger.
process.on('disconnect', () => process.exit(0));
