// /readyz of a process on PostgreSQL (docs/deploy.md): 200 while the database (and with it the adapter) answers, 503
// while it does not, 200 again once it is back. The server reaches PostgreSQL through a TCP relay in this test
// process; cutting the relay (every connection dropped, new ones refused) is the database becoming unreachable.
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { http, startTestServer, waitFor, type TestServer } from '../helpers.js';
import { dropSchema, freshSchema, testDatabaseUrl } from '../store/pg.js';

const schema = freshSchema('readyz');
const db = new URL(testDatabaseUrl());
const open = new Set<Socket>();
let relay: Server;
let port = 0;
let ts: TestServer;

function startRelay(): Promise<void> {
  relay = createServer((client) => {
    const upstream = tcpConnect(Number(db.port || 5432), db.hostname);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((ok) => relay.listen(port, '127.0.0.1', () => ok()));
}

function cutRelay(): Promise<void> {
  for (const s of open) s.destroy();
  return new Promise((ok) => relay.close(() => ok()));
}

beforeAll(async () => {
  await startRelay();
  port = (relay.address() as AddressInfo).port;
  const url = new URL(db);
  url.host = `127.0.0.1:${port}`;
  ts = await startTestServer({ DATABASE_URL: url.toString(), DATABASE_SCHEMA: schema }, undefined);
});

afterAll(async () => {
  if (!relay.listening) await startRelay();
  // The server must still stop after its database connection broke and came back: the adapter's broken LISTEN
  // client is never returned to the pool, and waiting for it hung the stop for ever.
  await ts?.stop();
  await cutRelay();
  await dropSchema(schema);
});

type Ready = { ok: boolean; database: boolean; adapter: boolean };

test('/readyz: 200 while the database answers, 503 while it is unreachable, 200 once it is back', async () => {
  expect(await http<Ready>(ts.url, '/readyz')).toMatchObject({
    status: 200,
    body: { ok: true, database: true, adapter: true },
  });
  await cutRelay();
  expect(await http<Ready>(ts.url, '/readyz')).toMatchObject({
    status: 503,
    body: { ok: false, database: false, adapter: false },
  });
  await startRelay();
  await waitFor(async () => (await http(ts.url, '/readyz')).status === 200, 20_000, '/readyz to answer 200 again');
}, 60_000);
