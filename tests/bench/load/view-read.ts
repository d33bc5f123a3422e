// Reading students' views (kept by replica.ts): the first view that shows a student's world gives its region, the
// other regions, whom it may propose to and the sectors; later views tell whether a command waiting for its update
// shows yet (its region's draft, or the proposal in its region's list).
import { mapById } from '../../../shared/model/config.js';
import type { Proposal } from '../../../shared/model/negotiation.js';
import type { SessionView } from '../../../shared/model/session/view.js';
import { regionTrack, type Action, type Student, type Terms } from './worker-state.js';

/** Whether a view shows the student's world (the game has started). */
export function showsWorld(view: SessionView): boolean {
  return view.worlds.length > 0;
}

/** The first view that shows the student's world (from the start of the game). */
export function readWorld(st: Student, view: SessionView): void {
  const me = view.me;
  const world = view.worlds[0];
  if (me.role !== 'student' || !world) throw new Error(`seat ${st.seatId}: unexpected view`);
  const region = me.region;
  st.region = region;
  st.others = world.regions.map((r) => r.id).filter((id) => id !== region);
  st.sectors = Object.keys(world.state.K[region] ?? {});
  if (st.sectors.length === 0) throw new Error(`seat ${st.seatId}: no sectors in the view`);
  // Every student of the session joined before the game started: these are the regions students play.
  const played = new Set(view.regions.filter((r) => r.world === me.world && r.humans > 0).map((r) => r.region));
  const links = mapById(view.config, world.mapId).links;
  st.partners = st.others.filter(
    (id) => played.has(id) && links.some(([a, b]) => (a === region && b === id) || (a === id && b === region)),
  );
  st.track = regionTrack(st.run, me.world, region);
}

/** A draft as `invest|"X","Y"` (the key of decision:draft commands in actions.ts). */
export function draftKey(invest: string, barriers: readonly string[]): string {
  return `${invest}|${barriers.map((b) => `"${b}"`).join(',')}`;
}

export function sameTerms(a: Partial<Terms> | null | undefined, b: Terms): boolean {
  if (!a || a.openMarket !== b.openMarket) return false;
  if (!a.project || !b.project) return a.project === b.project;
  return (
    a.project.host === b.project.host &&
    a.project.hostShare === b.project.hostShare &&
    a.project.sidePayment === b.project.sidePayment
  );
}

/** Whether the region's proposal list holds this proposal (the newest are at the end). */
function listed(proposals: readonly Proposal[], from: string, action: Extract<Action, { event: 'proposal:submit' }>) {
  for (let i = proposals.length - 1; i >= 0; i--) {
    const p = proposals[i];
    if (p && p.from === from && p.to === action.to && sameTerms(p.terms, action.terms)) return true;
  }
  return false;
}

/** Marks the student's commands that this view reflects with their update latency and stops waiting for them. */
export function noteUpdates(st: Student, view: SessionView): void {
  const current = view.worlds[0]?.current;
  if (!current) return;
  const d = current.drafts[st.region];
  const draft = d ? draftKey(d.invest, d.barriers) : null;
  const now = performance.now();
  st.pending = st.pending.filter((p) => {
    let reflected: boolean;
    if (p.action.event === 'proposal:submit') {
      // A proposal stays in the round's list (as "replaced" once the region sends the next one on the same pair).
      reflected = listed(current.proposals, st.region, p.action);
    } else {
      if (draft === null) return true;
      const latest = st.track?.byKey.get(draft);
      // The view shows this command's draft, or a draft that was applied after it (so it was applied too).
      reflected =
        draft === p.key ||
        (latest !== undefined &&
          latest !== p &&
          ((latest.seq > 0 && p.seq > 0 && latest.seq > p.seq) || (p.ackAt > 0 && latest.sentAt > p.ackAt)));
    }
    if (reflected) p.updateMs = now - p.sentAt;
    return !reflected;
  });
}
