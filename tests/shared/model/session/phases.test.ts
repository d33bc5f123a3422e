// A phase ends early when every region played by a student is ready (negotiation marked done, or a decision
// submitted); the regions bots play neither hold it open nor end it, so a class of bots alone waits for the host.
import { describe, expect, it } from 'vitest';
import { SessionConfigSchema } from '../../../../shared/model/config.js';
import { CLASS_PLANS } from '../../../../shared/model/presets.js';
import type { Actor, SessionCommand } from '../../../../shared/model/session/commands.js';
import { everyoneReady } from '../../../../shared/model/session/phases.js';
import { applyCommand } from '../../../../shared/model/session/reducer.js';
import { createSessionState, type SessionState } from '../../../../shared/model/session/state.js';

const T0 = 1_700_000_000_000;

function apply(s: SessionState, actor: Actor, cmd: SessionCommand): SessionState {
  const r = applyCommand(s, actor, cmd, T0 + 1000 * (s.seq + 1));
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code}`);
  return r.value;
}

/** A quick-demo class with `students` students, in its first negotiation. */
function negotiating(students: number): SessionState {
  const plan = CLASS_PLANS.find((p) => p.id === 'quick-demo');
  if (!plan) throw new Error('quick-demo');
  let s = createSessionState({
    code: 'ACDEFG',
    seed: 'ready',
    createdAt: new Date(T0).toISOString(),
    config: SessionConfigSchema.parse(plan.config),
  });
  for (let k = 0; k < students; k++) s = apply(s, { kind: 'system' }, { type: 'session:join', name: `S${k}` });
  s = apply(s, { kind: 'host' }, { type: 'host:start' });
  s = apply(s, { kind: 'host' }, { type: 'host:endPhase' });
  expect(s.phase).toBe('negotiate');
  return s;
}

describe('everyoneReady', () => {
  it('a class of bots alone is never ready by itself: the host ends its phases', () => {
    const s = negotiating(0);
    expect(everyoneReady(s)).toBe(false);
    expect(apply(s, { kind: 'host' }, { type: 'host:endPhase' }).phase).toBe('decide');
  });

  it("a student's region holds the phase open until it is done, then the phase ends at once", () => {
    const s = negotiating(1);
    expect(everyoneReady(s)).toBe(false);
    const seat = s.seats[0];
    if (!seat) throw new Error('no seat');
    const done = apply(s, { kind: 'seat', seatId: seat.id }, { type: 'negotiation:done', done: true });
    expect(done.phase).toBe('decide');
  });
});
