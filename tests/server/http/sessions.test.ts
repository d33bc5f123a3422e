// The session HTTP API: creation (default plan, preset, bare config, invalid config), public info, joining (names,
// duplicates, locked and ended sessions, the per-IP join rate limit) and malformed requests.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateSessionReply, JoinReply, SessionInfo } from '../../../shared/protocol/http.js';
import { connect, createSession, http, joinHttp, slowConfig, startTestServer, type TestServer } from '../helpers.js';

type ErrorReply = { error: { code: string; message: string; details?: string[] } };

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});

afterAll(async () => {
  await ts?.stop();
});

const info = async (code: string) => (await http<SessionInfo>(ts.url, `/api/sessions/${code}`)).body;
const join = (code: string, body: unknown) =>
  http<JoinReply & ErrorReply>(ts.url, `/api/sessions/${code}/join`, { body });

describe('creating sessions', () => {
  test('{} gives the default class plan, with links and tokens', async () => {
    const r = await http<CreateSessionReply>(ts.url, '/api/sessions', { body: {} });
    expect(r.status).toBe(201);
    const s = r.body;
    expect(s.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(s.joinUrl).toBe(`${ts.url}/join/${s.code}`);
    expect(s.hostUrl).toBe(`${ts.url}/host/${s.code}#${s.hostToken}`);
    expect(s.projectorUrl).toBe(`${ts.url}/projector/${s.code}#${s.projectorToken}`);
    expect(s.hostToken).not.toBe(s.projectorToken);
    expect(Buffer.from(s.hostToken, 'base64url')).toHaveLength(24);
    expect(await info(s.code)).toEqual({ code: s.code, title: '', phase: 'lobby', locked: false, round: 0, rounds: 8 });
    // Codes are case-insensitive and may be typed with a dash.
    expect((await info(`${s.code.slice(0, 3).toLowerCase()}-${s.code.slice(3)}`)).code).toBe(s.code);
  });

  test('a preset, a preset with changes, and a bare config', async () => {
    const demo = await createSession(ts.url, { preset: 'quick-demo' });
    expect((await info(demo.code)).rounds).toBe(3);
    const changed = await createSession(ts.url, {
      preset: 'quick-demo',
      config: { title: 'Econ 101' },
      seed: 'seed-1',
    });
    expect(await info(changed.code)).toMatchObject({ title: 'Econ 101', rounds: 3 });
    const bare = await createSession(ts.url, slowConfig({ title: 'Bare', rounds: 4 }));
    expect(await info(bare.code)).toMatchObject({ title: 'Bare', rounds: 4 });
  });

  test('an invalid config is refused with readable details', async () => {
    const r = await http<ErrorReply>(ts.url, '/api/sessions', {
      body: { preset: 'control-vs-reform', config: { rounds: 2, phases: { negotiate: 2 }, map: 'moon' } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('BAD_REQUEST');
    const details = r.body.error.details!.join('\n');
    expect(details).toMatch(/phases\.negotiate: .*5/);
    expect(details).toContain('unknown map "moon"');
    expect(details).toContain('step from round 5 is after the last round (2)');
    const unknown = await http<ErrorReply>(ts.url, '/api/sessions', { body: { preset: 'no-such-plan' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('no-such-plan');
    expect(unknown.body.error.details).toContain('quick-demo');
    const extra = await http<ErrorReply>(ts.url, '/api/sessions', { body: { rounds: 3, colour: 'red' } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details!.join()).toContain('colour');
  });

  test('malformed bodies are JSON errors and the server keeps running', async () => {
    expect((await http<ErrorReply>(ts.url, '/api/sessions', { raw: '{"preset": ' })).body.error.code).toBe(
      'BAD_REQUEST',
    );
    expect((await http<ErrorReply>(ts.url, '/api/sessions', { raw: '[1,2]' })).status).toBe(400);
    expect((await http<ErrorReply>(ts.url, '/api/sessions', { raw: '"just a string"' })).status).toBe(400);
    const big = await http<ErrorReply>(ts.url, '/api/sessions', { body: { config: { title: 'x'.repeat(70_000) } } });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await http<ErrorReply>(ts.url, '/api/nothing-here')).status).toBe(404);
    expect((await http<ErrorReply>(ts.url, '/api/sessions/ZZZZZZ')).body.error.code).toBe('NOT_FOUND');
    expect((await http<{ ok: boolean }>(ts.url, '/healthz')).body.ok).toBe(true);
  });

  test('presets are listed with the default config', async () => {
    const r = await http<{ classPlans: { id: string }[]; defaultClassPlan: string; defaults: { rounds: number } }>(
      ts.url,
      '/api/presets',
    );
    expect(r.body.classPlans.map((p) => p.id)).toContain('control-vs-reform');
    expect(r.body.defaultClassPlan).toBe('baseline-then-reforms');
    expect(r.body.defaults.rounds).toBe(8);
  });
});

describe('joining', () => {
  test('bad names are refused with INVALID_NAME; names are trimmed; 24 characters are fine', async () => {
    const { code } = await createSession(ts.url, { config: slowConfig() });
    for (const name of ['', '   ', 'x'.repeat(25), 'Bell\u0007', 'Esc\u001b[31m', 'evil\u202Eeman', '\u0000']) {
      const r = await join(code, { name });
      expect(r.status, JSON.stringify(name)).toBe(400);
      expect(r.body.error.code, JSON.stringify(name)).toBe('INVALID_NAME');
    }
    expect((await join(code, {})).body.error.code).toBe('BAD_REQUEST');
    expect((await join(code, { name: 42 })).body.error.code).toBe('BAD_REQUEST');
    expect((await join(code, { name: 'Ann', seat: 's1' })).body.error.code).toBe('BAD_REQUEST');
    expect((await joinHttp(ts.url, code, '  Zhang   San  ')).seat.name).toBe('Zhang San');
    expect((await joinHttp(ts.url, code, 'Li\n\tWei')).seat.name).toBe('Li Wei');
    expect((await joinHttp(ts.url, code, '王'.repeat(24))).seat.name).toHaveLength(24);
    expect((await join('ZZZZZZ', { name: 'Ann' })).status).toBe(404);
  });

  test('duplicate names are disambiguated', async () => {
    const { code } = await createSession(ts.url, { config: slowConfig() });
    const names = [];
    for (const name of ['Li', 'Li', 'li', 'Li (2)', 'Wu']) names.push((await joinHttp(ts.url, code, name)).seat.name);
    expect(names).toEqual(['Li', 'Li (2)', 'li (3)', 'Li (2) (2)', 'Wu']);
  });

  test('students fill the regions evenly and get distinct secret tokens', async () => {
    const { code } = await createSession(ts.url, {
      config: slowConfig({ map: '3-single', worlds: { count: 2, maxSeatsPerRegion: 2 } }),
    });
    const seats = [];
    for (let k = 0; k < 8; k++) seats.push(await joinHttp(ts.url, code, `S${k}`));
    expect(seats.map((s) => `${s.seat.world}${s.seat.region}`)).toEqual([
      '0C',
      '0I',
      '0F',
      '1C',
      '1I',
      '1F',
      '0C',
      '0I',
    ]);
    expect(new Set(seats.map((s) => s.seatToken)).size).toBe(8);
    expect(seats.map((s) => s.seat.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8']);
  });

  test('concurrent joins each get their own seat and name', async () => {
    const { code } = await createSession(ts.url, {
      config: slowConfig({ worlds: { count: 'auto', maxSeatsPerRegion: 2 } }),
    });
    const seats = await Promise.all(
      Array.from({ length: 20 }, (_, k) => joinHttp(ts.url, code, k % 2 === 0 ? 'Same' : `P${k}`)),
    );
    expect(new Set(seats.map((x) => x.seat.id)).size).toBe(20);
    expect(new Set(seats.map((x) => x.seat.name)).size).toBe(20);
    const perRegion = new Map<string, number>();
    for (const x of seats)
      perRegion.set(`${x.seat.world}:${x.seat.region}`, (perRegion.get(`${x.seat.world}:${x.seat.region}`) ?? 0) + 1);
    // 'auto' opens a new world when every region has 2 students: 20 students fill 3 worlds of 4 regions.
    expect([...perRegion.values()].every((n) => n <= 2)).toBe(true);
    expect(new Set(seats.map((x) => x.seat.world))).toEqual(new Set([0, 1, 2]));
  });

  test('a locked lobby refuses joins until unlocked; an ended session refuses them for good', async () => {
    const s = await createSession(ts.url, { config: slowConfig() });
    const host = await connect(ts.url, { code: s.code, token: s.hostToken });
    try {
      await host.ok('host:lock', { locked: true });
      const r = await join(s.code, { name: 'Late' });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('LOBBY_LOCKED');
      expect((await info(s.code)).locked).toBe(true);
      const guest = await connect(ts.url, { code: s.code });
      const viaSocket = await guest.emit('session:join', { code: s.code, name: 'Late' });
      guest.close();
      expect(viaSocket.ok ? 'ok' : viaSocket.error.code).toBe('LOBBY_LOCKED');
      await host.ok('host:lock', { locked: false });
      expect((await joinHttp(ts.url, s.code, 'Late')).seat.name).toBe('Late');
      await host.ok('host:start');
      await host.ok('host:endGame');
      const ended = await join(s.code, { name: 'Later' });
      expect(ended.status).toBe(409);
      expect(ended.body.error.code).toBe('SESSION_ENDED');
    } finally {
      host.close();
    }
  });
});

describe('the join rate limit', () => {
  test('is per IP address, over HTTP and the socket together', async () => {
    const limited = await startTestServer({ JOIN_RATE_PER_MINUTE: '3' });
    try {
      const { code } = await createSession(limited.url, { config: slowConfig() });
      for (const name of ['A1', 'A2']) await joinHttp(limited.url, code, name);
      const guest = await connect(limited.url, { code });
      const third = await guest.emit('session:join', { code, name: 'A3' });
      expect(third.ok).toBe(true);
      const fourth = await http<ErrorReply>(limited.url, `/api/sessions/${code}/join`, { body: { name: 'A4' } });
      expect(fourth.status).toBe(429);
      expect(fourth.body.error.code).toBe('RATE_LIMITED');
      const guest2 = await connect(limited.url, { code });
      const fifth = await guest2.emit('session:join', { code, name: 'A5' });
      expect(fifth.ok ? 'ok' : fifth.error.code).toBe('RATE_LIMITED');
      guest.close();
      guest2.close();
      // A refused join created no seat.
      expect((await limited.server.registry.get(code))!.state.seats.map((x) => x.name)).toEqual(['A1', 'A2', 'A3']);
    } finally {
      await limited.stop();
    }
  });
});
