// Limits per seat, not per socket: all the sockets of one seat draw from one command bucket (a burst of 20, then 10
// a second), and a seat keeps at most 4 sockets on a server (the newest win; the oldest are told and closed).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateSessionReply, JoinReply } from '../../../shared/protocol/http.js';
import { MAX_SOCKETS_PER_SEAT } from '../../../server/realtime/gateway.js';
import {
  connect,
  createSession,
  joinHttp,
  newCmdId,
  slowConfig,
  startTestServer,
  waitFor,
  type TestClient,
  type TestServer,
} from '../helpers.js';

let ts: TestServer;
let session: CreateSessionReply;
let seat: JoinReply;
const clients: TestClient[] = [];

beforeAll(async () => {
  ts = await startTestServer();
  session = await createSession(ts.url, { config: slowConfig() });
  seat = await joinHttp(ts.url, session.code, 'Many');
});

afterAll(async () => {
  for (const c of clients) c.close();
  await ts?.stop();
});

describe('per-seat limits', () => {
  test('the sockets of one seat share one command bucket', async () => {
    const socks: TestClient[] = [];
    for (let k = 0; k < MAX_SOCKETS_PER_SEAT; k++)
      socks.push(await connect(ts.url, { code: session.code, token: seat.seatToken }));
    clients.push(...socks);
    const acks = await Promise.all(
      socks.flatMap((c) =>
        Array.from({ length: 30 }, () => c.emit('negotiation:done', { cmdId: newCmdId(), done: true })),
      ),
    );
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    const through = codes.filter((x) => x !== 'RATE_LIMITED');
    // 120 sent at once: the seat's burst of 20 and what it refills meanwhile (10 a second), not 4 x 20.
    expect(through.length).toBeGreaterThanOrEqual(20);
    expect(through.length).toBeLessThan(40);
    expect(through.every((x) => x === 'WRONG_PHASE')).toBe(true);
  });

  test(`a seat keeps at most ${MAX_SOCKETS_PER_SEAT} sockets: the oldest are closed`, async () => {
    const extra: TestClient[] = [];
    for (let k = 0; k < 2; k++) extra.push(await connect(ts.url, { code: session.code, token: seat.seatToken }));
    clients.push(...extra);
    const all = clients;
    await waitFor(
      () => all.filter((c) => c.socket.connected).length === MAX_SOCKETS_PER_SEAT,
      undefined,
      'the oldest sockets closed',
    );
    expect(all.slice(0, 2).map((c) => c.closed)).toEqual([
      [{ code: session.code, reason: 'RATE_LIMITED' }],
      [{ code: session.code, reason: 'RATE_LIMITED' }],
    ]);
    expect(extra.every((c) => c.socket.connected)).toBe(true);
  });
});
