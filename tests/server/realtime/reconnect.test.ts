// Drops and resends: a student whose transport drops mid-decide reconnects with the same token into the same seat
// with its draft intact; a command resent with the same cmdId is applied once and answered with the same seq.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateSessionReply, JoinReply } from '../../../shared/protocol/http.js';
import {
  connect,
  createSession,
  joinHttp,
  newCmdId,
  runtimeOf,
  slowConfig,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../helpers.js';

let ts: TestServer;
let session: CreateSessionReply;
let host: TestClient;
let ann: TestClient;
let annSeat: JoinReply;
const draft = { invest: 'FOOD', barriers: ['I'], comply: {} };

beforeAll(async () => {
  ts = await startTestServer();
  session = await createSession(ts.url, { config: slowConfig() });
  annSeat = await joinHttp(ts.url, session.code, 'Ann');
  await joinHttp(ts.url, session.code, 'Bo');
  host = await connect(ts.url, { code: session.code, token: session.hostToken });
  ann = await connect(ts.url, { code: session.code, token: annSeat.seatToken }, { reconnection: true });
  await host.ok('host:start');
  await host.ok('host:endPhase');
  await host.ok('host:endPhase');
  await ann.waitPhase('decide', 1);
}, 30_000);

afterAll(async () => {
  host?.close();
  ann?.close();
  await ts?.stop();
});

/** Closes the transport under the socket (as a network drop would) and waits for the automatic reconnect. */
async function dropAndReconnect(client: TestClient): Promise<void> {
  const before = client.messages.length;
  const reconnected = new Promise<void>((resolve) => client.socket.once('connect', () => resolve()));
  const dropped = new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));
  client.socket.io.engine.close();
  await dropped;
  await reconnected;
  // The server sends a full view (with history) to every new connection; presence views may follow it at once.
  await client.waitMessageSince(before, (m) => m.history !== undefined, undefined, 'the view after reconnecting');
}

async function commandsWith(cmdId: string) {
  return (await ts.server.store.commandsAfter(session.code, 0)).filter(
    (c) => c.cmdId === `${annSeat.seat.id}:${cmdId}`,
  );
}

describe('reconnecting', () => {
  test('a dropped student gets its seat and its draft back', async () => {
    expect(await ann.ok('decision:draft', { decision: draft })).toBeGreaterThan(0);
    await ann.waitView((v) => v.worlds[0]?.current?.drafts['C']?.invest === 'FOOD');
    const welcomes = ann.welcomes.length;
    await dropAndReconnect(ann);
    expect(ann.welcomes.length).toBe(welcomes + 1);
    expect(ann.welcome).toEqual({
      role: 'student',
      code: session.code,
      seatId: annSeat.seat.id,
      name: 'Ann',
      world: 0,
      region: 'C',
    });
    const v = ann.view!;
    expect(v.phase).toBe('decide');
    expect(v.me).toEqual({ role: 'student', world: 0, region: 'C' });
    expect(v.worlds[0]!.current!.drafts['C']).toEqual(draft);
    expect(v.seats.map((s) => s.id)).toEqual([annSeat.seat.id]);
    // The host sees the seat connected again (one seat record, no duplicate).
    const hv = await host.waitView((x) => x.seats.find((s) => s.id === annSeat.seat.id)?.connected === true);
    expect(hv.seats.filter((s) => s.name === 'Ann')).toHaveLength(1);
    expect(hv.students).toEqual({ total: 2, connected: 1 });
  });

  test('a duplicate cmdId is applied once and gets the same seq, before and after a reconnect', async () => {
    const cmdId = newCmdId();
    const rt = await runtimeOf(ts, session.code);
    const first = await ann.cmd('decision:submit', { decision: draft }, cmdId);
    const second = await ann.cmd('decision:submit', { decision: draft }, cmdId);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.seq).toBe(first.seq);
    expect(rt.state.seq).toBe(first.seq);
    await dropAndReconnect(ann);
    // Even with other terms, a retried cmdId gets the original answer and changes nothing.
    const third = await ann.cmd('decision:submit', { decision: { ...draft, invest: 'AUTO' } }, cmdId);
    expect(third).toEqual(first);
    expect(rt.state.seq).toBe(first.seq);
    expect(rt.state.worlds[0]!.current!.submitted['C']!.invest).toBe('FOOD');
    expect(await commandsWith(cmdId)).toHaveLength(1);
    // The same cmdId from another seat is a different command.
    const cy = await joinHttp(ts.url, session.code, 'Cy');
    const other = await connect(ts.url, { code: session.code, token: cy.seatToken });
    const theirs = await other.cmd('decision:draft', { decision: { invest: 'AUTO', barriers: [], comply: {} } }, cmdId);
    other.close();
    expect(theirs.ok).toBe(true);
    if (theirs.ok) expect(theirs.seq).toBe(first.seq + 2); // after Cy's join
  });

  test('a command whose ack was lost in a drop is applied once when resent', async () => {
    const cmdId = newCmdId();
    const lost = ann.socket
      .timeout(3000)
      .emitWithAck('decision:draft', { cmdId, decision: { ...draft, barriers: [] } })
      .then(
        (a: unknown) => a as { ok: boolean; seq?: number },
        () => null,
      );
    await dropAndReconnect(ann);
    const resent = await ann.cmd('decision:draft', { decision: { ...draft, barriers: [] } }, cmdId);
    expect(resent.ok).toBe(true);
    const original = await lost;
    if (original?.ok) expect(original.seq).toBe(resent.ok ? resent.seq : -1);
    expect(await commandsWith(cmdId)).toHaveLength(1);
    const v = await ann.waitView((x) => x.worlds[0]?.current?.drafts['C']?.barriers.length === 0);
    expect(v.worlds[0]!.current!.drafts['C']!.invest).toBe('FOOD');
  });
});
