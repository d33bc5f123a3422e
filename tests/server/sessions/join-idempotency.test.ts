// A join's cmdId makes it safe to retry, over HTTP and the socket alike: the same guest sending the same join again
// gets the seat it made; two guests whose clients picked the same cmdId get a seat each.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { JoinReply } from '../../../shared/protocol/http.js';
import { connect, createSession, http, slowConfig, startTestServer, type TestServer } from '../helpers.js';

let ts: TestServer;

beforeAll(async () => {
  ts = await startTestServer();
});

afterAll(async () => {
  await ts?.stop();
});

const joinHttp = (code: string, body: unknown) => http<JoinReply>(ts.url, `/api/sessions/${code}/join`, { body });

async function joinSocket(code: string, payload: Record<string, unknown>): Promise<JoinReply> {
  const guest = await connect(ts.url, { code });
  try {
    const ack = await guest.emit<JoinReply>('session:join', { code, ...payload });
    if (!ack.ok) throw new Error(`join refused: ${ack.error.code}`);
    return { seatToken: ack.seatToken, seat: ack.seat };
  } finally {
    guest.close();
  }
}

async function seatNames(code: string): Promise<string[]> {
  // The session as stored (in a cluster this process may hold a read copy: tests/server/cluster/join-idempotency).
  const rt = await ts.server.registry.fresh(code);
  return rt?.state.seats.map((s) => s.name) ?? [];
}

describe('join idempotency', () => {
  test('over the socket: a retry gets its seat back, another guest with the same cmdId gets its own', async () => {
    const { code } = await createSession(ts.url, { config: slowConfig() });
    const ann = await joinSocket(code, { name: 'Ann', cmdId: 'join-0001' });
    // Another browser whose client counts its cmdIds from 1 as well.
    const bo = await joinSocket(code, { name: 'Bo', cmdId: 'join-0001' });
    expect(bo.seat.id).not.toBe(ann.seat.id);
    expect(bo.seatToken).not.toBe(ann.seatToken);
    expect(bo.seat.name).toBe('Bo');
    // Ann's ack was lost: her client reconnects (a new socket, still a guest) and sends the same join again.
    const again = await joinSocket(code, { name: 'Ann', cmdId: 'join-0001' });
    expect(again).toEqual(ann);
    expect(await seatNames(code)).toEqual(['Ann', 'Bo']);
  });

  test('over HTTP: the same key twice is one seat, different keys two seats', async () => {
    const { code } = await createSession(ts.url, { config: slowConfig() });
    const first = await joinHttp(code, { name: 'Li', cmdId: 'a1b2c3d4e5f6' });
    const retry = await joinHttp(code, { name: 'Li', cmdId: 'a1b2c3d4e5f6' });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect(await seatNames(code)).toEqual(['Li']);
    const other = await joinHttp(code, { name: 'Li', cmdId: 'f6e5d4c3b2a1' });
    expect(other.status).toBe(201);
    expect(other.body.seat.id).not.toBe(first.body.seat.id);
    expect(other.body.seatToken).not.toBe(first.body.seatToken);
    // Without a key every join is a new seat; another guest's name with the first key is its own join too.
    const bare = await joinHttp(code, { name: 'Li' });
    const wei = await joinHttp(code, { name: 'Wei', cmdId: 'a1b2c3d4e5f6' });
    expect(wei.body.seat.name).toBe('Wei');
    expect(new Set([first, other, bare, wei].map((r) => r.body.seat.id)).size).toBe(4);
    expect(await seatNames(code)).toEqual(['Li', 'Li (2)', 'Li (3)', 'Wei']);
  });

  test('one key across HTTP and the socket; a malformed key is BAD_REQUEST and makes no seat', async () => {
    const { code } = await createSession(ts.url, { config: slowConfig() });
    const viaHttp = await joinHttp(code, { name: 'Mei', cmdId: 'shared-key-01' });
    expect(await joinSocket(code, { name: 'Mei', cmdId: 'shared-key-01' })).toEqual(viaHttp.body);
    const bad = await http<{ error: { code: string } }>(ts.url, `/api/sessions/${code}/join`, {
      body: { name: 'Xu', cmdId: 'short' },
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'BAD_REQUEST']);
    expect(await seatNames(code)).toEqual(['Mei']);
  });
});
