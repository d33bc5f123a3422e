// What the console derives from the host's view: controls per phase, decided counts, away list, seat order, move
// targets, arms with their reforms, links and pasted host links.
import { describe, expect, it } from 'vitest';
import {
  armStatuses,
  awayMinutes,
  awaySeats,
  botRegionCount,
  controlsFor,
  currentStrategy,
  links,
  moveTargets,
  sameSet,
  sortedSeats,
  switchableOf,
  tokenFromPaste,
  worldProgress,
} from '../../../client/src/host/consoleModel.js';
import { SessionConfigSchema } from '../../../shared/model/config.js';
import { applyCommand } from '../../../shared/model/session/reducer.js';
import type { SessionCommand, Actor } from '../../../shared/model/session/commands.js';
import { createSessionState, type SessionState } from '../../../shared/model/session/state.js';
import { sessionView, type Presence } from '../../../shared/model/session/view.js';
import { CLASS_PLANS } from '../../../shared/model/presets.js';

const T0 = 1_700_000_000_000;

function session(planId = 'control-vs-reform', overrides: Record<string, unknown> = {}): SessionState {
  const plan = CLASS_PLANS.find((p) => p.id === planId)!;
  const config = SessionConfigSchema.parse({ ...plan.config, ...overrides });
  return createSessionState({ code: 'ACDEFG', seed: 's', createdAt: new Date(T0).toISOString(), config });
}

