// A session's phase clock: one timer on the current deadline, which asks the runtime to time the phase out when it
// fires; and the deadline a running phase resumes with after a restart.
import type { SessionState } from '../../shared/model/session/state.js';
import type { Clock } from './clock.js';

const MIN_RESUME_MS = 15_000;
/** setTimeout's longest delay: a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The deadline of a running phase after a restart: the time it had left when the server was last known alive, at
 * least 15 s and at most four negotiate phases (a clock that jumped). `lastAlive`: the later of the last heartbeat
 * and the last stored command, so repeated crashes never add time.
 */
export function resumedDeadline(state: SessionState, now: number, lastAlive: number): number {
  const left = (state.deadline ?? now) - Math.min(now, lastAlive);
  return now + Math.max(MIN_RESUME_MS, Math.min(left, state.config.phases.negotiate * 1000 * 4));
}

/** What the timer times out: the phase and round it was set for, and their deadline. */
export interface Due {
  round: number;
  phase: SessionState['phase'];
  deadline: number;
}

export class PhaseClock {
  private timer: NodeJS.Timeout | null = null;
  private timerFor: number | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    /** The session's current state. */
    private readonly state: () => SessionState,
    /** Called once the server clock has reached the deadline it was set for. */
    private readonly onDue: (due: Due) => void,
  ) {}

  /** Keeps one timer on the current deadline (none while paused, in the lobby or after the end). */
  arm(): void {
    const { deadline, phase, round, paused } = this.state();
    const due = this.stopped || paused || deadline === null ? null : deadline;
    if (due === this.timerFor) return;
    this.clear();
    this.timerFor = due;
    if (due === null) return;
    const delay = Math.max(0, due - this.clock.now());
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.timerFor = null;
        // Node's timers run on a monotonic clock, the session on the server clock: a timer may fire a little before
        // the server clock reaches the deadline. Wait for the rest instead of sending a timeout that would be stale.
        if (this.clock.now() < due) return this.arm();
        this.onDue({ round, phase, deadline: due });
      },
      Math.min(delay, MAX_TIMER_MS),
    );
  }

  /** No timer fires from now on. */
  stop(): void {
    this.stopped = true;
    this.clear();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerFor = null;
  }
}
