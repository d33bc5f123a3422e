// The broadcast scope of a command: whoever is outside it must see exactly the view they saw before, over random
// sequences of student commands in sessions of several worlds (negotiate and decide phases, early ends included).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, SessionCommand } from '../../../../shared/model/session/commands.js';
import { applyCommand } from '../../../../shared/model/session/reducer.js';
import {
  ALL_VIEWERS,
  mergeScopes,
  presenceScope,
  scopeHasRegion,
  viewScopeOf,
  type ViewScope,
} from '../../../../shared/model/session/scope.js';
import type { SessionState } from '../../../../shared/model/session/state.js';
import { sessionView, type Presence, type ViewerRole } from '../../../../shared/model/session/view.js';
import { classIn, play, studentNames, T0 } from './classes.js';

/** A session of `students` (one or two worlds) in the negotiate phase of round 1. */
const negotiating = (planId: string, students: number) => classIn(planId, 'scope', studentNames(students), 'negotiate');

function viewers(s: SessionState): ViewerRole[] {
  const out: ViewerRole[] = [{ kind: 'host' }, { kind: 'projector' }];
  for (const w of s.worlds)
    for (const region of Object.keys(w.state.K)) out.push({ kind: 'region', world: w.index, region });
  return out;
}

function covers(scope: ViewScope, v: ViewerRole): boolean {
  if (scope.kind === 'all' || v.kind === 'host') return true;
  if (v.kind === 'projector') return scope.projector;
  return scopeHasRegion(scope, v.world, v.region);
}

/** A student command built from random picks, valid or not (refused ones are skipped). */
function command(
  s: SessionState,
  seatPick: number,
  kind: number,
  pick: number,
): { actor: Actor; cmd: SessionCommand } | null {
  const seat = s.seats[seatPick % s.seats.length];
  const world = seat ? s.worlds[seat.world] : undefined;
  if (!seat || !world) return null;
  const regions = Object.keys(world.state.K);
  const others = regions.filter((r) => r !== seat.region);
  const sectors = Object.keys(world.state.K[seat.region] ?? {});
  const other = others[pick % others.length] ?? seat.region;
  const proposals = world.current?.negotiation.proposals ?? [];
  const proposal = proposals[pick % Math.max(1, proposals.length)];
  const decision = {
    invest: sectors[pick % sectors.length] ?? 'none',
    barriers: pick % 2 === 0 ? [other] : [],
    comply: {},
  };
  const cmds: SessionCommand[] = [
    { type: 'decision:draft', decision },
    { type: 'proposal:submit', to: other, terms: { openMarket: true, project: null } },
    {
      type: 'proposal:submit',
      to: other,
      terms: { openMarket: pick % 3 === 0, project: { host: seat.region, hostShare: 0.5, sidePayment: 0 } },
    },
    { type: 'proposal:accept', proposalId: proposal?.id ?? 'none' },
    { type: 'proposal:reject', proposalId: proposal?.id ?? 'none' },
    { type: 'proposal:withdraw', proposalId: proposal?.id ?? 'none' },
    { type: 'negotiation:done', done: pick % 4 !== 0 },
    { type: 'decision:submit', decision },
  ];
  const cmd = cmds[kind % cmds.length];
  return cmd ? { actor: { kind: 'seat', seatId: seat.id }, cmd } : null;
}

describe('viewScopeOf', () => {
  it('leaves every view outside the scope exactly as it was', () => {
    let checked = 0;
    let narrow = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('baseline-then-reforms', 'control-vs-reform'),
        fc.integer({ min: 2, max: 14 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 5, maxLength: 40 }),
        (plan, students, steps) => {
          let s = negotiating(plan, students);
          for (const [seatPick, kind, pick] of steps) {
            const c = command(s, seatPick, kind, pick);
            if (!c) continue;
            const r = applyCommand(s, c.actor, c.cmd, T0 + 1000);
            if (!r.ok) continue;
            const scope = viewScopeOf(s, r.value, c.actor, c.cmd);
            for (const v of viewers(s)) {
              if (!covers(scope, v))
                expect(sessionView(r.value, v), `${c.cmd.type} ${JSON.stringify(v)}`).toEqual(sessionView(s, v));
            }
            checked++;
            if (scope.kind !== 'all') narrow++;
            s = r.value;
            // A phase that ended early moves on to decide: keep playing there.
            if (s.phase !== 'negotiate' && s.phase !== 'decide') break;
          }
        },
      ),
      { numRuns: 80 },
    );
    expect(checked).toBeGreaterThan(200);
    expect(narrow).toBeGreaterThan(150);
  });

  it('a draft reaches its own region and the host; an offer its parties; other student commands their world, the host and the projector', () => {
    let s = negotiating('control-vs-reform', 4);
    const seat = s.seats[0];
    if (!seat) throw new Error('no seat');
    const actor: Actor = { kind: 'seat', seatId: seat.id };
    const offer: SessionCommand = {
      type: 'proposal:submit',
      to: seat.region === 'C' ? 'I' : 'C',
      terms: { openMarket: true, project: null },
    };
    const after = play(s, offer, actor);
    // An offer: its two parties, and the projector, which marks the pair's first pending offer.
    const parties = [seat.region, offer.to].map((region) => ({ world: seat.world, region }));
    expect(viewScopeOf(s, after, actor, offer)).toEqual({
      kind: 'some',
      projector: true,
      worlds: [],
      regions: parties,
    });
    // Another offer on the same pair replaces the first: the pair's mark stays, so the projector sees nothing new.
    const again: SessionCommand = {
      ...offer,
      terms: { openMarket: true, project: { host: seat.region, hostShare: 0.5, sidePayment: 0 } },
    };
    const replaced = play(after, again, actor);
    expect(viewScopeOf(after, replaced, actor, again)).toEqual({
      kind: 'some',
      projector: false,
      worlds: [],
      regions: parties,
    });
    // Signing makes an agreement the whole world sees.
    const partner = after.seats.find((x) => x.world === seat.world && x.region === offer.to);
    const pending = replaced.worlds[seat.world]?.current?.negotiation.proposals.find((p) => p.status === 'pending');
    if (!partner || !pending) throw new Error('the offer has a student partner and stays pending');
    const accept: SessionCommand = { type: 'proposal:accept', proposalId: pending.id };
    const by: Actor = { kind: 'seat', seatId: partner.id };
    expect(viewScopeOf(replaced, play(replaced, accept, by), by, accept)).toEqual({
      kind: 'some',
      projector: true,
      worlds: [seat.world],
      regions: [],
    });
    while (s.phase !== 'decide') s = play(s, { type: 'host:endPhase' });
    const invest = Object.keys(s.worlds[seat.world]?.state.K[seat.region] ?? {})[0] ?? '';
    const draft: SessionCommand = { type: 'decision:draft', decision: { invest, barriers: [], comply: {} } };
    expect(viewScopeOf(s, play(s, draft, actor), actor, draft)).toEqual({
      kind: 'some',
      projector: false,
      worlds: [],
      regions: [{ world: seat.world, region: seat.region }],
    });
    expect(viewScopeOf(s, play(s, { type: 'host:pause' }), { kind: 'host' }, { type: 'host:pause' })).toBe(ALL_VIEWERS);
  });
});

