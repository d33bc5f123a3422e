// The socket gateway: handshakes, a kicked seat that stays kicked (also after a restart), a seat moved while
// connected, joining over the socket, the per-socket rate limit, cutting off abusive sockets and oversize frames,
// and error messages in the socket's language.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateSessionReply } from '../../../shared/protocol/http.js';
import {
  connect,
  connectError,
  createSession,
  http,
  joinHttp,
  newCmdId,
  runtimeOf,
  slowConfig,
  startTestServer,
  waitFor,
  type TestClient,
  type TestServer,
} from '../helpers.js';

let ts: TestServer;
let session: CreateSessionReply;
let host: TestClient;

beforeAll(async () => {
  ts = await startTestServer();
  session = await createSession(ts.url, { config: slowConfig() });
  host = await connect(ts.url, { code: session.code, token: session.hostToken });
});

afterAll(async () => {
  host?.close();
  await ts?.stop();
});

const disconnected = (c: TestClient) =>
  new Promise<string>((resolve) => c.socket.once('disconnect', (reason) => resolve(reason)));

describe('the socket gateway', () => {
  test('handshakes: each role gets its welcome; bad ones fail with a code', async () => {
    expect(host.welcome).toEqual({ role: 'host', code: session.code });
    const projector = await connect(ts.url, { code: session.code.toLowerCase(), token: session.projectorToken });
    expect(projector.welcome).toEqual({ role: 'projector', code: session.code });
    projector.close();
    expect((await connectError(ts.url, {})).code).toBe('BAD_REQUEST');
    expect((await connectError(ts.url, { code: 42 })).code).toBe('BAD_REQUEST');
    expect((await connectError(ts.url, { code: session.code, lang: 'fr' })).code).toBe('BAD_REQUEST');
    expect((await connectError(ts.url, { code: 'QQQQQQ', token: session.hostToken })).code).toBe('NOT_FOUND');
    const zh = await connectError(ts.url, { code: session.code, token: 'y'.repeat(40), lang: 'zh-CN' });
    expect(zh.code).toBe('UNAUTHORIZED');
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    // Another session's host token is no token here.
    const other = await createSession(ts.url, { config: slowConfig() });
    expect((await connectError(ts.url, { code: session.code, token: other.hostToken })).code).toBe('UNAUTHORIZED');
  });

  test('error messages follow the socket language', async () => {
    const seat = await joinHttp(ts.url, session.code, 'Lang');
    const zh = await connect(ts.url, { code: session.code, token: seat.seatToken, lang: 'zh-CN' });
    const ack = await zh.cmd('host:start');
    zh.close();
    expect(ack.ok ? 'ok' : ack.error.code).toBe('FORBIDDEN');
    if (!ack.ok) expect(ack.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('a guest joins over the socket and becomes that seat', async () => {
    const guest = await connect(ts.url, { code: session.code });
    expect(guest.welcome).toBeUndefined();
    const ack = await guest.emit<{ seatToken: string; seat: { id: string } }>('session:join', {
      code: session.code,
      name: 'Sock',
      cmdId: newCmdId(),
    });
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    await guest.waitView((v) => v.me.role === 'student');
    // Now a socket of the seat like any other: it draws from the seat's command bucket.
    const other = await connect(ts.url, { code: session.code, token: ack.seatToken });
    const bucketOf = (c: TestClient) => ts.server.io.sockets.sockets.get(c.socket.id ?? '')?.data.bucket;
    expect(bucketOf(guest)).toBeDefined();
    expect(bucketOf(guest)).toBe(bucketOf(other));
    other.close();
    expect(guest.welcome).toMatchObject({ role: 'student', seatId: ack.seat.id, name: 'Sock' });
    expect((await guest.emit('session:join', { code: session.code, name: 'Again' })).ok).toBe(false);
    expect((await guest.cmd('negotiation:done', { done: true })).ok ? 'ok' : 'refused').toBe('refused'); // lobby: WRONG_PHASE
    guest.close();
    const back = await connect(ts.url, { code: session.code, token: ack.seatToken });
    expect(back.welcome).toMatchObject({ seatId: ack.seat.id });
    back.close();
  });

  test('a seat moved while connected changes rooms and is told', async () => {
    const seat = await joinHttp(ts.url, session.code, 'Mover');
    const c = await connect(ts.url, { code: session.code, token: seat.seatToken });
    const target = seat.seat.region === 'R' ? 'F' : 'R';
    await host.ok('host:moveSeat', { seatId: seat.seat.id, world: 0, region: target });
    await waitFor(() => c.welcome?.role === 'student' && c.welcome.region === target, undefined, 'the new welcome');
    const v = await c.waitView((x) => x.me.role === 'student' && x.me.region === target);
    expect(v.seats.map((s) => s.id)).toContain(seat.seat.id);
    c.close();
  });

  test('a kicked seat is told, cut off, and stays kicked after reconnecting and after a restart', async () => {
    const seat = await joinHttp(ts.url, session.code, 'Kicked');
    const c = await connect(ts.url, { code: session.code, token: seat.seatToken });
    const gone = disconnected(c);
    await host.ok('host:kickSeat', { seatId: seat.seat.id });
    expect(await gone).toBe('io server disconnect');
    expect(c.closed).toEqual([{ code: session.code, reason: 'KICKED' }]);
    expect((await connectError(ts.url, { code: session.code, token: seat.seatToken })).code).toBe('KICKED');
    const hv = await host.waitView((v) => v.seats.some((s) => s.id === seat.seat.id && s.kicked));
    expect(hv.students.total).toBe(hv.seats.filter((s) => !s.kicked).length);
    // Kicking it again is refused and logs nothing.
    const events = (await runtimeOf(ts, session.code)).state.seq;
    const again = await host.cmd('host:kickSeat', { seatId: seat.seat.id });
    expect(again.ok ? 'ok' : again.error.code).toBe('NOT_FOUND');
    expect((await runtimeOf(ts, session.code)).state.seq).toBe(events);

    host.close();
    await ts.server.close();
    ts = await startTestServer({}, ts.dataDir);
    host = await connect(ts.url, { code: session.code, token: session.hostToken });
    expect((await connectError(ts.url, { code: session.code, token: seat.seatToken })).code).toBe('KICKED');
    expect(host.view!.seats.find((s) => s.id === seat.seat.id)?.kicked).toBe(true);
  });

  test('more than 20 commands at once are rate limited', async () => {
    const seat = await joinHttp(ts.url, session.code, 'Burst');
    const c = await connect(ts.url, { code: session.code, token: seat.seatToken });
    const acks = await Promise.all(
      Array.from({ length: 50 }, () => c.emit('negotiation:done', { cmdId: newCmdId(), done: true })),
    );
    c.close();
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((x) => x === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(1);
    expect(codes.filter((x) => x !== 'RATE_LIMITED').every((x) => x === 'WRONG_PHASE')).toBe(true);
    expect(codes.filter((x) => x !== 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20);
  });

  test('a socket that keeps sending bad input is cut off; it may connect again', async () => {
    const seat = await joinHttp(ts.url, session.code, 'Abuser');
    const c = await connect(ts.url, { code: session.code, token: seat.seatToken });
    const gone = disconnected(c);
    for (let k = 0; k < 60 && c.socket.connected; k++) c.socket.emit('proposal:submit', { junk: k }, () => undefined);
    expect(await gone).toBe('io server disconnect');
    const again = await connect(ts.url, { code: session.code, token: seat.seatToken });
    // Its seat's command bucket (shared by all its sockets) refills at 10 a second.
    await waitFor(async () => (await again.emit('state:sync', {})).ok, undefined, 'the seat served again');
    again.close();
    expect((await http<{ ok: boolean }>(ts.url, '/healthz')).body.ok).toBe(true);
  });

  test('a malformed session:join names the field and counts as a strike, as every BAD_REQUEST does', async () => {
    const guest = await connect(ts.url, { code: session.code });
    const bad = [{ code: session.code }, { code: session.code, name: 42 }, { code: session.code, name: 'Li', x: 1 }];
    const acks = [];
    for (const payload of bad) acks.push(await guest.emit('session:join', payload));
    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST']);
    expect(acks[0]!.ok ? '' : acks[0]!.error.message).toMatch(/name:/);
    // The client's socket id is the server's: its strikes are on the server's record of the socket.
    expect(ts.server.io.sockets.sockets.get(guest.socket.id ?? '')?.data.strikes).toHaveLength(3);
    guest.close();
  });

  test('a frame far over the limit is cut off by the transport; the server carries on', async () => {
    const seat = await joinHttp(ts.url, session.code, 'Huge');
    const c = await connect(ts.url, { code: session.code, token: seat.seatToken });
    const gone = disconnected(c);
    c.socket.emit(
      'decision:draft',
      { cmdId: newCmdId(), decision: { invest: 'x'.repeat(200_000), barriers: [], comply: {} } },
      () => undefined,
    );
    expect(await gone).toMatch(/transport (close|error)/);
    const again = await connect(ts.url, { code: session.code, token: seat.seatToken });
    expect(again.welcome).toMatchObject({ seatId: seat.seat.id });
    again.close();
    expect((await http<{ ok: boolean }>(ts.url, '/healthz')).body.ok).toBe(true);
  });
});
