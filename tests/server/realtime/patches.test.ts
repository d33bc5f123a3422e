// Protocol 2: a full view on connect, then JSON patches. Over a round (proposals, answers, drafts, submissions,
// results), a version 2 connection's view, rebuilt from its patches, is always the view a version 1 connection of
// the same role gets whole; a patch names the view it applies to, and state:sync hands out that base again.
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateSessionReply, JoinReply } from '../../../shared/protocol/http.js';
import type { PatchMessage, ViewMessage } from '../../../shared/protocol/server-events.js';
import {
  connect,
  createSession,
  joinHttp,
  newCmdId,
  slowConfig,
  startTestServer,
  waitFor,
  type TestClient,
  type TestServer,
} from '../helpers.js';

let ts: TestServer;
let session: CreateSessionReply;
const seats: JoinReply[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  ts = await startTestServer();
  session = await createSession(ts.url, { config: slowConfig() });
  for (const name of ['Ann', 'Bo']) seats.push(await joinHttp(ts.url, session.code, name));
});

afterAll(async () => {
  for (const c of clients) c.close();
  await ts?.stop();
});

async function pair(token: string): Promise<[TestClient, TestClient]> {
  const v1 = await connect(ts.url, { code: session.code, token });
  const v2 = await connect(ts.url, { code: session.code, token, protocol: 2 });
  clients.push(v1, v2);
  return [v1, v2];
}

/** Both connections of a role end up with the same view. */
async function same(v1: TestClient, v2: TestClient, what: string): Promise<void> {
  await waitFor(() => JSON.stringify(v1.view) === JSON.stringify(v2.view), undefined, `the same view: ${what}`);
}

describe('protocol 2', () => {
  test('patches rebuild the same views as whole views, through a round', async () => {
    const [host1, host2] = await pair(session.hostToken);
    const [ann1, ann2] = await pair(seats[0]!.seatToken);
    const [bo1, bo2] = await pair(seats[1]!.seatToken);
    const all: [TestClient, TestClient][] = [
      [host1, host2],
      [ann1, ann2],
      [bo1, bo2],
    ];
    const check = async (what: string) => {
      for (const [a, b] of all) await same(a, b, what);
    };
    await check('lobby');
    await host1.ok('host:start');
    await host1.ok('host:endPhase');
    await ann1.waitPhase('negotiate', 1);
    await check('negotiate');
    const annRegion = seats[0]!.seat.region;
    const boRegion = seats[1]!.seat.region;
    for (let k = 0; k < 4; k++) {
      const terms = { openMarket: k % 2 === 0, project: { host: annRegion, hostShare: 0.4 + k / 20, sidePayment: 0 } };
      await ann1.ok('proposal:submit', { to: boRegion, terms });
    }
    await waitFor(
      () => (bo2.view?.worlds[0]?.current?.proposals.filter((p) => p.to === boRegion).length ?? 0) >= 4,
      undefined,
      "Bo's view has Ann's proposals",
    );
    await check('proposals');
    const pending = bo2.view!.worlds[0]!.current!.proposals.find((p) => p.status === 'pending' && p.to === boRegion)!;
    await bo2.ok('proposal:accept', { proposalId: pending.id });
    await check('an accepted proposal');
    await host1.ok('host:endPhase');
    await ann1.waitPhase('decide', 1);
    await ann2.ok('decision:draft', { decision: { invest: 'FOOD', barriers: [boRegion], comply: {} } });
    await ann2.ok('decision:submit', { decision: { invest: 'AUTO', barriers: [], comply: {} } });
    await check('decisions');
    await host1.ok('host:endPhase');
    await host2.waitPhase('results', 1);
    await check('results');
    // The results came with the round's history.
    expect(host2.messages.at(-1)?.history ?? host2.messages.find((m) => m.history && m.seq > 0)).toBeDefined();
    for (const [, v2] of all) {
      // How many patches depends on how the broadcasts coalesce on this machine; each must apply (no miss).
      expect(v2.patches.length).toBeGreaterThan(0);
      expect(v2.patchMisses).toBe(0);
    }
    // A version 2 student got fewer bytes than its version 1 twin.
    const bytes = (c: TestClient) => JSON.stringify(c.messages.map((m) => m.view)).length;
    const wire2 = JSON.stringify(ann2.patches).length + JSON.stringify(ann2.messages[0]).length;
    // Fewer bytes than whole views even in this short script; the ratio over a real round is measured by
    // npm run bench:load -- --scenario round-bytes (14 % there).
    expect(wire2).toBeLessThan(bytes(ann1));
  });

  test('a patch names the view it applies to; state:sync (with or without a cmdId) sends that base again', async () => {
    const sock = io(ts.url, {
      auth: { code: session.code, token: session.hostToken, protocol: 2 },
      transports: ['websocket'],
      forceNew: true,
    });
    const views: ViewMessage[] = [];
    const patches: PatchMessage[] = [];
    sock.on('state:view', (m: ViewMessage) => views.push(m));
    sock.on('state:patch', (m: PatchMessage) => patches.push(m));
    try {
      await waitFor(() => views.length === 1, undefined, 'the first view');
      const host = clients[0]!;
      await host.ok('host:announce', { text: 'one' });
      const announced = () => patches.find((m) => m.ops.some((o) => o.path.startsWith('/announcements')));
      await waitFor(() => announced() !== undefined, undefined, 'a patch with the announcement');
      expect(patches[0]!.base).toBe(views[0]!.seq);
      const lastBefore = patches[patches.length - 1]!.seq;
      const ack = (await sock.timeout(5000).emitWithAck('state:sync', { cmdId: newCmdId() })) as { ok: boolean };
      expect(ack.ok).toBe(true);
      await waitFor(() => views.length === 2, undefined, 'the full view again');
      expect(views[1]!.seq).toBeGreaterThanOrEqual(lastBefore);
      expect(views[1]!.history).toBeDefined();
    } finally {
      sock.close();
    }
  });
});
