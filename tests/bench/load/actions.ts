// What a student sends every ~5 s (±20 %, so that a class does not act in lockstep): a decision draft or a
// proposal, made so that two consecutive commands of a region always differ, which is what lets its view tell
// whether (and when) each one was applied. Acks are timed here; views are matched in view-read.ts.
import { draftKey } from './view-read.js';
import {
  config,
  worker,
  type AckReply,
  type Action,
  type Cmd,
  type RegionTrack,
  type Student,
  type Terms,
} from './worker-state.js';

/** Walks through every (sector, barrier set) pair in turn. */
function nextDraft(st: Student, track: RegionTrack): { action: Action; key: string } {
  const k = track.counter++;
  const invest = st.sectors[k % st.sectors.length] as string;
  const mask = Math.floor(k / st.sectors.length) % (1 << st.others.length);
  const barriers = st.others.filter((_, i) => (mask & (1 << i)) !== 0);
  return {
    action: { event: 'decision:draft', invest, barriers },
    key: draftKey(invest, barriers),
  };
}

/**
 * To the region's partners in turn, an open market plus a project the sender hosts, with a host share that
 * differs for each of the region's proposals (0, 0.0001, 0.0002, …). Students of a region share it: a proposal on
 * the same ordered pair replaces the pending one, but both stay in the list, told apart by their terms. Nobody
 * accepts them, so no pair gets signed (a signed pair refuses further proposals).
 */
function nextProposal(st: Student, track: RegionTrack): { action: Action; key: string } | null {
  if (st.partners.length === 0) return null;
  const k = track.counter++;
  const to = st.partners[k % st.partners.length] as string;
  const terms: Terms = {
    openMarket: true,
    project: { host: st.region, hostShare: (k % 10_000) / 10_000, sidePayment: 0 },
  };
  return { action: { event: 'proposal:submit', to, terms }, key: `${to}|${terms.project?.hostShare ?? ''}` };
}

function payloadOf(action: Action): Record<string, unknown> {
  return action.event === 'decision:draft'
    ? { decision: { invest: action.invest, barriers: action.barriers, comply: {} } }
    : { to: action.to, terms: action.terms };
}

export function act(st: Student): void {
  st.timer = null;
  if (worker.stopping) return;
  const c = config();
  st.timer = setTimeout(() => act(st), c.actionMs * (0.8 + 0.4 * Math.random()));
  const sock = st.sock;
  const track = st.track;
  if (!sock?.connected || !track) return;
  const next = c.action === 'proposal' ? nextProposal(st, track) : nextDraft(st, track);
  if (!next) return;
  const cmd: Cmd = {
    seatId: st.seatId,
    action: next.action,
    key: next.key,
    sentAt: performance.now(),
    ackAt: 0,
    seq: 0,
    ackMs: -1,
    updateMs: -1,
    state: 'pending',
    step: worker.step,
    sessionSize: st.run.spec.students,
  };
  if (next.action.event === 'decision:draft') track.byKey.set(cmd.key, cmd);
  st.pending.push(cmd);
  if (worker.windowOpen) worker.windowCmds.push(cmd);
  worker.inFlight++;
  const cmdId = `ld-${st.run.spec.code}-${st.seatId}-${++st.n}`;
  sock
    .timeout(c.ackTimeoutMs)
    .emit(next.action.event, { cmdId, ...payloadOf(next.action) }, (err: Error | null, ack: AckReply) => {
      worker.inFlight--;
      const now = performance.now();
      if (err) {
        cmd.state = 'timeout';
        worker.errors.timeouts++;
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
        worker.errors.errorAcks[ack.error.code] = (worker.errors.errorAcks[ack.error.code] ?? 0) + 1;
      }
      st.pending = st.pending.filter((p) => p !== cmd);
    });
}
