// The authorisation matrix: every command event, state:sync and session:join, from every role (host, the seat
// concerned, a seat of another region, the projector, a guest without a token), with the expected ack. A socket
// with a wrong token never gets that far: its handshake fails with UNAUTHORIZED.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMMAND_EVENTS, isCommandEvent } from '../../../shared/protocol/events.js';
import type { Ack } from '../../../shared/protocol/errors.js';
import { pending } from '../game.js';
import {
  connect,
  connectError,
  createSession,
  joinHttp,
  newCmdId,
  sleep,
  slowConfig,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../helpers.js';

type Role = 'host' | 'own' | 'other' | 'projector' | 'guest';
/** 'ok' or the expected error code. */
type Expected = string;
interface Row {
  name: string;
  event: string;
  payload: () => Record<string, unknown>;
  expect: Record<Role, Expected>;
  setup?: () => Promise<void>;
  after?: () => Promise<void>;
}

let ts: TestServer;
let code = '';
const sockets = {} as Record<Role | 'proposer' | 'farm', TestClient>;
const seats: Record<string, string> = {};
const ids: Record<string, string> = {};

/** Sends one event as is (no cmdId added), waiting out the per-socket rate limit. */
async function send(client: TestClient, event: string, payload: Record<string, unknown>): Promise<Ack> {
  for (let attempt = 0; ; attempt++) {
    const ack = await client.emit(event, payload);
    if (ack.ok || ack.error.code !== 'RATE_LIMITED' || attempt > 40) return ack;
    await sleep(150);
  }
}

/** A proposal from a helper seat to the own seat's region (I); returns its id once I sees it. */
async function proposeToOwn(from: 'proposer' | 'farm', region: string): Promise<string> {
  await sockets[from].ok('proposal:submit', { to: 'I', terms: { openMarket: true, project: null } });
  // A view from before the last command may still show an older proposal as pending.
  const fresh = (x: Parameters<typeof pending>[0]) =>
    !!pending(x, region, 'I') && !Object.values(ids).includes(pending(x, region, 'I')!.id);
  return pending(await sockets.own.waitView(fresh), region, 'I')!.id;
}

const student = (own: Expected, other: Expected): Record<Role, Expected> => ({
  host: 'FORBIDDEN',
  projector: 'FORBIDDEN',
  guest: 'UNAUTHORIZED',
  own,
  other,
});
const host = (result: Expected): Record<Role, Expected> => ({
  host: result,
  own: 'FORBIDDEN',
  other: 'FORBIDDEN',
  projector: 'FORBIDDEN',
  guest: 'UNAUTHORIZED',
});
const decision = { invest: 'AUTO', barriers: [], comply: {} };
const offer = { openMarket: true, project: null };

const NEGOTIATE: Row[] = [
  {
    name: 'proposal:submit',
    event: 'proposal:submit',
    payload: () => ({ to: 'F', terms: offer }),
    expect: student('ok', 'NOT_LINKED'),
  },
  {
    name: 'proposal:accept',
    event: 'proposal:accept',
    setup: async () => {
      ids.accept = await proposeToOwn('proposer', 'C');
    },
    payload: () => ({ proposalId: ids.accept }),
    expect: student('ok', 'NOT_RECIPIENT'),
  },
  {
    name: 'proposal:reject',
    event: 'proposal:reject',
    setup: async () => {
      ids.reject = await proposeToOwn('farm', 'F');
    },
    payload: () => ({ proposalId: ids.reject }),
    expect: student('ok', 'NOT_RECIPIENT'),
  },
  {
    name: 'proposal:counter',
    event: 'proposal:counter',
    setup: async () => {
      ids.counter = await proposeToOwn('farm', 'F');
    },
    payload: () => ({ proposalId: ids.counter, terms: offer }),
    expect: student('ok', 'NOT_RECIPIENT'),
  },
  {
    name: 'proposal:withdraw',
    event: 'proposal:withdraw',
    setup: async () => {
      ids.withdraw = pending(
        await sockets.own.waitView((v) => pending(v, 'I', 'F')?.counterOf === ids.counter),
        'I',
        'F',
      )!.id;
    },
    payload: () => ({ proposalId: ids.withdraw }),
    expect: student('ok', 'NOT_PROPOSER'),
  },
  {
    name: 'negotiation:done',
    event: 'negotiation:done',
    payload: () => ({ done: false }),
    expect: student('ok', 'ok'),
  },
  {
    name: 'decision:draft (negotiating)',
    event: 'decision:draft',
    payload: () => ({ decision }),
    expect: student('WRONG_PHASE', 'WRONG_PHASE'),
  },
  {
    name: 'decision:submit (negotiating)',
    event: 'decision:submit',
    payload: () => ({ decision }),
    expect: student('WRONG_PHASE', 'WRONG_PHASE'),
  },
  { name: 'host:start (running)', event: 'host:start', payload: () => ({}), expect: host('WRONG_PHASE') },
  { name: 'host:pause', event: 'host:pause', payload: () => ({}), expect: host('ok') },
  { name: 'host:pause (paused)', event: 'host:pause', payload: () => ({}), expect: host('ALREADY_PAUSED') },
  {
    name: 'proposal:submit (paused)',
    event: 'proposal:submit',
    payload: () => ({ to: 'C', terms: offer }),
    expect: student('PAUSED', 'PAUSED'),
  },
  { name: 'host:resume', event: 'host:resume', payload: () => ({}), expect: host('ok') },
  { name: 'host:resume (running)', event: 'host:resume', payload: () => ({}), expect: host('NOT_PAUSED') },
  { name: 'host:addTime', event: 'host:addTime', payload: () => ({ seconds: 30 }), expect: host('ok') },
  {
    name: 'host:setReforms',
    event: 'host:setReforms',
    payload: () => ({ arm: null, treatments: ['A', 'E'] }),
    expect: host('ok'),
  },
  {
    name: 'host:setReforms (C)',
    event: 'host:setReforms',
    payload: () => ({ arm: 0, treatments: ['C'] }),
    expect: host('REFORM_FIXED'),
  },
  { name: 'host:fillBots', event: 'host:fillBots', payload: () => ({ strategy: 'cooperative' }), expect: host('ok') },
  {
    name: 'host:renameSeat',
    event: 'host:renameSeat',
    payload: () => ({ seatId: seats.other, name: 'Xavier' }),
    expect: host('ok'),
  },
  {
    name: 'host:renameSeat (bad name)',
    event: 'host:renameSeat',
    payload: () => ({ seatId: seats.other, name: '   ' }),
    expect: host('INVALID_NAME'),
  },
  {
    name: 'host:moveSeat',
    event: 'host:moveSeat',
    payload: () => ({ seatId: seats.other, world: 0, region: 'R' }),
    expect: host('ok'),
  },
  {
    name: 'host:moveSeat (no world)',
    event: 'host:moveSeat',
    payload: () => ({ seatId: seats.other, world: 3, region: 'R' }),
    expect: host('NOT_FOUND'),
  },
  { name: 'host:kickSeat', event: 'host:kickSeat', payload: () => ({ seatId: seats.spare }), expect: host('ok') },
  { name: 'host:lock', event: 'host:lock', payload: () => ({ locked: false }), expect: host('ok') },
  { name: 'host:setTakeover', event: 'host:setTakeover', payload: () => ({ enabled: true }), expect: host('ok') },
  { name: 'host:announce', event: 'host:announce', payload: () => ({ text: 'Two minutes left' }), expect: host('ok') },
  {
    name: 'host:announce (blank)',
    event: 'host:announce',
    payload: () => ({ text: '  ' }),
    expect: host('INVALID_TEXT'),
  },
  { name: 'host:clearAnnouncements', event: 'host:clearAnnouncements', payload: () => ({}), expect: host('ok') },
  {
    name: 'host:clearAnnouncements (none left)',
    event: 'host:clearAnnouncements',
    payload: () => ({}),
    expect: host('NOT_FOUND'),
  },
  {
    name: 'state:sync',
    event: 'state:sync',
    payload: () => ({}),
    expect: { host: 'ok', own: 'ok', other: 'ok', projector: 'ok', guest: 'UNAUTHORIZED' },
  },
  {
    name: 'session:join',
    event: 'session:join',
    payload: () => ({ code, name: 'Late', cmdId: newCmdId() }),
    expect: { host: 'FORBIDDEN', own: 'FORBIDDEN', other: 'FORBIDDEN', projector: 'FORBIDDEN', guest: 'ok' },
    // The guest is now a seat: later rows get a fresh guest.
    after: async () => {
      sockets.guest.close();
      sockets.guest = await connect(ts.url, { code });
    },
  },
  // The one-button flow: negotiate -> decide (host:endPhase itself moves the session in beforeAll).
  { name: 'host:advance', event: 'host:advance', payload: () => ({}), expect: host('ok') },
];

const DECIDE: Row[] = [
  { name: 'decision:draft', event: 'decision:draft', payload: () => ({ decision }), expect: student('ok', 'ok') },
  { name: 'decision:submit', event: 'decision:submit', payload: () => ({ decision }), expect: student('ok', 'ok') },
  {
    name: 'decision:submit (not own agreement)',
    event: 'decision:submit',
    payload: () => ({ decision: { ...decision, comply: { 'r1-C-F-project': 'breach' } } }),
    expect: student('INVALID_COMPLY', 'INVALID_COMPLY'),
  },
  {
    name: 'proposal:accept (deciding)',
    event: 'proposal:accept',
    payload: () => ({ proposalId: ids.accept }),
    expect: student('WRONG_PHASE', 'WRONG_PHASE'),
  },
  {
    name: 'negotiation:done (deciding)',
    event: 'negotiation:done',
    payload: () => ({ done: true }),
    expect: student('WRONG_PHASE', 'WRONG_PHASE'),
  },
  { name: 'host:endGame', event: 'host:endGame', payload: () => ({}), expect: host('ok') },
  {
    name: 'decision:submit (ended)',
    event: 'decision:submit',
    payload: () => ({ decision }),
    expect: student('SESSION_ENDED', 'SESSION_ENDED'),
  },
  { name: 'host:pause (ended)', event: 'host:pause', payload: () => ({}), expect: host('SESSION_ENDED') },
  { name: 'host:endPhase (ended)', event: 'host:endPhase', payload: () => ({}), expect: host('SESSION_ENDED') },
  { name: 'host:advance (ended)', event: 'host:advance', payload: () => ({}), expect: host('SESSION_ENDED') },
];

beforeAll(async () => {
  ts = await startTestServer();
  const s = await createSession(ts.url, { config: slowConfig({ rounds: 3 }) });
  code = s.code;
  const joined = [];
  for (const name of ['Pat', 'Oli', 'Fay', 'Xan', 'Sam']) joined.push(await joinHttp(ts.url, code, name));
  expect(joined.map((j) => j.seat.region)).toEqual(['C', 'I', 'F', 'R', 'C']);
  seats.own = joined[1]!.seat.id;
  seats.other = joined[3]!.seat.id;
  seats.spare = joined[4]!.seat.id;
  sockets.host = await connect(ts.url, { code, token: s.hostToken });
  sockets.projector = await connect(ts.url, { code, token: s.projectorToken });
  sockets.proposer = await connect(ts.url, { code, token: joined[0]!.seatToken });
  sockets.own = await connect(ts.url, { code, token: joined[1]!.seatToken });
  sockets.farm = await connect(ts.url, { code, token: joined[2]!.seatToken });
  sockets.other = await connect(ts.url, { code, token: joined[3]!.seatToken });
  sockets.guest = await connect(ts.url, { code });
  await sockets.host.ok('host:start');
  await sockets.host.ok('host:endPhase');
  await sockets.own.waitPhase('negotiate', 1);
}, 30_000);

afterAll(async () => {
  for (const c of Object.values(sockets)) c.close();
  await ts?.stop();
});

async function runRow(row: Row): Promise<void> {
  await row.setup?.();
  // Refusals first, so that an accepted command does not change what the others are refused for.
  const roles = (Object.keys(row.expect) as Role[]).sort(
    (a, b) => Number(row.expect[a] === 'ok') - Number(row.expect[b] === 'ok'),
  );
  const got: Partial<Record<Role, string>> = {};
  for (const role of roles) {
    const payload = row.payload();
    const isCommand = isCommandEvent(row.event);
    const ack = await send(sockets[role], row.event, isCommand ? { cmdId: newCmdId(), ...payload } : payload);
    got[role] = ack.ok ? 'ok' : ack.error.code;
    if (ack.ok && isCommand) expect((ack as { seq?: unknown }).seq, `${row.name} as ${role}`).toBeTypeOf('number');
    if (!ack.ok) expect(ack.error.message.length, `${row.name} as ${role} has a message`).toBeGreaterThan(0);
  }
  expect(got, row.name).toEqual(row.expect);
  await row.after?.();
}

describe('authorisation matrix', () => {
  test('covers every command event, state:sync and session:join', () => {
    const events = new Set([...NEGOTIATE, ...DECIDE].map((r) => r.event));
    for (const e of [...COMMAND_EVENTS, 'state:sync', 'session:join']) expect(events, e).toContain(e);
  });

  describe('while negotiating', () => {
    test.each(NEGOTIATE.map((r) => [r.name, r] as const))('%s', async (_name, row) => runRow(row), 20_000);
  });

  describe('while deciding, then after the end', () => {
    beforeAll(async () => {
      await sockets.own.waitPhase('decide', 1);
    });
    test.each(DECIDE.map((r) => [r.name, r] as const))('%s', async (_name, row) => runRow(row), 20_000);
  });

  test('a socket with a wrong token fails the handshake with UNAUTHORIZED', async () => {
    expect((await connectError(ts.url, { code, token: 'x'.repeat(32) })).code).toBe('UNAUTHORIZED');
    expect((await connectError(ts.url, { code, token: 'short' })).code).toBe('BAD_REQUEST');
    expect((await connectError(ts.url, { code: 'ZZZZZZ' })).code).toBe('NOT_FOUND');
    expect((await connectError(ts.url, { code, extra: 1 })).code).toBe('BAD_REQUEST');
  });
});
