// The cap of sockets per seat across two nodes on one database (two servers in this test process): a seat's sockets
// on both nodes count together, and the oldest are closed wherever they are, as on one node
// (tests/server/realtime/seat-limits.test.ts).
import { expect, test } from 'vitest';
import { MAX_SOCKETS_PER_SEAT } from '../../../server/realtime/gateway.js';
import { connect, createSession, joinHttp, slowConfig, waitFor, type TestClient } from '../helpers.js';
import { useNodePair } from './pair.js';

const nodes = useNodePair('seatcap');

test(`a seat keeps at most ${MAX_SOCKETS_PER_SEAT} sockets over both nodes: the oldest are closed where they are`, async () => {
  const { a, b } = nodes;
  const s = await createSession(a.url, { config: slowConfig() });
  expect(a.server.registry.owns(s.code)).toBe(true);
  const seat = await joinHttp(a.url, s.code, 'Tabs');
  const auth = { code: s.code, token: seat.seatToken };
  // Oldest first: one on B (the node that does not run the session), then A, A, B: four, within the cap.
  const sockets: TestClient[] = [];
  for (const node of [b, a, a, b]) sockets.push(await connect(node.url, auth));
  const [onB1, onA1] = sockets as [TestClient, TestClient];
  const closedBy = (c: TestClient) => c.closed.length > 0 && !c.socket.connected;

  // A fifth on A: the owner closes the oldest, which is on B.
  sockets.push(await connect(a.url, auth));
  await waitFor(() => closedBy(onB1), 10_000, 'the oldest socket (on B) to be closed');
  expect(onB1.closed).toEqual([{ code: s.code, reason: 'RATE_LIMITED' }]);

  // A sixth on B: now the oldest is the first one on A.
  sockets.push(await connect(b.url, auth));
  await waitFor(() => closedBy(onA1), 10_000, 'the oldest socket (on A) to be closed');
  expect(onA1.closed).toEqual([{ code: s.code, reason: 'RATE_LIMITED' }]);

  // The four newest are untouched.
  const rest = sockets.filter((c) => c !== onB1 && c !== onA1);
  expect(rest).toHaveLength(MAX_SOCKETS_PER_SEAT);
  expect(rest.every((c) => c.socket.connected && c.closed.length === 0)).toBe(true);
  for (const c of sockets) c.socket.close();
});