function apply(state: SessionState, cmd: SessionCommand, actor: Actor = { kind: 'host' }, at = T0): SessionState {
  const r = applyCommand(state, actor, cmd, at);
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code}`);
  return r.value;
}

function withStudents(state: SessionState, names: string[]): SessionState {
  return names.reduce((s, name) => apply(s, { type: 'session:join', name }, { kind: 'system' }), state);
}

const presence =
  (away: Record<string, number | null>) =>
  (id: string): Presence =>
    id in away ? { connected: false, awaySince: away[id] ?? null } : { connected: true, awaySince: null };

describe('controlsFor', () => {
  it('follows the phase and pause state', () => {
    const lobby = sessionView(session(), { kind: 'host' });
    expect(controlsFor(lobby)).toMatchObject({
      start: true,
      pause: false,
      resume: false,
      addTime: false,
      endPhase: false,
      reforms: true,
      endGame: true,
    });
    let s = apply(withStudents(session(), ['Li']), { type: 'host:start' });
    expect(controlsFor(sessionView(s, { kind: 'host' }))).toMatchObject({
      start: false,
      pause: true,
      resume: false,
      addTime: true,
      endPhase: true,
    });
    s = apply(s, { type: 'host:pause' });
    expect(controlsFor(sessionView(s, { kind: 'host' }))).toMatchObject({ pause: false, resume: true });
    s = apply(s, { type: 'host:endGame' });
    expect(controlsFor(sessionView(s, { kind: 'host' }))).toMatchObject({
      start: false,
      pause: false,
      resume: false,
      reforms: false,
      endGame: false,
      lobby: false,
    });
  });

  it('has no next-round reforms in the last round', () => {
    const v = sessionView(session(), { kind: 'host' });
    expect(controlsFor({ ...v, phase: 'decide', round: v.config.rounds }).reforms).toBe(false);
    expect(controlsFor({ ...v, phase: 'decide', round: v.config.rounds - 1 }).reforms).toBe(true);
  });
});

describe('progress and presence', () => {
  it('counts decided regions per world, and regions done negotiating', () => {
    const v = sessionView(withStudents(session(), ['A', 'B', 'C']), { kind: 'host' });
    const decide = worldProgress({ ...v, phase: 'decide' });
    expect(decide.map((p) => [p.world, p.kind, p.of])).toEqual([
      [0, 'decided', 3],
      [1, 'decided', 0],
    ]);
    const regions = v.regions.map((r) => (r.world === 0 && r.humans > 0 ? { ...r, done: true } : r));
    const negotiate = worldProgress({ ...v, phase: 'negotiate', regions });
    expect(negotiate[0]).toEqual({ world: 0, kind: 'negotiated', count: 3, of: 3 });
    expect(negotiate[1]).toEqual({ world: 1, kind: 'negotiated', count: 0, of: 0 });
  });

  it('lists away students longest first and measures minutes', () => {
    const s = withStudents(session(), ['A', 'B', 'C']);
    const [a, b] = s.seats;
    const v = sessionView(s, { kind: 'host' }, presence({ [a!.id]: T0 - 60_000, [b!.id]: T0 - 600_000 }));
    expect(awaySeats(v).map((x) => x.name)).toEqual(['B', 'A']);
    expect(awayMinutes(T0 - 600_000, T0)).toBe(10);
    expect(awayMinutes(T0 - 30_000, T0)).toBe(0);
    expect(awayMinutes(null, T0)).toBeNull();
  });

  it('sorts seats by world, map order and name, removed last', () => {
    let s = withStudents(session('baseline-then-reforms'), ['Zed', 'Amy', 'Bo', 'Cy', 'Di']);
    s = apply(s, { type: 'host:kickSeat', seatId: s.seats[1]!.id });
    const order = sortedSeats(sessionView(s, { kind: 'host' }));
    expect(order[order.length - 1]!.name).toBe('Amy');
    const regionsOrder = ['C', 'I', 'F', 'R'];
    const active = order.filter((x) => !x.kicked);
    for (let i = 1; i < active.length; i++)
      expect(regionsOrder.indexOf(active[i]!.region)).toBeGreaterThanOrEqual(
        regionsOrder.indexOf(active[i - 1]!.region),
      );
  });

  it('counts bot regions and the strategy they play', () => {
    let s = withStudents(session(), ['A']);
    expect(botRegionCount(sessionView(s, { kind: 'host' }))).toBe(7);
    expect(currentStrategy(sessionView(s, { kind: 'host' }))).toBe('adaptive');
    s = apply(s, { type: 'host:fillBots', strategy: 'competitive' });
    expect(currentStrategy(sessionView(s, { kind: 'host' }))).toBe('competitive');
  });
});

describe('worlds, arms and reforms', () => {
  it('offers every world with its map regions as move targets', () => {
    const v = sessionView(session('single-vs-multi-centre', { map: '3-single' }), { kind: 'host' });
    expect(moveTargets(v)).toEqual([
      { world: 0, regions: ['C', 'I', 'F'] },
      { world: 1, regions: ['C', 'I', 'F'] },
    ]);
  });

  it('shows each arm with its worlds, reforms now and next, and the multi-centre map', () => {
    let s = session('single-vs-multi-centre');
    let arms = armStatuses(sessionView(s, { kind: 'host' }));
    expect(arms.map((a) => [a.name, a.worlds, a.multiCentre, a.next])).toEqual([
      ['Single centre', [0], false, []],
      ['Multi centre', [1], true, ['C']],
    ]);
    s = apply(s, { type: 'host:setReforms', arm: 1, treatments: ['A', 'E'] });
    arms = armStatuses(sessionView(s, { kind: 'host' }));
    expect(arms[1]!.next).toEqual(['A', 'C', 'E']);
    expect(switchableOf(arms[1]!.next)).toEqual(['A', 'E']);
    expect(switchableOf(null)).toEqual([]);
  });

  it('reads the schedule for an arm without a world', () => {
    const v = sessionView(session('control-vs-reform', { worlds: { count: 1 } }), { kind: 'host' });
    const arms = armStatuses(v);
    expect(arms[1]).toMatchObject({ worlds: [], next: null });
  });

  it('compares sets', () => {
    expect(sameSet(['A', 'B'], ['B', 'A'])).toBe(true);
    expect(sameSet(['A'], ['A', 'B'])).toBe(false);
  });
});

describe('links', () => {
  it('builds the join, host and projector links', () => {
    expect(links('https://x.test/', 'ACDEFG', 'tok', null)).toEqual({
      join: 'https://x.test/join/ACDEFG',
      host: 'https://x.test/host/ACDEFG#tok',
      projector: null,
    });
    expect(links('http://h', 'ACDEFG', null, 'p').projector).toBe('http://h/projector/ACDEFG#p');
  });

  it('takes a host token from a pasted link or key', () => {
    const token = 'abcdefghijklmnopqrstuvwx_-12';
    expect(tokenFromPaste(` https://x.test/host/ACDEFG#${token} `, 'ACDEFG')).toBe(token);
    expect(tokenFromPaste(`https://x.test/host/acdefg#${token}`, 'ACDEFG')).toBe(token);
    expect(tokenFromPaste(`https://x.test/host/QQQQQQ#${token}`, 'ACDEFG')).toBeNull();
    expect(tokenFromPaste(`#${token}`, 'ACDEFG')).toBe(token);
    expect(tokenFromPaste('short', 'ACDEFG')).toBeNull();
    expect(tokenFromPaste('https://x.test/join/ACDEFG', 'ACDEFG')).toBeNull();
  });
});
