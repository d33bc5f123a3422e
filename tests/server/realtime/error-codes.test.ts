// Error codes as docs/protocol.md states them: an empty proposal is refused by the schema (BAD_REQUEST), and after the
// end every command answers SESSION_ENDED.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  connect,
  createSession,
  joinHttp,
  slowConfig,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../helpers.js';

let ts: TestServer;
let host: TestClient;
let student: TestClient;

beforeAll(async () => {
  ts = await startTestServer();
  const s = await createSession(ts.url, { config: slowConfig() });
  const seat = await joinHttp(ts.url, s.code, 'Ann');
  host = await connect(ts.url, { code: s.code, token: s.hostToken });
  student = await connect(ts.url, { code: s.code, token: seat.seatToken });
  await host.ok('host:start');
  await host.ok('host:endPhase');
  await student.waitPhase('negotiate', 1);
});

afterAll(async () => {
  host?.close();
  student?.close();
  await ts?.stop();
});

const code = (a: { ok: boolean; error?: { code: string } }) => (a.ok ? 'ok' : a.error?.code);

describe('documented error codes', () => {
  test('an empty proposal is BAD_REQUEST', async () => {
    const ack = await student.cmd('proposal:submit', { to: 'I', terms: { openMarket: false, project: null } });
    expect(code(ack)).toBe('BAD_REQUEST');
  });

  test('after the end every command is SESSION_ENDED', async () => {
    await host.ok('host:endGame');
    expect(code(await host.cmd('host:advance'))).toBe('SESSION_ENDED');
    expect(code(await host.cmd('host:announce', { text: 'late' }))).toBe('SESSION_ENDED');
    const late = await student.cmd('proposal:submit', { to: 'I', terms: { openMarket: true, project: null } });
    expect(code(late)).toBe('SESSION_ENDED');
  });
});
