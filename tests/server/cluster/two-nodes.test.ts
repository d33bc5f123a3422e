// Two server processes' worth of servers (in this test process) on one PostgreSQL schema: a session created on one
// is run by it; clients on the other join, play and see the same views (commands forwarded to the owner, its log
// followed by the other); /healthz shows which node runs what; /readyz checks the database.
import { describe, expect, test } from 'vitest';
import { connect, createSession, http, joinHttp, slowConfig, waitFor } from '../helpers.js';
import { useNodePair } from './pair.js';

const nodes = useNodePair('two');

type Health = { sessions: number; sockets: number; node: string; nodes: number; running: string[] };

describe('two nodes on one database', () => {
  test('clients on the other node join, play and see the owner’s state', async () => {
    const { a, b } = nodes;
    const s = await createSession(a.url, { config: slowConfig() });
    const healthA = (await http<Health>(a.url, '/healthz')).body;
    expect(healthA.running).toEqual([s.code]);
    // A join over HTTP on B is run by A.
    const ann = await joinHttp(b.url, s.code, 'Ann');
    const bob = await joinHttp(a.url, s.code, 'Bob');
    expect([ann.seat.id, bob.seat.id].sort()).toEqual(['s1', 's2']);
    const host = await connect(b.url, { code: s.code, token: s.hostToken });
    const annSocket = await connect(b.url, { code: s.code, token: ann.seatToken });
    const bobSocket = await connect(a.url, { code: s.code, token: bob.seatToken });
    expect(annSocket.welcome).toMatchObject({ seatId: ann.seat.id });
    // Presence from both nodes reaches the host on B.
    await host.waitView((v) => v.seats.filter((x) => x.connected).length === 2, undefined, 'both seats connected');
    // A host command on B is forwarded to A and acked with A's seq; views reach sockets on both nodes.
    const seq = await host.ok('host:start');
    expect(seq).toBe(3);
    await annSocket.waitPhase('briefing', 1);
    await bobSocket.waitPhase('briefing', 1);
    await host.ok('host:endPhase');
    await Promise.all([host, annSocket, bobSocket].map((c) => c.waitPhase('negotiate', 1)));
    // The same cmdId twice (through either node) is applied once.
    const again = await host.cmd('host:pause', {}, 'pause-once');
    const twice = await host.cmd('host:pause', {}, 'pause-once');
    expect(again).toEqual(twice);
    const rtA = (await a.server.registry.get(s.code))!;
    const rtB = (await b.server.registry.get(s.code))!;
    await waitFor(() => rtB.state.seq === rtA.state.seq, undefined, 'B to follow A');
    expect(rtB.state).toEqual(rtA.state);
    expect(a.server.registry.owns(s.code)).toBe(true);
    expect(b.server.registry.owns(s.code)).toBe(false);
    const healthB = (await http<Health>(b.url, '/healthz')).body;
    expect(healthB).toMatchObject({ running: [], sockets: 2, nodes: 2 });
    expect(healthB.node).not.toBe(healthA.node);
    for (const c of [host, annSocket, bobSocket]) c.close();
  });

  test('/readyz says the database is reachable', async () => {
    const r = await http<{ ok: boolean; database: boolean; adapter: boolean }>(nodes.b.url, '/readyz');
    expect(r).toMatchObject({ status: 200, body: { ok: true, database: true, adapter: true } });
  });
});
