// Broadcasts are coalesced in a window (BROADCAST_MS), except a change of phase: the projector and every screen
// change their layout on it, so it goes at once, with whatever else was waiting; other changes keep the window.
// The window here is the longest allowed (2 s), so that "at once" and "after the window" cannot be confused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateSessionReply } from '../../../shared/protocol/http.js';
import {
  connect,
  createSession,
  joinHttp,
  newCmdId,
  slowConfig,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../helpers.js';

const WINDOW_MS = 2000;
let ts: TestServer;
let session: CreateSessionReply;
let host: TestClient;
let projector: TestClient;

beforeAll(async () => {
  ts = await startTestServer({ BROADCAST_MS: String(WINDOW_MS) });
  session = await createSession(ts.url, { config: slowConfig() });
  await joinHttp(ts.url, session.code, 'Ann');
  host = await connect(ts.url, { code: session.code, token: session.hostToken, protocol: 2 });
  projector = await connect(ts.url, { code: session.code, token: session.projectorToken, protocol: 2 });
  await projector.waitPhase('lobby');
});

afterAll(async () => {
  host?.close();
  projector?.close();
  await ts?.stop();
});

/** Sends a host command and returns when it was sent. */
async function hostSends(event: string, payload: object = {}): Promise<number> {
  const sent = Date.now();
  const ack = await host.emit(event, { ...payload, cmdId: newCmdId() });
  expect(ack.ok).toBe(true);
  return sent;
}

describe('the broadcast window', () => {
  test('a change of phase reaches the projector at once, out of the lobby and within a round', async () => {
    let sent = await hostSends('host:start');
    await projector.waitPhase('briefing', 1);
    expect(Date.now() - sent).toBeLessThan(WINDOW_MS);
    sent = await hostSends('host:advance');
    await projector.waitPhase('negotiate', 1);
    expect(Date.now() - sent).toBeLessThan(WINDOW_MS);
  });

  test('any other change waits for the window', async () => {
    const before = projector.messages.length;
    const sent = await hostSends('host:pause');
    // Acked, but not sent yet: the window has just begun.
    expect(projector.messages.length).toBe(before);
    await projector.waitView((v) => v.paused, WINDOW_MS * 3, 'the paused view');
    expect(Date.now() - sent).toBeGreaterThanOrEqual(WINDOW_MS - 50);
  });

  test('a change of phase takes what was waiting in the window with it', async () => {
    await hostSends('host:resume');
    const sent = await hostSends('host:advance');
    const view = await projector.waitPhase('decide', 1);
    expect(Date.now() - sent).toBeLessThan(WINDOW_MS);
    expect(view.paused).toBe(false);
  });
});
