// A worker's measurement window: the commands sent while it is open, the views received, its own CPU and event-loop
// delay. The report goes out a grace time after the window closes, so that late acks and views still count; what is
// still missing then counts its age so far (a lower bound), never nothing.
import type { WindowReport } from './ipc.js';
import { config, emptyErrors, send, worker } from './worker-state.js';

export function measureStart(): void {
  worker.windowOpen = true;
  worker.windowCmds = [];
  worker.windowCpu = process.cpuUsage();
  worker.windowStart = performance.now();
  worker.views = 0;
  worker.patches = 0;
  worker.bytesIn = 0;
  worker.resyncs = 0;
  worker.loopDelay.reset();
}

export function measureEnd(measuredStep: number): void {
  worker.windowOpen = false;
  const cpu = process.cpuUsage(worker.windowCpu);
  const windowMs = performance.now() - worker.windowStart;
  // The histogram holds whole timer intervals: the delay is what exceeds the 10 ms resolution.
  const loopDelayP99 = Math.max(0, worker.loopDelay.percentile(99) / 1e6 - 10);
  const cmds = worker.windowCmds;
  worker.windowCmds = [];
  const seen = { views: worker.views, patches: worker.patches, bytesIn: worker.bytesIn, resyncs: worker.resyncs };
  setTimeout(() => {
    const now = performance.now();
    const report: WindowReport = {
      type: 'report',
      workerId: config().workerId,
      step: measuredStep,
      commands: cmds.length,
      ack: [],
      ackSession: [],
      ackSentAt: [],
      update: [],
      ackMissing: 0,
      updateMissing: 0,
      errors: worker.errors,
      views: seen.views,
      patches: seen.patches,
      bytesIn: seen.bytesIn,
      resyncs: seen.resyncs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      windowMs,
      loopDelayP99,
      sockets: [...worker.allSockets].filter((s) => s.connected).length,
    };
    worker.errors = emptyErrors();
    for (const cmd of cmds) {
      report.ackSession.push(cmd.sessionSize);
      report.ackSentAt.push(performance.timeOrigin + cmd.sentAt);
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

/** Stops every student's actions and waits (a while) for the acks still in flight. */
export async function stop(): Promise<void> {
  worker.stopping = true;
  for (const run of worker.runs) {
    for (const st of run.students) {
      if (st.timer) clearTimeout(st.timer);
      st.timer = null;
    }
  }
  const deadline = performance.now() + config().ackTimeoutMs + 1000;
  while (worker.inFlight > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  send({ type: 'stopped', workerId: config().workerId, inFlight: worker.inFlight });
}