describe('a join', () => {
  it('changes no view outside its world, the host and the projector, unless it opens a world', () => {
    let narrow = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('baseline-then-reforms', 'control-vs-reform'),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (plan, students, started) => {
          let s = negotiating(plan, students);
          if (!started) s = { ...s, phase: 'lobby', worlds: [], round: 0 };
          const join: SessionCommand = { type: 'session:join', name: 'Late' };
          const after = play(s, join, { kind: 'system' });
          const scope = viewScopeOf(s, after, { kind: 'system' }, join);
          if (after.worldCount !== s.worldCount) expect(scope).toBe(ALL_VIEWERS);
          if (scope.kind !== 'all') narrow++;
          for (const v of viewers(after)) {
            if (!covers(scope, v)) expect(sessionView(after, v), JSON.stringify(v)).toEqual(sessionView(s, v));
          }
        },
      ),
      { numRuns: 80 },
    );
    expect(narrow).toBeGreaterThan(20);
  });
});

describe('presenceScope', () => {
  it('a seat connecting or leaving changes no view outside its world and the host (the projector neither)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('baseline-then-reforms', 'control-vs-reform'),
        fc.integer({ min: 2, max: 30 }),
        fc.nat(),
        fc.func(fc.boolean()),
        (plan, students, pick, online) => {
          const s = negotiating(plan, students);
          const seat = s.seats[pick % s.seats.length];
          if (!seat) return;
          const base = (id: string): Presence =>
            online(id) ? { connected: true, awaySince: null } : { connected: false, awaySince: T0 };
          const flipped = (id: string): Presence =>
            id === seat.id
              ? base(id).connected
                ? { connected: false, awaySince: T0 + 5 }
                : { connected: true, awaySince: null }
              : base(id);
          const scope = presenceScope(s, seat.id);
          expect(covers(scope, { kind: 'projector' })).toBe(false);
          let outside = 0;
          for (const v of viewers(s)) {
            if (covers(scope, v)) continue;
            outside++;
            expect(sessionView(s, v, flipped)).toEqual(sessionView(s, v, base));
          }
          if (s.worlds.length > 1) expect(outside).toBeGreaterThan(0);
          expect(sessionView(s, { kind: 'host' }, flipped)).not.toEqual(sessionView(s, { kind: 'host' }, base));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('mergeScopes', () => {
  it('unites worlds and regions without duplicates, and anything with all is all', () => {
    const a: ViewScope = { kind: 'some', projector: false, worlds: [], regions: [{ world: 0, region: 'C' }] };
    const b: ViewScope = {
      kind: 'some',
      projector: false,
      worlds: [],
      regions: [
        { world: 0, region: 'C' },
        { world: 1, region: 'F' },
      ],
    };
    expect(mergeScopes(a, b)).toEqual({
      kind: 'some',
      projector: false,
      worlds: [],
      regions: [
        { world: 0, region: 'C' },
        { world: 1, region: 'F' },
      ],
    });
    const w: ViewScope = { kind: 'some', projector: true, worlds: [1], regions: [] };
    expect(mergeScopes(b, w)).toEqual({
      kind: 'some',
      projector: true,
      worlds: [1],
      regions: [{ world: 0, region: 'C' }],
    });
    expect(mergeScopes(a, ALL_VIEWERS)).toBe(ALL_VIEWERS);
    expect(mergeScopes(ALL_VIEWERS, b)).toBe(ALL_VIEWERS);
  });
});
