// The whole server: health counts, graceful shutdown (clients told, sessions snapshotted) and recovery on start-up.
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite.js';
import {
  connect,
  createSession,
  http,
  joinHttp,
  slowConfig,
  startTestServer,
  tempDir,
  waitFor,
  type TestServer,
} from './helpers.js';

type Health = { ok: boolean; sessions: number; sockets: number; uptimeSeconds: number };
const running: TestServer[] = [];

afterAll(async () => {
  for (const ts of running) await ts.stop().catch(() => undefined);
});

async function start(dataDir?: string): Promise<TestServer> {
  const ts = await startTestServer({}, dataDir);
  running.push(ts);
  return ts;
}

describe('the server', () => {
  test("HTTP long-polling (the client's fallback) plays as WebSockets do, and the API still answers", async () => {
    const ts = await start();
    const s = await createSession(ts.url, { config: slowConfig() });
    const seat = await joinHttp(ts.url, s.code, 'Ann');
    const host = await connect(ts.url, { code: s.code, token: s.hostToken }, { transport: 'polling' });
    const ann = await connect(ts.url, { code: s.code, token: seat.seatToken }, { transport: 'polling' });
    expect(ann.socket.io.engine.transport.name).toBe('polling');
    await host.ok('host:start');
    await ann.waitPhase('briefing', 1);
    expect((await http<Health>(ts.url, '/healthz')).body).toMatchObject({ ok: true, sockets: 2 });
    host.close();
    ann.close();
  });

  test('healthz counts live sessions and connected sockets', async () => {
    const ts = await start();
    const health = async () => (await http<Health>(ts.url, '/healthz')).body;
    expect(await health()).toMatchObject({ ok: true, sessions: 0, sockets: 0 });
    const a = await createSession(ts.url, { config: slowConfig() });
    await createSession(ts.url, { config: slowConfig() });
    const seat = await joinHttp(ts.url, a.code, 'Ann');
    const clients = [
      await connect(ts.url, { code: a.code, token: a.hostToken }),
      await connect(ts.url, { code: a.code, token: a.projectorToken }),
      await connect(ts.url, { code: a.code, token: seat.seatToken }),
    ];
    const h = await health();
    expect(h).toMatchObject({ ok: true, sessions: 2, sockets: 3 });
    expect(h.uptimeSeconds).toBeGreaterThanOrEqual(0);
    for (const c of clients) c.close();
    await waitFor(async () => (await health()).sockets === 0, undefined, 'the sockets to close');
  });

  test('close() tells every client to reconnect, snapshots every session and the next start resumes it', async () => {
    const dataDir = tempDir();
    const ts = await startTestServer({}, dataDir);
    const s = await createSession(ts.url, { config: slowConfig() });
    const seat = await joinHttp(ts.url, s.code, 'Ann');
    const host = await connect(ts.url, { code: s.code, token: s.hostToken });
    const student = await connect(ts.url, { code: s.code, token: seat.seatToken });
    await host.ok('host:start');
    await host.ok('host:endPhase');
    await host.ok('host:pause');
    const seq = (await ts.server.registry.get(s.code))!.state.seq;
    const closedHost = new Promise<string>((resolve) => host.socket.once('disconnect', resolve));
    await ts.server.close();
    await closedHost;
    expect(host.restarts).toEqual([{ inMs: 1000 }]);
    expect(student.restarts).toEqual([{ inMs: 1000 }]);
    host.close();
    student.close();

    const store = new SqliteStore(join(dataDir, 'promotion-race.sqlite'));
    const snap = await store.latestSnapshot(s.code);
    expect(snap?.seq).toBe(seq);
    expect((snap?.state as { phase: string }).phase).toBe('negotiate');
    expect((await store.unfinishedSessions()).map((r) => r.code)).toEqual([s.code]);
    await store.close();

    const again = await start(dataDir);
    expect(again.server.registry.size).toBe(1);
    const rt = (await again.server.registry.get(s.code))!;
    expect(rt.state).toMatchObject({ phase: 'negotiate', round: 1, paused: true });
    expect(rt.state.seq).toBe(seq);
    const back = await connect(again.url, { code: s.code, token: seat.seatToken });
    expect(back.welcome).toMatchObject({ seatId: seat.seat.id });
    expect(back.view).toMatchObject({ phase: 'negotiate', paused: true });
    back.close();
  });

  test('an ended session is not recovered at start-up, but its exports still load on demand', async () => {
    const dataDir = tempDir();
    const ts = await startTestServer({}, dataDir);
    const s = await createSession(ts.url, { config: slowConfig({ rounds: 1 }) });
    await joinHttp(ts.url, s.code, 'Ann');
    const host = await connect(ts.url, { code: s.code, token: s.hostToken });
    await host.ok('host:start');
    await host.ok('host:endPhase');
    await host.ok('host:endPhase');
    await host.ok('host:endPhase');
    await host.ok('host:endPhase');
    await host.waitPhase('ended');
    host.close();
    await ts.server.close();

    const again = await start(dataDir);
    expect(again.server.registry.size).toBe(0);
    const log = await http<{ worlds: { rounds: unknown[] }[] }>(again.url, `/api/sessions/${s.code}/export.json`, {
      token: s.hostToken,
    });
    expect(log.status).toBe(200);
    expect(log.body.worlds[0]!.rounds).toHaveLength(1);
    expect((await http<{ phase: string }>(again.url, `/api/sessions/${s.code}`)).body.phase).toBe('ended');
  });
});
