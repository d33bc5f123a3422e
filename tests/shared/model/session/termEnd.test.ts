// The results of a term's last round name who is promoted (docs/rules.md section 7, "Terms and promotion"): between
// rounds, the next round's reforms tell whether the term ended, whether they come from the plan or from the host.
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../../shared/model/session/state.js';
import { sessionView } from '../../../../shared/model/session/view.js';
import { classIn, play } from './classes.js';

/** Round 1 of a plan played to its results by bots and one student. */
function resultsOfRound1(planId: string): SessionState {
  const s = classIn(planId, 'term', ['Ann'], 'results');
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
    const switched = play(s, { type: 'host:setReforms', arm: null, treatments: ['A'] });
    expect(promotedAfter(switched)).toEqual([1]);
  });
});
