// host:advance, the one-button flow: from the lobby it starts the game, then it ends each phase in turn, exactly
// as host:start and host:endPhase do; once the game has ended it is refused.
import { describe, expect, it } from 'vitest';
import type { SessionCommand } from '../../../../shared/model/session/commands.js';
import { applyCommand } from '../../../../shared/model/session/reducer.js';
import type { SessionState } from '../../../../shared/model/session/state.js';
import { classIn, play, studentNames, T0 } from './classes.js';

const lobby = (students: number) => classIn('quick-demo', 'advance', studentNames(students));

const host = (s: SessionState, cmd: SessionCommand, at: number) => play(s, cmd, { kind: 'host' }, at);

describe('host:advance', () => {
  it('walks the same phases as host:start then host:endPhase, to the end of the game', () => {
    let a = lobby(3);
    let b = lobby(3);
    const phases: string[] = [];
    for (let k = 0; k < 40 && a.phase !== 'ended'; k++) {
      const at = T0 + 1000 * (k + 1);
      a = host(a, { type: 'host:advance' }, at);
      b = host(b, b.phase === 'lobby' ? { type: 'host:start' } : { type: 'host:endPhase' }, at);
      expect(a).toEqual(b);
      phases.push(`${a.round}:${a.phase}`);
    }
    expect(phases.slice(0, 5)).toEqual(['1:briefing', '1:negotiate', '1:decide', '1:results', '2:briefing']);
    expect(a.phase).toBe('ended');
    const r = applyCommand(a, { kind: 'host' }, { type: 'host:advance' }, T0 + 100_000);
    expect(r.ok ? 'accepted' : r.error.code).toBe('SESSION_ENDED');
  });

  it("is the host's alone", () => {
    const s = lobby(1);
    const r = applyCommand(s, { kind: 'seat', seatId: 's0' }, { type: 'host:advance' }, T0);
    expect(r.ok ? 'accepted' : r.error.code).toBe('FORBIDDEN');
  });
});
