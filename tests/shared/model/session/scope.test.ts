// The broadcast scope of a command: a draft may be sent only to its own region and the host, so every other
// viewer's view must be exactly what it was; everything else goes to everyone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SessionConfigSchema } from '../../../../shared/model/config.js';
import { CLASS_PLANS } from '../../../../shared/model/presets.js';
import type { Actor, SessionCommand } from '../../../../shared/model/session/commands.js';
import { applyCommand } from '../../../../shared/model/session/reducer.js';
import { ALL_VIEWERS, mergeScopes, viewScopeOf } from '../../../../shared/model/session/scope.js';
import { createSessionState, type SessionState } from '../../../../shared/model/session/state.js';
import { sessionView, type ViewerRole } from '../../../../shared/model/session/view.js';

const T0 = 1_700_000_000_000;

function apply(state: SessionState, cmd: SessionCommand, actor: Actor = { kind: 'host' }): SessionState {
  const r = applyCommand(state, actor, cmd, T0);
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code}`);
  return r.value;
}

/** A session of `students` in the decide phase of round 1. */
function decidePhase(planId: string, students: number): SessionState {
  const plan = CLASS_PLANS.find((p) => p.id === planId);
  if (!plan) throw new Error(planId);
  let s = createSessionState({ code: 'ACDEFG', seed: 'scope', createdAt: new Date(T0).toISOString(), config: SessionConfigSchema.parse(plan.config) });
  for (let k = 0; k < students; k++) s = apply(s, { type: 'session:join', name: `S${k}` }, { kind: 'system' });
  s = apply(s, { type: 'host:start' });
  while (s.phase !== 'decide') s = apply(s, { type: 'host:endPhase' });
  return s;
}

function viewers(s: SessionState): ViewerRole[] {
  const out: ViewerRole[] = [{ kind: 'host' }, { kind: 'projector' }];
  for (const w of s.worlds) for (const region of Object.keys(w.state.K)) out.push({ kind: 'region', world: w.index, region });
  return out;
}

describe('viewScopeOf', () => {
  it('leaves every view outside a draft scope exactly as it was', () => {
    const plans = ['baseline-then-reforms', 'control-vs-reform'];
    fc.assert(
      fc.property(fc.constantFrom(...plans), fc.integer({ min: 1, max: 12 }), fc.nat(), fc.nat(), fc.boolean(), (plan, students, pick, sector, barrier) => {
        const before = decidePhase(plan, students);
        const seat = before.seats[pick % before.seats.length];
        if (!seat) return;
        const world = before.worlds[seat.world];
        if (!world) return;
        const sectors = Object.keys(world.state.K[seat.region] ?? {});
        const others = Object.keys(world.state.K).filter((r) => r !== seat.region);
        const decision = { invest: sectors[sector % sectors.length] ?? 'none', barriers: barrier ? others.slice(0, 1) : [], comply: {} };
        const actor: Actor = { kind: 'seat', seatId: seat.id };
        const r = applyCommand(before, actor, { type: 'decision:draft', decision }, T0 + 1000);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).not.toBe(before);
        const scope = viewScopeOf(before, actor, { type: 'decision:draft', decision });
        expect(scope).toEqual({ kind: 'regions', regions: [{ world: seat.world, region: seat.region }] });
        for (const v of viewers(before)) {
          const inScope = v.kind === 'host' || (v.kind === 'region' && v.world === seat.world && v.region === seat.region);
          if (!inScope) expect(sessionView(r.value, v)).toEqual(sessionView(before, v));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('sends everything else to everyone', () => {
    const s = decidePhase('baseline-then-reforms', 3);
    const seat = s.seats[0];
    if (!seat) throw new Error('no seat');
    const decision = { invest: 'none', barriers: [], comply: {} };
    expect(viewScopeOf(s, { kind: 'seat', seatId: seat.id }, { type: 'decision:submit', decision })).toBe(ALL_VIEWERS);
    expect(viewScopeOf(s, { kind: 'host' }, { type: 'host:pause' })).toBe(ALL_VIEWERS);
    expect(viewScopeOf(s, { kind: 'seat', seatId: 'nobody' }, { type: 'decision:draft', decision })).toBe(ALL_VIEWERS);
  });
});

describe('mergeScopes', () => {
  it('unites regions without duplicates, and anything with all is all', () => {
    const a = { kind: 'regions' as const, regions: [{ world: 0, region: 'C' }] };
    const b = { kind: 'regions' as const, regions: [{ world: 0, region: 'C' }, { world: 1, region: 'F' }] };
    expect(mergeScopes(a, b)).toEqual({ kind: 'regions', regions: [{ world: 0, region: 'C' }, { world: 1, region: 'F' }] });
    expect(mergeScopes(a, ALL_VIEWERS)).toBe(ALL_VIEWERS);
    expect(mergeScopes(ALL_VIEWERS, b)).toBe(ALL_VIEWERS);
  });
});
