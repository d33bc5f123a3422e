// After the run: every acknowledged command of this worker's sessions is looked up by its seq in the session's
// export (the section-11 log), which must hold it from the same seat with the same content. An ack promises the
// command was stored first; a missing seq is a lost command, a different one a mixed-up log.
import { httpJson } from './http.js';
import type { VerifyReport } from './ipc.js';
import { sameTerms } from './view-read.js';
import { config, send, worker, type Action, type Terms } from './worker-state.js';

interface ExportEvent {
  seq: number;
  actor: string;
  type: string;
  payload: { decision?: { invest: string; barriers: unknown }; to?: unknown; terms?: Partial<Terms> | null };
}

function sameList(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether the logged event is the command that was sent. */
function matches(ev: ExportEvent, seatId: string, action: Action): boolean {
  if (ev.actor !== `seat:${seatId}` || ev.type !== action.event) return false;
  if (action.event === 'proposal:submit')
    return ev.payload.to === action.to && sameTerms(ev.payload.terms, action.terms);
  const d = ev.payload.decision;
  return d?.invest === action.invest && sameList(d.barriers, action.barriers);
}

export async function verify(): Promise<void> {
  const report: VerifyReport = {
    type: 'verified',
    workerId: config().workerId,
    sessions: worker.runs.length,
    checked: 0,
    lostByStep: {},
    mismatched: 0,
    failures: [],
  };
  for (const run of worker.runs) {
    const r = await httpJson('GET', `${config().base}/api/sessions/${run.spec.code}/export.json`, {
      headers: { authorization: `Bearer ${run.spec.hostToken}` },
      timeoutMs: 120_000,
    });
    const body = r.body as { events?: ExportEvent[] };
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
      if (!matches(ev, cmd.seatId, cmd.action)) {
        report.mismatched++;
        if (report.failures.length < 5)
          report.failures.push(`${run.spec.code} #${cmd.seq}: export has ${JSON.stringify(ev).slice(0, 160)}`);
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
