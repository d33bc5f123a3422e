// Graceful stop of a cluster: both processes get SIGTERM while commands sent to the one that does not run the session
// are on their way to the owner. Each process ends its cluster work (forwards in flight answered SERVER_BUSY, to be
// sent again after the reconnect), closes Socket.IO and its adapter, and only then ends its PostgreSQL pool: nothing
// (a forwarded command's next look-up of the owner, an adapter message) uses the pool after it was ended. A stopped
// process exits when nothing is left running (server/main.ts), so work left over would still run, and fail, here.
import { afterAll, expect, test } from 'vitest';
import { kill, type ChildServer } from '../child.js';
import { connect, createSession, newCmdId, slowConfig, type TestClient } from '../helpers.js';
import { dropSchema, freshSchema } from '../store/pg.js';
import { startNode, stopNode } from './nodes.js';

const schema = freshSchema('shutdown');
const nodes: ChildServer[] = [];
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(nodes.map((n) => stopNode(n)));
  await dropSchema(schema);
});

test('SIGTERM to both nodes with forwarded commands in flight: the pool is ended last, nothing uses it after', async () => {
  const a = await startNode(schema);
  const b = await startNode(schema);
  nodes.push(a, b);
  const s = await createSession(a.url, { config: slowConfig() });
  // Host sockets on B (each with its own command bucket): every command they send is forwarded to A.
  for (let i = 0; i < 4; i++) clients.push(await connect(b.url, { code: s.code, token: s.hostToken }));
  await clients[0]!.ok('host:start');

  const sent = clients.flatMap((c) =>
    Array.from({ length: 5 }, () =>
      c.socket
        .timeout(20_000)
        .emitWithAck('host:addTime', { cmdId: newCmdId(), seconds: 30 })
        .catch(() => null),
    ),
  );
  const exits = await Promise.all([kill(a, 'SIGTERM'), kill(b, 'SIGTERM')]);
  // Each is acked (applied by A, or SERVER_BUSY: sent again after reconnecting) or cut off with its socket.
  await Promise.all(sent);

  expect(exits).toEqual([
    { code: 0, signal: null },
    { code: 0, signal: null },
  ]);
  for (const node of [a, b]) {
    expect(node.output()).not.toContain('Cannot use a pool after calling end');
    expect(node.output()).not.toContain('shutdown failed');
  }
}, 120_000);
