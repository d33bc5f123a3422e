// How deploy/nginx.conf routes clients to 3 processes (docs/deploy.md, "Limits"): WebSockets are spread over the
// processes by open connections; HTTP long-polling (the client's fallback when WebSockets are blocked) is pinned by
// client address, so every request of a polling client reaches the process that opened it (another would not know
// its Socket.IO session) and a hall behind one address lands on one process. The test's clients all come from
// 127.0.0.1, one address.
import { expect, test } from 'vitest';
import { connect, createSession, joinHttp, newCmdId, slowConfig, waitFor, type TestClient } from '../helpers.js';
import { useNginxCluster } from './nginxCluster.js';
import { health } from './nodes.js';

const cluster = useNginxCluster('routing', 3);
const nodes = cluster.nodes;

/** The sockets each process holds, in the order of `nodes`. */
const socketsPerNode = () => Promise.all(nodes.map(async (n) => (await health(n)).sockets));
const total = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

async function students(code: string, count: number, transport: 'websocket' | 'polling'): Promise<TestClient[]> {
  const out: TestClient[] = [];
  for (let i = 0; i < count; i++) {
    const seat = await joinHttp(cluster.nginx.url, code, `${transport} ${i + 1}`);
    out.push(await connect(cluster.nginx.url, { code, token: seat.seatToken }, { transport }));
  }
  return out;
}

test('WebSocket clients are spread over the processes', async () => {
  const s = await createSession(cluster.nginx.url, { config: slowConfig() });
  const clients = await students(s.code, 6, 'websocket');
  const counts = await socketsPerNode();
  expect(total(counts)).toBe(6);
  expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1);
  for (const c of clients) c.close();
  await waitFor(async () => total(await socketsPerNode()) === 0, undefined, 'the WebSockets to close');
}, 120_000);

test('long-polling clients from one address play on one process, every request of theirs reaching it', async () => {
  const s = await createSession(cluster.nginx.url, { config: slowConfig() });
  const host = await connect(cluster.nginx.url, { code: s.code, token: s.hostToken }, { transport: 'polling' });
  const clients = [host, ...(await students(s.code, 4, 'polling'))];
  expect(clients.every((c) => c.socket.io.engine.transport.name === 'polling')).toBe(true);
  // Commands and views go back and forth over many polling requests (a command for a session run by another
  // process is forwarded to it).
  await host.ok('host:start');
  await host.ok('host:endPhase');
  await Promise.all(clients.map((c) => c.waitPhase('negotiate', 1)));
  for (const c of clients.slice(1))
    expect(await c.cmd('negotiation:done', { done: true }, newCmdId())).toMatchObject({ ok: true });
  const counts = await socketsPerNode();
  expect(counts.filter((n) => n > 0)).toEqual([clients.length]);
  expect(clients.every((c) => c.socket.connected)).toBe(true);
  for (const c of clients) c.close();
}, 120_000);
