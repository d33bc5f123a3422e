// The whole server with DATABASE_URL: a session played on PostgreSQL, the server stopped, and a new server on the
// same database resumes it (phase, seq, seats), exactly as on SQLite.
import { afterAll, describe, expect, test } from 'vitest';
import { PostgresStore } from '../../../server/store/postgres.js';
import { connect, createSession, joinHttp, slowConfig, startTestServer, type TestServer } from '../helpers.js';
import { dropSchema, freshSchema, testDatabaseUrl } from './pg.js';

const schema = freshSchema('server');
const running: TestServer[] = [];

afterAll(async () => {
  for (const ts of running) await ts.stop().catch(() => undefined);
  await dropSchema(schema);
});

async function start(): Promise<TestServer> {
  const ts = await startTestServer({ DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: schema });
  running.push(ts);
  return ts;
}

describe('the server on PostgreSQL', () => {
  test('stores every command in PostgreSQL and a restarted server resumes the session', async () => {
    const ts = await start();
    expect(ts.server.store).toBeInstanceOf(PostgresStore);
    const s = await createSession(ts.url, { config: slowConfig() });
    const seat = await joinHttp(ts.url, s.code, 'Ann');
    const host = await connect(ts.url, { code: s.code, token: s.hostToken });
    await host.ok('host:start');
    await host.ok('host:endPhase');
    await host.ok('host:pause');
    host.close();
    const seq = (await ts.server.registry.get(s.code))!.state.seq;
    await ts.server.close();

    const store = await PostgresStore.open({ connectionString: testDatabaseUrl(), schema });
    expect((await store.commandsAfter(s.code, 0)).map((c) => c.type)).toEqual([
      'session:join',
      'host:start',
      'host:endPhase',
      'host:pause',
    ]);
    expect((await store.latestSnapshot(s.code))?.seq).toBe(seq);
    await store.close();

    const again = await start();
    const rt = (await again.server.registry.get(s.code))!;
    expect(rt.state).toMatchObject({ phase: 'negotiate', round: 1, paused: true, seq });
    const back = await connect(again.url, { code: s.code, token: seat.seatToken });
    expect(back.welcome).toMatchObject({ seatId: seat.seat.id });
    expect(back.view).toMatchObject({ phase: 'negotiate', paused: true });
    back.close();
  });
});
