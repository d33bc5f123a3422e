// Every error code of ERROR_CODES (docs/protocol.md section 9) is produced by some request to a real server, as the
// document says, or is listed in NOT_SENT with the reason the server never sends it. The last test checks that the
// steps together met every code.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../../shared/protocol/errors.js';
import type { JoinReply } from '../../../shared/protocol/http.js';
import { pending } from '../game.js';
import {
  connect,
  connectError,
  createSession,
  http,
  joinHttp,
  newCmdId,
  runtimeOf,
  slowConfig,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../helpers.js';

/** Codes the server never sends, and why. */
const NOT_SENT: Partial<Record<ErrorCode, string>> = {
  TIMEOUT: "the browser client's own code for an ack that did not arrive (client/src/net/connection.ts)",
};

const seen = new Set<string>();
let ts: TestServer;
let code = '';
let host: TestClient;
let ann: TestClient; // region C
let bo: TestClient; // region I

type Reply = { ok: boolean; error?: { code: string } };
type HttpError = { error?: { code: string } };

function expectCode(reply: Reply, want: ErrorCode): void {
  expect(reply.ok ? 'ok' : reply.error?.code).toBe(want);
  seen.add(want);
}

function expectHttp(r: { status: number; body: HttpError }, status: number, want: ErrorCode): void {
  expect([r.status, r.body.error?.code]).toEqual([status, want]);
  seen.add(want);
}

const join = (body: unknown) => http<HttpError>(ts.url, `/api/sessions/${code}/join`, { body });
const terms = (project: Record<string, unknown> | null, openMarket = false) => ({ openMarket, project });
const propose = (c: TestClient, to: string, t: unknown) => c.cmd('proposal:submit', { to, terms: t });

beforeAll(async () => {
  ts = await startTestServer();
  const s = await createSession(ts.url, { config: slowConfig() });
  code = s.code;
  const seats = [];
  for (const name of ['Ann', 'Bo', 'Cy', 'Di']) seats.push(await joinHttp(ts.url, code, name));
  host = await connect(ts.url, { code, token: s.hostToken });
  ann = await connect(ts.url, { code, token: seats[0]!.seatToken });
  bo = await connect(ts.url, { code, token: seats[1]!.seatToken });
});

afterAll(async () => {
  for (const c of [host, ann, bo]) c?.close();
  await ts?.stop();
});

describe('every error code is produced as documented', () => {
  test('transport, authentication and joining (lobby)', async () => {
    expectCode(await ann.emit('nope:event', { cmdId: newCmdId() }), 'UNKNOWN_EVENT');
    expectCode(await ann.emit('host:announce', { cmdId: newCmdId(), text: 'x'.repeat(17_000) }), 'PAYLOAD_TOO_LARGE');
    expectCode(await ann.cmd('negotiation:done', { done: 'yes' }), 'BAD_REQUEST');
    expectCode(await ann.cmd('host:start'), 'FORBIDDEN');
    expectCode({ ok: false, error: await connectError(ts.url, { code, token: 'z'.repeat(32) }) }, 'UNAUTHORIZED');
    expectCode(await host.cmd('host:kickSeat', { seatId: 's99' }), 'NOT_FOUND');
    expectHttp(await join({ name: '\u202eLi' }), 400, 'INVALID_NAME');
    await host.ok('host:lock', { locked: true });
    expectHttp(await join({ name: 'Late' }), 409, 'LOBBY_LOCKED');
    await host.ok('host:lock', { locked: false });
    const kim = await joinHttp(ts.url, code, 'Kim');
    await host.ok('host:kickSeat', { seatId: kim.seat.id });
    expectCode({ ok: false, error: await connectError(ts.url, { code, token: kim.seatToken }) }, 'KICKED');
    expectCode(await host.cmd('host:setReforms', { arm: null, treatments: ['C'] }), 'REFORM_FIXED');
    expectCode(await host.cmd('host:announce', { text: ' \u0000 ' }), 'INVALID_TEXT');
    expectCode(await ann.cmd('proposal:submit', { to: 'I', terms: terms(null, true) }), 'WRONG_PHASE');
  });

  test('a burst over the command bucket is RATE_LIMITED', async () => {
    // A guest's socket has a bucket of its own (20): the extra events of a burst are refused before anything else.
    const guest = await connect(ts.url, { code });
    const burst = await Promise.all(Array.from({ length: 30 }, () => guest.emit('state:sync', {})));
    guest.close();
    expectCode(burst.find((a) => !a.ok && a.error.code === 'RATE_LIMITED') ?? { ok: true }, 'RATE_LIMITED');
  });

  test('the clock (negotiate)', async () => {
    await host.ok('host:start');
    await host.ok('host:endPhase');
    await ann.waitPhase('negotiate', 1);
    await host.ok('host:pause');
    expectCode(await host.cmd('host:pause'), 'ALREADY_PAUSED');
    expectCode(await propose(ann, 'I', terms(null, true)), 'PAUSED');
    await host.ok('host:resume');
    expectCode(await host.cmd('host:resume'), 'NOT_PAUSED');
  });

  test('the negotiation rules, each with its own code', async () => {
    const project = (p: Record<string, unknown>) => terms({ host: 'I', hostShare: 0.5, sidePayment: 0, ...p });
    expectCode(await propose(ann, 'Q', terms(null, true)), 'UNKNOWN_REGION');
    expectCode(await propose(bo, 'R', terms(null, true)), 'NOT_LINKED');
    expectCode(await propose(ann, 'I', terms(null)), 'EMPTY_PROPOSAL');
    expectCode(await propose(ann, 'I', { openMarket: false }), 'EMPTY_PROPOSAL');
    expectCode(await propose(ann, 'I', project({ host: 'F' })), 'INVALID_HOST');
    expectCode(await propose(ann, 'I', project({ hostShare: 1.5 })), 'INVALID_SHARE');
    expectCode(await propose(ann, 'I', project({ hostShare: -0.1 })), 'INVALID_SHARE');
    expectCode(await propose(ann, 'I', project({ sidePayment: -1 })), 'INVALID_PAYMENT');
    expectCode(await propose(ann, 'I', project({ sidePayment: 1e6 })), 'PAYMENT_TOO_LARGE');
    // The shape is still the schema's: a share that is not a number is BAD_REQUEST.
    expectCode(await propose(ann, 'I', project({ hostShare: 'half' })), 'BAD_REQUEST');
    expectCode(await ann.cmd('proposal:accept', { proposalId: 'p1-99' }), 'UNKNOWN_PROPOSAL');
    await ann.ok('proposal:submit', { to: 'I', terms: terms(null, true) });
    const id = pending(await bo.waitView((v) => !!pending(v, 'C', 'I')), 'C', 'I')!.id;
    expectCode(await ann.cmd('proposal:accept', { proposalId: id }), 'NOT_RECIPIENT');
    expectCode(await bo.cmd('proposal:withdraw', { proposalId: id }), 'NOT_PROPOSER');
    await bo.ok('proposal:accept', { proposalId: id });
    expectCode(await bo.cmd('proposal:reject', { proposalId: id }), 'PROPOSAL_NOT_PENDING');
    expectCode(await propose(ann, 'I', terms(null, true)), 'ALREADY_SIGNED');
  });

  test('the decision rules (decide)', async () => {
    await host.ok('host:endPhase');
    await ann.waitPhase('decide', 1);
    const draft = (d: Record<string, unknown>) =>
      ann.cmd('decision:draft', { decision: { invest: 'AUTO', barriers: [], ...d } });
    expectCode(await draft({ invest: 'STEEL' }), 'INVALID_INVEST');
    expectCode(await draft({ barriers: ['C'] }), 'INVALID_BARRIER');
    expectCode(await draft({ comply: { 'r1-C-I-openMarket': 'honour' } }), 'INVALID_COMPLY');
  });

  test('a store that fails is INTERNAL (nothing applied); a stopping server is SERVER_BUSY', async () => {
    // The store's own method (on its prototype) is shadowed for one command, then uncovered again.
    const store = ts.server.store;
    const diskFull = () => Promise.reject(new Error('disk full'));
    Object.defineProperty(store, 'appendCommand', { value: diskFull, configurable: true });
    try {
      expectCode(await ann.cmd('decision:draft', { decision: { invest: 'AUTO', barriers: [] } }), 'INTERNAL');
    } finally {
      Reflect.deleteProperty(store, 'appendCommand');
    }
    const rt = await runtimeOf(ts, code);
    expect(rt.state.worlds[0]?.current?.drafts['C']).toBeUndefined();
    await ann.ok('decision:draft', { decision: { invest: 'ELEC', barriers: [] } });
    expect(rt.state.worlds[0]?.current?.drafts['C']?.invest).toBe('ELEC');
    // What a graceful shutdown does first: the runtime stops taking commands while its queue drains.
    const other = await createSession(ts.url, { config: slowConfig() });
    const otherHost = await connect(ts.url, { code: other.code, token: other.hostToken });
    (await runtimeOf(ts, other.code)).stop();
    expectCode(await otherHost.cmd('host:start'), 'SERVER_BUSY');
    otherHost.close();
  });

  test('after the end: SESSION_ENDED', async () => {
    await host.ok('host:endGame');
    expectCode(await host.cmd('host:advance'), 'SESSION_ENDED');
    expectCode(await propose(ann, 'I', terms(null, true)), 'SESSION_ENDED');
    expectHttp(await join({ name: 'Later' }), 409, 'SESSION_ENDED');
  });

  test('a join retried after a restart is STALE', async () => {
    const other = await createSession(ts.url, { config: slowConfig() });
    const payload = { code: other.code, name: 'Eve', cmdId: newCmdId() };
    const first = await connect(ts.url, { code: other.code });
    expect((await first.emit<JoinReply>('session:join', payload)).ok).toBe(true);
    first.close();
    for (const c of [host, ann, bo]) c.close();
    await ts.server.close();
    ts = await startTestServer({}, ts.dataDir);
    const retry = await connect(ts.url, { code: other.code });
    expectCode(await retry.emit('session:join', payload), 'STALE');
    retry.close();
  });

  test('together the steps met every code but those the server never sends', () => {
    expect(ERROR_CODES.filter((c) => !seen.has(c) && !(c in NOT_SENT))).toEqual([]);
    expect([...seen].filter((c) => c in NOT_SENT)).toEqual([]);
  });
});
