// Exports over HTTP: host token only, one table at a time, and pseudonyms that leave no display name anywhere.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionLogOut } from '../../../shared/model/log.js';
import { replay } from '../../../shared/model/replay.js';
import type { CreateSessionReply } from '../../../shared/protocol/http.js';
import {
  connect,
  createSession,
  http,
  joinHttp,
  slowConfig,
  startTestServer,
  tempDir,
  type TestClient,
  type TestServer,
} from '../helpers.js';
import { REPO_ROOT } from '../child.js';

let ts: TestServer;
let session: CreateSessionReply;
let host: TestClient;

beforeAll(async () => {
  ts = await startTestServer();
  session = await createSession(ts.url, { config: slowConfig({ rounds: 1 }) });
  const ann = await joinHttp(ts.url, session.code, 'Annika');
  await joinHttp(ts.url, session.code, 'Borislav');
  host = await connect(ts.url, { code: session.code, token: session.hostToken });
  await host.ok('host:renameSeat', { seatId: ann.seat.id, name: 'Annabelle' });
  await host.ok('host:start');
  await host.ok('host:endGame');
});

afterAll(async () => {
  host?.close();
  await ts?.stop();
});

const path = (suffix: string) => `/api/sessions/${session.code}/${suffix}`;

describe('exports', () => {
  test('need the host token, in the header or the query', async () => {
    expect((await http(ts.url, path('export.json'))).status).toBe(401);
    expect((await http(ts.url, path('export.json'), { token: 'not-the-host-token-at-all' })).status).toBe(401);
    expect((await http(ts.url, path('export.json'), { token: session.projectorToken })).status).toBe(401);
    expect((await http(ts.url, `${path('export.json')}?token=${session.hostToken}`)).status).toBe(200);
    expect((await http(ts.url, '/api/sessions/ZZZZZZ/export.json', { token: session.hostToken })).status).toBe(404);
    const one = await http(ts.url, path('export/events.csv'), { token: session.hostToken });
    expect(one.status).toBe(200);
    expect(one.headers.get('content-disposition')).toContain(`promotion-race-${session.code}-events.csv`);
  });

  test.each(['__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'toString', 'toLocaleString', 'nope'])(
    'a table named %s is not found (404, JSON error), whatever its name',
    async (table) => {
      const r = await http<{ error: { code: string } }>(ts.url, path(`export/${table}.csv`), {
        token: session.hostToken,
      });
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toContain('application/json');
      expect(r.body.error.code).toBe('NOT_FOUND');
    },
  );

  test('the log of a session that never left the lobby replays (no worlds, nothing to recompute)', async () => {
    const lobby = await createSession(ts.url, { config: slowConfig() });
    await joinHttp(ts.url, lobby.code, 'Early');
    const log = (
      await http<SessionLogOut>(ts.url, `/api/sessions/${lobby.code}/export.json`, { token: lobby.hostToken })
    ).body;
    expect(log.worlds).toEqual([]);
    expect(replay(log).report).toEqual({ ok: true, worlds: [], problems: [] });
    const file = join(tempDir(), 'lobby.json');
    writeFileSync(file, JSON.stringify(log));
    // Asynchronously: the server under test runs in this process and must keep serving meanwhile.
    const cli = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/replay.ts', file], {
      cwd: REPO_ROOT,
    });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toContain('OK');
  });

  test('without pseudonyms the names are there', async () => {
    const text = JSON.stringify(
      (await http<SessionLogOut>(ts.url, path('export.json'), { token: session.hostToken })).body,
    );
    expect(text).toContain('Annabelle');
    expect(text).toContain('Borislav');
  });

  test('with pseudonyms no display name is left in the log or the CSV tables', async () => {
    const log = (await http<SessionLogOut>(ts.url, `${path('export.json')}?pseudonyms=1`, { token: session.hostToken }))
      .body;
    const text = JSON.stringify(log);
    for (const name of ['Annika', 'Annabelle', 'Borislav']) expect(text, name).not.toContain(name);
    const joins = log.events.filter((e) => e.type === 'session:join').map((e) => (e.payload as { name: string }).name);
    expect(joins).toEqual(['Student 1', 'Student 2']);
    const rename = log.events.find((e) => e.type === 'host:renameSeat')!;
    expect((rename.payload as { name: string }).name).toBe('Student 1');
    expect(log.worlds[0]!.regions.flatMap((r) => r.seats.map((s) => s.name)).filter((n) => n !== 'bot')).toEqual([
      'Student 1',
      'Student 2',
    ]);
    const zip = await http<Uint8Array>(ts.url, `${path('export.csv')}?pseudonyms=1`, { token: session.hostToken });
    for (const [name, bytes] of Object.entries(unzipSync(zip.body))) {
      for (const who of ['Annika', 'Annabelle', 'Borislav'])
        expect(strFromU8(bytes), `${who} in ${name}`).not.toContain(who);
    }
  });
});
