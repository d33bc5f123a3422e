// Which viewers a command's change can be seen by, so a broadcast goes only to the rooms whose view changed. A
// student's draft is the most frequent command by far and is private (section 8): only its own region and the host
// see it. Everything else is treated as visible to everyone, which is always safe (an unchanged view is merely
// sent again).
import type { Actor, RegionRef, SessionCommand } from './commands.js';
import type { SessionState } from './state.js';

/** `regions`: only these regions' views (and the host's, which sees everything) changed. */
export type ViewScope = { kind: 'all' } | { kind: 'regions'; regions: RegionRef[] };

export const ALL_VIEWERS: ViewScope = { kind: 'all' };

/** The viewers of `before` whose views the accepted command can change. */
export function viewScopeOf(before: SessionState, actor: Actor, cmd: SessionCommand): ViewScope {
  if (cmd.type !== 'decision:draft' || actor.kind !== 'seat') return ALL_VIEWERS;
  const seat = before.seats.find((s) => s.id === actor.seatId);
  return seat ? { kind: 'regions', regions: [{ world: seat.world, region: seat.region }] } : ALL_VIEWERS;
}

/** The union of two pending scopes. */
export function mergeScopes(a: ViewScope, b: ViewScope): ViewScope {
  if (a.kind === 'all' || b.kind === 'all') return ALL_VIEWERS;
  const out = [...a.regions];
  for (const r of b.regions) if (!out.some((x) => x.world === r.world && x.region === r.region)) out.push(r);
  return { kind: 'regions', regions: out };
}
