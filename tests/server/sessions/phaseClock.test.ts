// The phase clock (server/sessions/phaseClock.ts): one timer on the deadline, which fires only once the server clock
// has reached it, never while paused or after stop; and the deadline a running phase resumes with after a restart.
import { describe, expect, test } from 'vitest';
import { PhaseClock, resumedDeadline, type Due } from '../../../server/sessions/phaseClock.js';
import { createSessionState, type SessionState } from '../../../shared/model/session/state.js';
import { parsedSlowConfig, waitFor } from '../helpers.js';

const T0 = 1_700_000_000_000;

function running(deadline: number | null, paused = false): SessionState {
  const s = createSessionState({
    code: 'AAAAAA',
    seed: 's',
    createdAt: new Date(T0).toISOString(),
    config: parsedSlowConfig(),
  });
  return { ...s, phase: 'negotiate', round: 1, deadline, paused };
}

describe('resumedDeadline', () => {
  const s = running(T0 + 60_000);
  const cap = s.config.phases.negotiate * 1000 * 4;

  test('a running phase gets the time it had left when the server was last alive', () => {
    // Last alive 20 s into the phase, back 5 s later: 40 s left, counted from now.
    expect(resumedDeadline(s, T0 + 25_000, T0 + 20_000)).toBe(T0 + 25_000 + 40_000);
  });

  test('at least 15 s, at most four negotiate phases, and never more for a last sign of life in the future', () => {
    expect(resumedDeadline(s, T0 + 70_000, T0 + 59_000)).toBe(T0 + 70_000 + 15_000);
    expect(resumedDeadline(running(T0 + 10 * cap), T0, T0)).toBe(T0 + cap);
    expect(resumedDeadline(s, T0 + 25_000, T0 + 99_000)).toBe(T0 + 25_000 + 35_000);
  });
});

describe('PhaseClock', () => {
  test('fires once the server clock reaches the deadline, and waits when it lags behind the timer', async () => {
    let now = T0;
    const state = running(T0 + 30);
    const fired: Due[] = [];
    const clock = new PhaseClock(
      { now: () => now },
      () => state,
      (due) => fired.push(due),
    );
    clock.arm();
    // The timer fires after 30 ms, but the server clock has not moved: it must wait, not time the phase out.
    await new Promise((r) => setTimeout(r, 80));
    expect(fired).toEqual([]);
    now = T0 + 30;
    await waitFor(() => fired.length === 1, 5_000, 'the timeout');
    expect(fired).toEqual([{ round: 1, phase: 'negotiate', deadline: T0 + 30 }]);
    clock.stop();
  });

  test('no timer while paused or after stop; a new deadline replaces the old one', async () => {
    const now = T0;
    let state = running(T0 + 20, true);
    const fired: Due[] = [];
    const clock = new PhaseClock(
      { now: () => now + 1_000 },
      () => state,
      (due) => fired.push(due),
    );
    clock.arm();
    state = running(T0 + 40);
    clock.arm();
    await waitFor(() => fired.length === 1, 5_000, 'the timeout');
    expect(fired[0]?.deadline).toBe(T0 + 40);
    state = running(T0 + 50);
    clock.stop();
    clock.arm();
    await new Promise((r) => setTimeout(r, 100));
    expect(fired).toHaveLength(1);
  });
});
