// The free-text policy at the server's doors: a join name (HTTP and socket), a rename, an announcement and a session
// title are all refused for the same characters (NUL, controls, bidi overrides, zero-width, lone surrogates), with
// their own error code, and nothing is stored.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateSessionReply } from '../../../shared/protocol/http.js';
import {
  connect,
  createSession,
  http,
  joinHttp,
  runtimeOf,
  slowConfig,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../helpers.js';

const BAD = ['Li\u0000', 'Li\u202E', 'L\u200Bi', 'Li\u2066', 'Li\uD800', '\uFEFFLi', 'Li\u0007'];

let ts: TestServer;
let session: CreateSessionReply;
let host: TestClient;
let seatId = '';

beforeAll(async () => {
  ts = await startTestServer();
  session = await createSession(ts.url, { config: slowConfig() });
  seatId = (await joinHttp(ts.url, session.code, 'Li')).seat.id;
  host = await connect(ts.url, { code: session.code, token: session.hostToken });
});

afterAll(async () => {
  host?.close();
  await ts?.stop();
});

describe('one text policy for every free text', () => {
  test.each(BAD)('%j is refused as a name, a new name, an announcement and a title', async (text) => {
    const before = (await runtimeOf(ts, session.code)).state.seq;
    const join = await http<{ error: { code: string } }>(ts.url, `/api/sessions/${session.code}/join`, {
      body: { name: text },
    });
    expect(join.status).toBe(400);
    expect(join.body.error.code).toBe('INVALID_NAME');
    const rename = await host.cmd('host:renameSeat', { seatId, name: text });
    expect(rename.ok ? 'ok' : rename.error.code).toBe('INVALID_NAME');
    const announce = await host.cmd('host:announce', { text: `Hello ${text} everyone` });
    expect(announce.ok ? 'ok' : announce.error.code).toBe('INVALID_TEXT');
    const create = await http(ts.url, '/api/sessions', { body: { config: slowConfig({ title: text }) } });
    expect(create.status).toBe(400);
    expect((await runtimeOf(ts, session.code)).state.seq).toBe(before);
  });

  test('ordinary text in any script is kept, normalised to NFC', async () => {
    await host.ok('host:announce', { text: 'Round 2: 李雷 and Jose\u0301 lead' });
    const v = await host.waitView((x) => x.announcements.length > 0);
    expect(v.announcements.map((a) => a.text)).toEqual(['Round 2: 李雷 and José lead']);
  });
});
