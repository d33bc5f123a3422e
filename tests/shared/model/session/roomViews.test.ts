// The instructor's room (issue 10): the host clears announcements from every screen, and the projector's view marks
// the pairs of regions with an offer pending, never its terms (docs/rules.md section 8).
import { describe, expect, it } from 'vitest';
import type { Actor, SessionCommand } from '../../../../shared/model/session/commands.js';
import { applyCommand } from '../../../../shared/model/session/reducer.js';
import type { SessionState } from '../../../../shared/model/session/state.js';
import { sessionView } from '../../../../shared/model/session/view.js';
import { classIn, play, T0 } from './classes.js';

function run(s: SessionState, actor: Actor, cmd: SessionCommand): SessionState {
  return play(s, cmd, actor);
}

/** Three students in the negotiate phase of round 1 of the quick demo. */
function negotiating(): SessionState {
  const s = classIn('quick-demo', 'room', ['Ann', 'Bo', 'Cy'], 'negotiate');
  expect(s.phase).toBe('negotiate');
  return s;
}

describe('host:clearAnnouncements', () => {
  it('takes every announcement off every view, and is refused when there is none', () => {
    let s = negotiating();
    s = run(s, { kind: 'host' }, { type: 'host:announce', text: 'Two minutes left' });
    s = run(s, { kind: 'host' }, { type: 'host:announce', text: 'Look at the map' });
    expect(sessionView(s, { kind: 'projector' }).announcements.map((a) => a.text)).toEqual([
      'Two minutes left',
      'Look at the map',
    ]);
    const seat = s.seats[0];
    if (!seat) throw new Error('no seat');
    const cleared = run(s, { kind: 'host' }, { type: 'host:clearAnnouncements' });
    for (const role of [
      { kind: 'host' as const },
      { kind: 'projector' as const },
      { kind: 'region' as const, world: seat.world, region: seat.region },
    ]) {
      expect(sessionView(cleared, role).announcements).toEqual([]);
    }
    const again = applyCommand(cleared, { kind: 'host' }, { type: 'host:clearAnnouncements' }, T0);
    expect(again.ok ? 'ok' : again.error.code).toBe('NOT_FOUND');
    const bySeat = applyCommand(s, { kind: 'seat', seatId: seat.id }, { type: 'host:clearAnnouncements' }, T0);
    expect(bySeat.ok ? 'ok' : bySeat.error.code).toBe('FORBIDDEN');
  });
});

describe('pending links', () => {
  it('the projector sees which pairs have an offer pending, never the proposals; a student only its own pairs', () => {
    let s = negotiating();
    const [a, b, c] = s.seats;
    if (!a || !b || !c) throw new Error('seats');
    // a offers to b; c sees neither the offer nor the pair.
    s = run(
      s,
      { kind: 'seat', seatId: a.id },
      { type: 'proposal:submit', to: b.region, terms: { openMarket: true, project: null } },
    );
    const pair = (x: string, y: string) => {
      const order = sessionView(s, { kind: 'host' }).worlds[0]?.regions.map((r) => r.id) ?? [];
      return order.indexOf(x) <= order.indexOf(y) ? [x, y] : [y, x];
    };
    // Bots make offers of their own: the pairs are those of the host's pending proposals.
    const host = sessionView(s, { kind: 'host' }).worlds[0]?.current;
    const pending = (host?.proposals ?? []).filter((p) => p.status === 'pending');
    const expected = pending
      .map((p) => pair(p.from, p.to))
      .filter((x, i, all) => all.findIndex((y) => y.join() === x.join()) === i);
    expect(expected).toContainEqual(pair(a.region, b.region));
    expect(host?.pendingLinks).toEqual(expect.arrayContaining(expected));
    expect(host?.pendingLinks).toHaveLength(expected.length);
    const projector = sessionView(s, { kind: 'projector' }).worlds[0]?.current;
    expect(projector?.proposals).toEqual([]);
    expect(projector?.pendingLinks).toEqual(host?.pendingLinks);
    expect(JSON.stringify(projector)).not.toContain('openMarket');
    const own = sessionView(s, { kind: 'region', world: 0, region: b.region }).worlds[0]?.current;
    expect(own?.pendingLinks).toEqual(host?.pendingLinks.filter((l) => l.includes(b.region)));
    expect(own?.pendingLinks).toContainEqual(pair(a.region, b.region));
  });
});
