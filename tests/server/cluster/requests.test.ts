// Forwarded requests and a process that stopped: what waits on it is answered "not the owner" at once, and so is a
// request sent to it after its notice (it no longer listens: waiting would cost the whole reply timeout). Real
// Socket.IO with the PostgreSQL adapter, as in a cluster.
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import { Server } from 'socket.io';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PendingRequests } from '../../../server/cluster/requests.js';
import type { GameIo } from '../../../server/realtime/socketData.js';
import { waitFor } from '../helpers.js';
import { freshSchema, testDatabaseUrl } from '../store/pg.js';

let pool: pg.Pool;
let io: GameIo;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  // Attached to an HTTP server that never listens: only the adapter is used.
  io = new Server(createServer());
  io.adapter(createAdapter(pool, { channelPrefix: freshSchema('requests') }));
  // Ready: the adapter holds its LISTEN connection and its first heartbeat has given the other one back (closed
  // earlier, it would leave its connection open).
  await waitFor(() => pool.totalCount === 2 && pool.idleCount === 1, 10_000, 'the adapter to listen');
});

afterAll(async () => {
  await io?.of('/').adapter.close();
  await pool?.end();
});

const join = { kind: 'join', name: 'Ann' } as const;

test('a stopped process is not waited on, before or after its notice', async () => {
  const requests = new PendingRequests(io, 'n-here');
  // Nobody answers: this one waits until the process it went to is known to have stopped.
  const waiting = requests.send('n-stopping', 'ABC123', join);
  requests.abandon('n-stopping');
  expect(await waiting).toEqual({ notOwner: true, ack: null });
  // Sent after the notice (the sender had looked the owner up just before): answered at once, not after 5 s.
  expect(await requests.send('n-stopping', 'ABC123', join)).toEqual({ notOwner: true, ack: null });
});
