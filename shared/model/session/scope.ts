// Which viewers a command's change can be seen by, so a broadcast goes only to the rooms whose view changed.
// - A draft is private (docs/rules.md section 8): only its own region and the host see it. It is the most frequent command.
// - An offer, a refusal or a withdrawal that signed nothing: its two parties, the host, and the projector only if a
//   pair's "offer pending" mark changed.
// - Any other student command that leaves the session's clock alone (an acceptance, "done", a submission)
//   changes only its own world: a student sees no other world, and the session-wide parts of a view (phase, clock,
//   reforms, announcements, student counts) are untouched. The host and the projector see it.
// - A seat's presence shows in its world's region statuses and student counts, for the host (the projector hides it).
// - A join that only adds a seat goes to its world, the host and the projector.
// - Everything else (host commands, timeouts, an early end of a phase) goes to everyone, which is always
//   safe: an unchanged view is merely sent again.
import type { Actor, CommandType, RegionRef, SessionCommand } from './commands.js';
import type { Proposal } from '../negotiation.js';
import type { SessionState } from './state.js';

/** The host always receives; `some` adds the projector if asked, whole worlds, and single regions. */
export type ViewScope = { kind: 'all' } | { kind: 'some'; projector: boolean; worlds: number[]; regions: RegionRef[] };

export const ALL_VIEWERS: ViewScope = { kind: 'all' };

/**
 * Who can see an accepted command's change: `region` and `world` when a seat's command changed nothing but the
 * seat's world, `join` for a join that only added a seat (joinScope); every other change goes to everyone. Typed
 * over every command, so the compiler rejects a command that is not listed.
 */
export const AUDIENCE: Record<CommandType, 'region' | 'world' | 'join' | 'all'> = {
  'decision:draft': 'region',
  'decision:submit': 'world',
  'proposal:submit': 'world',
  'proposal:accept': 'world',
  'proposal:reject': 'world',
  'proposal:counter': 'world',
  'proposal:withdraw': 'world',
  'negotiation:done': 'world',
  'host:start': 'all',
  'host:pause': 'all',
  'host:resume': 'all',
  'host:addTime': 'all',
  'host:endPhase': 'all',
  'host:advance': 'all',
  'host:setReforms': 'all',
  'host:fillBots': 'all',
  'host:renameSeat': 'all',
  'host:moveSeat': 'all',
  'host:kickSeat': 'all',
  'host:lock': 'all',
  'host:setTakeover': 'all',
  'host:announce': 'all',
  'host:clearAnnouncements': 'all',
  'host:endGame': 'all',
  'session:join': 'join',
  'phase:timeout': 'all',
  'system:resume': 'all',
};

/**
 * Whether the command changed nothing but world `world` (state is immutable: unchanged parts keep their identity).
 * A seat's command records its act too, which only the seat's world (and the host) can see.
 */
function onlyWorldChanged(before: SessionState, after: SessionState, world: number): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof SessionState)[]);
  for (const key of keys) {
    if (key !== 'seq' && key !== 'worlds' && key !== 'acts' && before[key] !== after[key]) return false;
  }
  if (after.acts.slice(before.acts.length).some((a) => a.world !== world)) return false;
  if (before.worlds.length !== after.worlds.length) return false;
  return after.worlds.every((w, i) => i === world || w === before.worlds[i]);
}

/** The viewers whose views the accepted command (which turned `before` into `after`) can have changed. */
export function viewScopeOf(before: SessionState, after: SessionState, actor: Actor, cmd: SessionCommand): ViewScope {
  const audience = AUDIENCE[cmd.type];
  if (audience === 'join') return joinScope(before, after);
  if (actor.kind !== 'seat') return ALL_VIEWERS;
  const seat = before.seats.find((s) => s.id === actor.seatId);
  if (!seat || audience === 'all' || !onlyWorldChanged(before, after, seat.world)) return ALL_VIEWERS;
  if (audience === 'region')
    return { kind: 'some', projector: false, worlds: [], regions: [{ world: seat.world, region: seat.region }] };
  return (
    partiesScope(before, after, seat.world, seat.region) ?? {
      kind: 'some',
      projector: true,
      worlds: [seat.world],
      regions: [],
    }
  );
}

/**
 * An offer, a refusal or a withdrawal that signed nothing changes only the proposals of its parties: they (and
 * the actor, whose act is recorded) see it, the other regions of the world see nothing, and the projector only
 * if a pair's "offer pending" mark changed. Most commands of a busy negotiation are these; null otherwise.
 */
