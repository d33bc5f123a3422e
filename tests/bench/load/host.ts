// A session's host socket, driving the session into the phase its students act in (decide for drafts, negotiate
// for proposals) the way a teacher would: host:start from the lobby, host:endPhase until there. The host's views
// are read only for their phase. Its accepted commands are checked against the export like the students'.
import type { SessionView } from '../../../shared/model/session/view.js';
import { config, worker, type AckReply, type SessionRun } from './worker-state.js';

/** Follows the phase in the host's views and wakes whoever waits for a change. */
export function onHostView(run: SessionRun, view: SessionView): void {
  const phase = view.phase;
  if (phase !== run.hostPhase) {
    run.hostPhase = phase;
    const waiters = run.phaseWaiters;
    run.phaseWaiters = [];
    for (const w of waiters) w();
  }
}

function hostCommand(run: SessionRun, event: string): Promise<AckReply> {
  const host = run.host;
  if (!host) return Promise.reject(new Error('no host socket'));
  const cmdId = `host-${run.spec.code}-${++run.hostCmds}-${event.replace(':', '_')}`;
  return new Promise((resolve, reject) => {
    host.timeout(config().ackTimeoutMs).emit(event, { cmdId }, (err: Error | null, ack: AckReply) => {
      if (err) return reject(new Error(`${event} in ${run.spec.code}: ${err.message}`));
      if (ack.ok) run.hostAcked.push({ seq: ack.seq, type: event, step: worker.step });
      resolve(ack);
    });
  });
}

function phaseChange(run: SessionRun, from: string, timeoutMs: number): Promise<void> {
  if (run.hostPhase !== from) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(
      () => reject(new Error(`${run.spec.code}: still in ${from} after ${timeoutMs} ms`)),
      timeoutMs,
    );
    run.phaseWaiters.push(() => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** Moves the session forward until it is in `target` (negotiate or decide of the first round). */
export async function driveTo(run: SessionRun, target: 'negotiate' | 'decide'): Promise<void> {
  for (let guard = 0; guard < 8; guard++) {
    const phase = run.hostPhase;
    if (phase === target) return;
    if (phase === '') {
      // The host's first view (sent on connect) has not arrived yet.
      await phaseChange(run, '', 10_000);
      continue;
    }
    const event =
      phase === 'lobby'
        ? 'host:start'
        : phase === 'briefing' || (phase === 'negotiate' && target === 'decide')
          ? 'host:endPhase'
          : null;
    if (!event) throw new Error(`${run.spec.code}: unexpected phase ${phase}`);
    const ack = await hostCommand(run, event);
    if (!ack.ok) throw new Error(`${event} in ${run.spec.code}: ${ack.error.code} ${ack.error.message}`);
    await phaseChange(run, phase, 10_000);
  }
  throw new Error(`${run.spec.code}: did not reach the ${target} phase`);
}
