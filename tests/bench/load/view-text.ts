// Reading students' and the host's views as text. Only a student's first view of its world is JSON-parsed (its
// region, the other regions, whom it may propose to, the sectors); later views are searched for the few
// characters that tell whether a command waiting for its update shows, so that the load generator leaves the CPU
// to the server.
import { mapById, type SessionConfig } from '../../../shared/model/config.js';
import { regionTrack, type Student } from './worker-state.js';

interface FirstView {
  view: {
    me: { role: string; world?: number; region?: string };
    config: SessionConfig;
    worlds: { mapId: string; regions: { id: string }[]; state: { K: Record<string, Record<string, number>> } }[];
    regions: { world: number; region: string; humans: number }[];
  };
}

/** Whether a view shows the student's world (the game has started). */
export function showsWorld(raw: string): boolean {
  return raw.includes('"worlds":[{');
}

/** The first view that shows the student's world (from the start of the game): the only one parsed in full. */
export function readWorld(st: Student, raw: string): void {
  const { view } = JSON.parse(raw) as FirstView;
  const me = view.me;
  const world = view.worlds[0];
  if (me.role !== 'student' || me.region === undefined || me.world === undefined || !world)
    throw new Error(`seat ${st.seatId}: unexpected view`);
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

/** The region draft of a student view as `invest|"X","Y"`, '' when there is none, null if not found. */
export function draftKey(raw: string): string | null {
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

/** How a proposal reads in its region's proposal list (`{"id":…,"round":…,` comes before, `,"status":…` after). */
export function proposalKey(from: string, to: string, terms: unknown): string {
  return `"from":${JSON.stringify(from)},"to":${JSON.stringify(to)},"terms":${JSON.stringify(terms)}`;
}

/** The session phase in a (host) view. */
export function phaseOf(raw: string): string {
  const i = raw.indexOf('"phase":"');
  return i < 0 ? '' : raw.slice(i + 9, raw.indexOf('"', i + 9));
}

/** Marks the student's commands that this view reflects with their update latency and stops waiting for them. */
export function noteUpdates(st: Student, raw: string): void {
  let draft: string | null | undefined;
  const now = performance.now();
  st.pending = st.pending.filter((p) => {
    let reflected: boolean;
    if (p.action.event === 'proposal:submit') {
      // A proposal stays in the round's list (as "replaced" once the region sends the next one on the same pair):
      // the view shows it, or it has not been applied yet.
      reflected = raw.includes(p.key);
    } else {
      if (draft === undefined) draft = draftKey(raw);
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