function partiesScope(before: SessionState, after: SessionState, world: number, actor: string): ViewScope | null {
  const was = before.worlds[world];
  const now = after.worlds[world];
  const a = was?.current;
  const b = now?.current;
  if (!was || !now || !a || !b || was.state !== now.state || was.history !== now.history) return null;
  if (a.agreements !== b.agreements || a.drafts !== b.drafts || a.submitted !== b.submitted || a.done !== b.done)
    return null;
  if (a.negotiation.open !== b.negotiation.open || a.negotiation.round !== b.negotiation.round) return null;
  const oldList = a.negotiation.proposals;
  const newList = b.negotiation.proposals;
  if (newList.length < oldList.length) return null;
  const parties = new Set<string>([actor]);
  const pairs = new Set<string>();
  // Proposals are replaced in place or appended: compare them position by position.
  for (let i = 0; i < newList.length; i++) {
    const p = newList[i];
    const prev = oldList[i];
    if (!p || p === prev) continue;
    if (prev && prev.id !== p.id) return null;
    // A signature makes an agreement, which the whole world sees.
    if (p.status === 'signed' || prev?.status === 'signed') return null;
    parties.add(p.from).add(p.to);
    pairs.add(pairKey(p.from, p.to));
  }
  const projector = !samePending(oldList, newList, pairs);
  if (after.acts.slice(before.acts.length).some((x) => x.world !== world || !parties.has(x.region))) return null;
  return { kind: 'some', projector, worlds: [], regions: [...parties].map((region) => ({ world, region })) };
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}

/** Whether each of `pairs` has an offer pending in `a` exactly when it has one in `b` (the projector's marks). */
function samePending(a: readonly Proposal[], b: readonly Proposal[], pairs: ReadonlySet<string>): boolean {
  const marks = (list: readonly Proposal[]) => {
    const out = new Set<string>();
    for (const p of list) {
      const key = p.status === 'pending' ? pairKey(p.from, p.to) : null;
      if (key !== null && pairs.has(key)) out.add(key);
    }
    return out;
  };
  const x = marks(a);
  const y = marks(b);
  return x.size === y.size && [...x].every((k) => y.has(k));
}

/**
 * A join adds one seat: it shows in its world's region statuses and student counts, for the host and the projector
 * (a lecture hall joining must not resend every view of the session per student). A join that opens a new world
 * changes every view (the world count), and so does anything else that changed on the way.
 */
function joinScope(before: SessionState, after: SessionState): ViewScope {
  const seat = after.seats[after.seats.length - 1];
  const onlySeats = (Object.keys(after) as (keyof SessionState)[]).every(
    (key) => key === 'seq' || key === 'seats' || key === 'nextSeat' || before[key] === after[key],
  );
  if (!seat || after.seats.length !== before.seats.length + 1 || !onlySeats) return ALL_VIEWERS;
  return { kind: 'some', projector: true, worlds: [seat.world], regions: [] };
}

/** A seat connecting or going away: its world's rooms (their region statuses) and the host; the projector hides presence. */
export function presenceScope(state: SessionState, seatId: string): ViewScope {
  const seat = state.seats.find((s) => s.id === seatId);
  // The projector never shows presence (view.ts), so a seat coming or going changes nothing on it.
  return seat ? { kind: 'some', projector: false, worlds: [seat.world], regions: [] } : ALL_VIEWERS;
}

/** The union of two pending scopes. */
export function mergeScopes(a: ViewScope, b: ViewScope): ViewScope {
  if (a.kind === 'all' || b.kind === 'all') return ALL_VIEWERS;
  const worlds = [...new Set([...a.worlds, ...b.worlds])];
  const regions = [...a.regions];
  for (const r of b.regions) if (!regions.some((x) => x.world === r.world && x.region === r.region)) regions.push(r);
  return {
    kind: 'some',
    projector: a.projector || b.projector,
    worlds,
    regions: regions.filter((r) => !worlds.includes(r.world)),
  };
}

/** Whether a region's room is in the scope. */
export function scopeHasRegion(scope: ViewScope, world: number, region: string): boolean {
  return (
    scope.kind === 'all' ||
    scope.worlds.includes(world) ||
    scope.regions.some((r) => r.world === world && r.region === region)
  );
}
