// Limits and the end of a session across two nodes on one database (two servers in this test process). A seat's
// commands forwarded from another node are drawn from the owner's bucket of that seat too, so sockets on several
// nodes buy no more commands than sockets on one. An ended session gives its lease up (nobody runs or takes over an
// ended session), commands to it are refused at once on every node, and its runtime leaves memory once no socket
// uses it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  connect,
  createSession,
  http,
  joinHttp,
  newCmdId,
  slowConfig,
  waitFor,
  type TestClient,
  type TestServer,
} from '../helpers.js';
import { testDatabaseUrl } from '../store/pg.js';
import { useNodePair } from './pair.js';

// A seat bucket of 2 commands, refilled at 1 a second: small enough to empty at will.
const nodes = useNodePair('limits', { SEAT_COMMANDS_PER_SECOND: '1' });
let db: pg.Client;

beforeAll(async () => {
  db = new pg.Client({ connectionString: testDatabaseUrl(), options: `-c search_path=${nodes.schema}` });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
});

const errorCode = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? 'ok' : (ack.error?.code ?? '?'));
const lobbyCommand = (c: TestClient) => c.emit('negotiation:done', { cmdId: newCmdId(), done: true });

describe('a seat on both nodes', () => {
  test('its forwarded commands are counted in the owner’s bucket of the seat', async () => {
    const { a, b } = nodes;
    const s = await createSession(a.url, { config: slowConfig() });
    expect(a.server.registry.owns(s.code)).toBe(true);
    const seat = await joinHttp(a.url, s.code, 'Both');
    const onA = await connect(a.url, { code: s.code, token: seat.seatToken });
    const onB = await connect(b.url, { code: s.code, token: seat.seatToken });
    // Each try: B's own bucket has had 2 s to fill up, the owner's bucket is emptied by the socket on A, then B sends
    // one command. B passes it on; only the owner can refuse it. (A slow machine may let the owner's bucket refill
    // a token before B's command reaches it: then try again.)
    let refusedByOwner = false;
    for (let attempt = 0; attempt < 5 && !refusedByOwner; attempt++) {
      const bFull = Date.now() + 2100;
      while (errorCode(await lobbyCommand(onA)) !== 'RATE_LIMITED');
      refusedByOwner = errorCode(await lobbyCommand(onB)) === 'RATE_LIMITED';
      await waitFor(() => Date.now() > bFull, 5000, 'B’s bucket to fill up');
    }
    expect(refusedByOwner).toBe(true);
    // Within the limit, a command from B still goes through to the rules (the lobby refuses it).
    await waitFor(async () => errorCode(await lobbyCommand(onB)) === 'WRONG_PHASE', 10_000, 'a command through');
    onA.close();
    onB.close();
  });
});

describe('an ended session', () => {
  test('gives its lease up, refuses commands on every node at once, and leaves memory when unused', async () => {
    const { a, b } = nodes;
    const s = await createSession(a.url, { config: slowConfig() });
    const seat = await joinHttp(b.url, s.code, 'Last');
    const host = await connect(a.url, { code: s.code, token: s.hostToken });
    const student = await connect(b.url, { code: s.code, token: seat.seatToken });
    await host.ok('host:start');
    await host.ok('host:endGame');
    const lease = async () =>
      (
        await db.query<{ held: boolean }>('SELECT expires_at >= now() AS held FROM leases WHERE session_code = $1', [
          s.code,
        ])
      ).rows[0]?.held;
    await waitFor(async () => (await lease()) === false, undefined, 'the lease to be released');
    expect(a.server.registry.owns(s.code)).toBe(false);
    const running = async (ts: TestServer) => (await http<{ running: string[] }>(ts.url, '/healthz')).body.running;
    expect(await running(a)).not.toContain(s.code);
    // Refused by the rules, on the node that ran it and on the other one (not held up waiting for an owner).
    await student.waitPhase('ended');
    const t0 = Date.now();
    expect(errorCode(await lobbyCommand(student))).toBe('SESSION_ENDED');
    expect(errorCode(await host.emit('host:pause', { cmdId: newCmdId() }))).toBe('SESSION_ENDED');
    expect(Date.now() - t0).toBeLessThan(5000);
    // No socket left: both nodes let the session go; it is still in the store (an export loads it again).
    host.close();
    student.close();
    await waitFor(
      () => a.server.registry.peek(s.code) === undefined && b.server.registry.peek(s.code) === undefined,
      undefined,
      'both nodes to unload the ended session',
    );
    expect(await lease()).toBe(false);
    expect([...(await running(a)), ...(await running(b))]).not.toContain(s.code);
    const exported = await http<{ session: { code: string } }>(
      a.url,
      `/api/sessions/${s.code}/export.json?token=${s.hostToken}`,
    );
    expect(exported).toMatchObject({ status: 200, body: { session: { code: s.code } } });
  });
});
