// The session runtime on the real server: the phase clock (deadlines fire by themselves; pause, resume, add time),
// takeover of absent regions by their bot at a deadline, and a region shared by two students.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateSessionReply, JoinReply } from '../../../shared/protocol/http.js';
import {
  connect,
  createSession,
  http,
  joinHttp,
  slowConfig,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../helpers.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});

afterAll(async () => {
  await ts?.stop();
});

describe('the phase clock', () => {
  let session: CreateSessionReply;
  let host: TestClient;

  beforeAll(async () => {
    session = await createSession(ts.url, {
      config: slowConfig({ phases: { briefing: 5, negotiate: 600, decide: 600, results: 600 } }),
    });
    await joinHttp(ts.url, session.code, 'Ann');
    host = await connect(ts.url, { code: session.code, token: session.hostToken });
  });

  afterAll(() => host?.close());

  test('a phase ends at its deadline without anyone acting', async () => {
    await host.ok('host:start');
    const briefing = await host.waitPhase('briefing', 1);
    expect(briefing.deadline).not.toBeNull();
    const negotiate = await host.waitPhase('negotiate', 1, 30_000);
    expect(negotiate.deadline! - briefing.deadline!).toBeGreaterThanOrEqual(600_000);
    const events = await http<{ events: { type: string; actor: string }[] }>(
      ts.url,
      `/api/sessions/${session.code}/export.json`,
      { token: session.hostToken },
    );
    expect(events.body.events.filter((e) => e.type === 'phase:timeout').map((e) => e.actor)).toEqual(['system']);
  }, 40_000);

  test('pause keeps the time left, add time adds to it, resume sets a new deadline', async () => {
    const before = host.view!;
    await host.ok('host:pause');
    const paused = await host.waitView((v) => v.paused);
    expect(paused.deadline).toBeNull();
    expect(paused.remainingMs).toBeGreaterThan(0);
    expect(paused.remainingMs).toBeLessThanOrEqual(
      before.deadline! - host.messages[host.messages.length - 1]!.serverTime + 1000,
    );
    await host.ok('host:addTime', { seconds: 30 });
    const added = await host.waitView((v) => v.remainingMs === paused.remainingMs! + 30_000);
    expect(added.phase).toBe('negotiate');
    const pausedAgain = await host.cmd('host:pause');
    expect(pausedAgain.ok ? 'ok' : pausedAgain.error.code).toBe('ALREADY_PAUSED');
    await host.ok('host:resume');
    const resumed = await host.waitView((v) => !v.paused);
    expect(resumed.remainingMs).toBeNull();
    const m = host.messages[host.messages.length - 1]!;
    expect(resumed.deadline! - m.serverTime).toBeGreaterThan(added.remainingMs! - 5000);
    await host.ok('host:addTime', { seconds: 60 });
    const later = await host.waitView((v) => v.deadline === resumed.deadline! + 60_000);
    expect(later.paused).toBe(false);
  });
});

describe('takeover', () => {
  test('at the deadline an absent region is played by its bot when takeover is on, else gets the defaults', async () => {
    const s = await createSession(ts.url, { config: slowConfig({ rounds: 2 }) });
    const ann: JoinReply = await joinHttp(ts.url, s.code, 'Ann');
    await joinHttp(ts.url, s.code, 'Bo'); // region I, never connects
    const host = await connect(ts.url, { code: s.code, token: s.hostToken });
    const student = await connect(ts.url, { code: s.code, token: ann.seatToken });
    try {
      await host.ok('host:setTakeover', { enabled: true });
      await host.ok('host:start');
      for (let k = 0; k < 3; k++) await host.ok('host:endPhase');
      await host.waitPhase('results', 1);
      await host.ok('host:setTakeover', { enabled: false });
      for (let k = 0; k < 4; k++) await host.ok('host:endPhase');
      await host.waitPhase('results', 2);
      const log = await http<{ worlds: { rounds: { decisions: Record<string, { source: string }> }[] }[] }>(
        ts.url,
        `/api/sessions/${s.code}/export.json`,
        { token: s.hostToken },
      );
      const sources = log.body.worlds[0]!.rounds.map((r) =>
        Object.fromEntries(Object.entries(r.decisions).map(([k, d]) => [k, d.source])),
      );
      expect(sources).toEqual([
        { C: 'default', I: 'bot', F: 'bot', R: 'bot' },
        { C: 'default', I: 'default', F: 'bot', R: 'bot' },
      ]);
    } finally {
      host.close();
      student.close();
    }
  });
});

describe('a region with two students', () => {
  test('shares its draft live; the last submission before the deadline counts', async () => {
    const s = await createSession(ts.url, { config: slowConfig({ rounds: 1 }) });
    const seats: JoinReply[] = [];
    for (const name of ['A', 'B', 'C', 'D', 'E']) seats.push(await joinHttp(ts.url, s.code, name));
    expect(seats.map((x) => x.seat.region)).toEqual(['C', 'I', 'F', 'R', 'C']);
    const host = await connect(ts.url, { code: s.code, token: s.hostToken });
    const a = await connect(ts.url, { code: s.code, token: seats[0]!.seatToken });
    const e = await connect(ts.url, { code: s.code, token: seats[4]!.seatToken });
    try {
      expect(a.view!.seats.map((x) => x.name)).toEqual(['A', 'E']);
      await host.ok('host:start');
      await host.ok('host:endPhase');
      await host.ok('host:endPhase');
      await a.ok('decision:draft', { decision: { invest: 'FOOD', barriers: [], comply: {} } });
      await e.waitView(
        (v) => v.worlds[0]?.current?.drafts['C']?.invest === 'FOOD',
        undefined,
        "A's draft on E's screen",
      );
      await e.ok('decision:submit', { decision: { invest: 'CHEM', barriers: ['R'], comply: {} } });
      await a.waitView(
        (v) => v.worlds[0]?.current?.decisions['C']?.invest === 'CHEM',
        undefined,
        "E's submission on A's screen",
      );
      await a.ok('decision:submit', { decision: { invest: 'AUTO', barriers: [], comply: {} } });
      await host.ok('host:endPhase');
      const results = await host.waitPhase('results', 1);
      expect(results.worlds[0]!.historyLength).toBe(1);
      const log = await http<{ worlds: { rounds: { decisions: Record<string, unknown> }[] }[] }>(
        ts.url,
        `/api/sessions/${s.code}/export.json`,
        { token: s.hostToken },
      );
      expect(log.body.worlds[0]!.rounds[0]!.decisions['C']).toEqual({
        invest: 'AUTO',
        barriers: [],
        comply: {},
        source: 'human',
      });
    } finally {
      for (const c of [host, a, e]) c.close();
    }
  });
});
