// The results of a term's last round name who is promoted (docs/rules.md section 7, "Terms and promotion"): between
// rounds, the next round's reforms tell whether the term ended, whether they come from the plan or from the host.
import { describe, expect, it } from 'vitest';
import { SessionConfigSchema } from '../../../../shared/model/config.js';
import { CLASS_PLANS } from '../../../../shared/model/presets.js';
import type { Actor, SessionCommand } from '../../../../shared/model/session/commands.js';
import { applyCommand } from '../../../../shared/model/session/reducer.js';
import { createSessionState, type SessionState } from '../../../../shared/model/session/state.js';
import { sessionView } from '../../../../shared/model/session/view.js';

const T0 = 1_700_000_000_000;

function run(s: SessionState, cmd: SessionCommand, actor: Actor = { kind: 'host' }): SessionState {
  const r = applyCommand(s, actor, cmd, T0);
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code}`);
  return r.value;
}

/** Round 1 of a plan played to its results by bots and one student. */
function resultsOfRound1(planId: string): SessionState {
  const plan = CLASS_PLANS.find((p) => p.id === planId);
  if (!plan) throw new Error(planId);
  let s = createSessionState({
    code: 'ACDEFG',
    seed: 'term',
    createdAt: new Date(T0).toISOString(),
    config: SessionConfigSchema.parse(plan.config),
  });
  s = run(s, { type: 'session:join', name: 'Ann' }, { kind: 'system' });
  s = run(s, { type: 'host:start' });
  while (s.phase !== 'results') s = run(s, { type: 'host:endPhase' });
  expect(s.round).toBe(1);
  return s;
}

const promotedAfter = (s: SessionState) =>
  (sessionView(s, { kind: 'projector' }).worlds[0]?.promoted ?? []).map((p) => p.afterRound);

describe('the end of a term', () => {
  it('is shown in the results of its last round when the plan changes the reforms next round', () => {
    // quick-demo: round 1 without reforms, every reform from round 2.
    expect(promotedAfter(resultsOfRound1('quick-demo'))).toEqual([1]);
  });

  it('is not shown while the next round keeps the reforms, and is as soon as the host switches them', () => {
    const s = resultsOfRound1('baseline-then-reforms');
    expect(promotedAfter(s)).toEqual([]);
    const switched = run(s, { type: 'host:setReforms', arm: null, treatments: ['A'] });
    expect(promotedAfter(switched)).toEqual([1]);
  });
});
