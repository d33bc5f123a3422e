// The join limit across two nodes on one database (two servers in this test process): joins to a session from one
// address through both nodes are counted together by the session's owner, so two nodes let in no more than one
// would (tests/server/realtime for one node). A join through the other node passes that node's bucket and then the
// owner's.
import { expect, test } from 'vitest';
import { createSession, http, slowConfig } from '../helpers.js';
import { useNodePair } from './pair.js';

const LIMIT = 4;
// A burst of 4 joins per address, refilled at 4 a minute (one every 15 s): the test's joins come from 127.0.0.1.
const nodes = useNodePair('joinlimit', { JOIN_RATE_PER_MINUTE: String(LIMIT) });

test(`one address gets ${LIMIT} joins into a session, not ${LIMIT} through each node`, async () => {
  const { a, b } = nodes;
  // Created through B's neighbour A, which runs it; the creation does not draw from the join buckets.
  const s = await createSession(a.url, { config: slowConfig() });
  expect(a.server.registry.owns(s.code)).toBe(true);
  const statuses: number[] = [];
  const codes: string[] = [];
  for (let i = 0; i < 2 * LIMIT; i++) {
    // B, A, B, A, ...: each node's own bucket would let 4 through, 8 in all.
    const via = i % 2 === 0 ? b : a;
    const r = await http<{ error?: { code: string } }>(via.url, `/api/sessions/${s.code}/join`, {
      body: { name: `Guest ${i}` },
    });
    statuses.push(r.status);
    if (r.status !== 201) codes.push(r.body.error?.code ?? '?');
  }
  const joined = statuses.filter((x) => x === 201).length;
  // The owner's bucket refills one join every 15 s: a very slow run may let one more in.
  expect(joined).toBeGreaterThanOrEqual(LIMIT);
  expect(joined).toBeLessThanOrEqual(LIMIT + 1);
  expect(codes.every((c) => c === 'RATE_LIMITED')).toBe(true);
  const seats = a.server.registry.peek(s.code)?.state.seats.length;
  expect(seats).toBe(joined);
});
