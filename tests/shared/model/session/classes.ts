// Sessions made by commands through the reducer, for the session tests: a preset plan's class with its students
// joined, moved on by the host to a phase of round 1.
import { SessionConfigSchema } from '../../../../shared/model/config.js';
import { CLASS_PLANS } from '../../../../shared/model/presets.js';
import type { Actor, SessionCommand } from '../../../../shared/model/session/commands.js';
import { applyCommand } from '../../../../shared/model/session/reducer.js';
import { createSessionState, type Phase, type SessionState } from '../../../../shared/model/session/state.js';

export const T0 = 1_700_000_000_000;

/** `state` after `cmd` (the host's unless `actor` says otherwise) at `at`; a refused command fails the test. */
export function play(state: SessionState, cmd: SessionCommand, actor: Actor = { kind: 'host' }, at = T0): SessionState {
  const r = applyCommand(state, actor, cmd, at);
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code}`);
  return r.value;
}

/** `S0`, `S1`, ...: `count` student names. */
export function studentNames(count: number): string[] {
  return Array.from({ length: count }, (_, k) => `S${k}`);
}

/**
 * A class of the preset plan `planId` with `names` joined (in that order), left in the lobby or started by the host,
 * who then ends phases until round 1's `phase`.
 */
export function classIn(planId: string, seed: string, names: readonly string[], phase: Phase = 'lobby'): SessionState {
  const plan = CLASS_PLANS.find((p) => p.id === planId);
  if (!plan) throw new Error(planId);
  let s = createSessionState({
    code: 'ACDEFG',
    seed,
    createdAt: new Date(T0).toISOString(),
    config: SessionConfigSchema.parse(plan.config),
  });
  for (const name of names) s = play(s, { type: 'session:join', name }, { kind: 'system' });
  if (phase === 'lobby') return s;
  s = play(s, { type: 'host:start' });
  while (s.phase !== phase) {
    if (s.round > 1 || s.phase === 'ended') throw new Error(`round 1 has no ${phase} phase`);
    s = play(s, { type: 'host:endPhase' });
  }
  return s;
}
