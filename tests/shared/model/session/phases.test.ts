// A phase ends early when every region played by a student is ready (negotiation marked done, or a decision
// submitted); the regions bots play neither hold it open nor end it, so a class of bots alone waits for the host.
import { describe, expect, it } from 'vitest';
import { everyoneReady } from '../../../../shared/model/session/phases.js';
import type { SessionState } from '../../../../shared/model/session/state.js';
import { classIn, play, studentNames } from './classes.js';

/** A quick-demo class with `students` students, in its first negotiation. */
function negotiating(students: number): SessionState {
  const s = classIn('quick-demo', 'ready', studentNames(students), 'negotiate');
  expect(s.phase).toBe('negotiate');
  return s;
}

describe('everyoneReady', () => {
  it('a class of bots alone is never ready by itself: the host ends its phases', () => {
    const s = negotiating(0);
    expect(everyoneReady(s)).toBe(false);
    expect(play(s, { type: 'host:endPhase' }).phase).toBe('decide');
  });

  it("a student's region holds the phase open until it is done, then the phase ends at once", () => {
    const s = negotiating(1);
    expect(everyoneReady(s)).toBe(false);
    const seat = s.seats[0];
    if (!seat) throw new Error('no seat');
    const done = play(s, { type: 'negotiation:done', done: true }, { kind: 'seat', seatId: seat.id });
    expect(done.phase).toBe('decide');
  });
});
