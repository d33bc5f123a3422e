// Fuzzing the socket gateway with fast-check: 10,000 malformed or hostile payloads (wrong types, missing and extra
// fields, prototype keys, huge strings, deep nesting, NaN/Infinity through JSON, bad cmdIds, unknown events) from a
// student and from the host. Every one gets an error ack with the expected code, the server stays up and the
// session does not change. Each batch uses a fresh connection (the server cuts off sockets that keep sending
// bad input, and limits each seat to bursts of 20 commands), a student's batch a fresh seat.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  COMMAND_EVENTS,
  JoinSchema,
  SyncSchema,
  isCommandEvent,
  parseCommandEvent,
} from '../../../shared/protocol/events.js';
import type { Ack } from '../../../shared/protocol/errors.js';
import { ERROR_CODES } from '../../../shared/protocol/errors.js';
import {
  WAIT_MS,
  connect,
  createSession,
  http,
  joinHttp,
  runtimeOf,
  slowConfig,
  startTestServer,
  type TestClient,
  type TestServer,
} from '../helpers.js';

/** Batches per role (student, host, guest): 500 batches of 20 = 10,000 payloads. */
const RUNS = { student: 170, host: 170, guest: 160 };
const BATCH = 20;
const SEED = Number(process.env['FUZZ_SEED'] ?? 20240611);

let ts: TestServer;
let code = '';
type Role = 'host' | 'student' | 'guest';
const tokens: Record<Role, string> = { host: '', student: '', guest: '' };
const studentTokens: string[] = [];
let studentBatches = 0;

type Json = Record<string, unknown>;
/** `huge` payloads carry { blob: { size, ch } }, expanded to the string just before sending (short reports). */
interface Case {
  kind: 'mutated' | 'huge' | 'unknownEvent' | 'junk';
  event: string;
  payload: unknown;
}

function expand(c: Case): unknown {
  if (c.kind !== 'huge') return c.payload;
  const p = c.payload as Json & { blob: { size: number; ch: string } };
  const { size, ch } = p.blob;
  // '"' and '\\' take two characters each in JSON.
  return { ...p, blob: ch.repeat(ch === '"' || ch === '\\' ? Math.ceil(size / 2) : size) };
}

const decision = { invest: 'AUTO', barriers: [], comply: {} };
const BASE: Record<string, Json> = {
  'proposal:submit': { to: 'C', terms: { openMarket: true, project: null } },
  'proposal:accept': { proposalId: 'p1-1' },
  'proposal:reject': { proposalId: 'p1-1' },
  'proposal:counter': {
    proposalId: 'p1-1',
    terms: { openMarket: true, project: { host: 'C', hostShare: 0.5, sidePayment: 0 } },
  },
  'proposal:withdraw': { proposalId: 'p1-1' },
  'negotiation:done': { done: true },
  'decision:draft': { decision },
  'decision:submit': { decision },
  'host:addTime': { seconds: 30 },
  'host:setReforms': { arm: null, treatments: ['A'] },
  'host:fillBots': { strategy: 'cooperative' },
  'host:renameSeat': { seatId: 's1', name: 'Renamed' },
  'host:moveSeat': { seatId: 's1', world: 0, region: 'I' },
  'host:kickSeat': { seatId: 's1' },
  'host:lock': { locked: true },
  'host:setTakeover': { enabled: true },
  'host:announce': { text: 'hello' },
  'host:clearAnnouncements': {},
};
const EVENTS = [...COMMAND_EVENTS, 'state:sync', 'session:join'];
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

/** A valid payload of the event (with a valid cmdId): the starting point of every mutation. */
function base(event: string): Json {
  if (event === 'state:sync') return {};
  if (event === 'session:join') return { code, name: 'Zed', cmdId: 'join-cmd-0001' };
  return { cmdId: 'fuzz-cmd-0001', ...structuredClone(BASE[event] ?? {}) };
}

/** What the server receives: the payload after the JSON encoding of the transport (NaN -> null, own __proto__ kept). */
function wire(x: unknown): unknown {
  const text = JSON.stringify(x);
  return text === undefined ? null : JSON.parse(text);
}

function schemaAccepts(event: string, payload: unknown): boolean {
  if (event === 'state:sync') return SyncSchema.safeParse(payload).success;
  if (event === 'session:join') return JoinSchema.safeParse(payload).success;
  return isCommandEvent(event) && parseCommandEvent(event, payload).ok;
}

function setOwn(obj: Json, key: string, value: unknown): Json {
  Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
  return obj;
}

const nasty = fc.oneof(
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1e308,
    5.5,
    -1,
    2 ** 53,
    601,
    4,
    null,
    true,
    false,
    '',
    ' ',
    '\u0000',
    '\u202e',
    'x'.repeat(300),
  ),
  fc.string({ maxLength: 50 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown),
  fc.integer({ min: 5, max: 900 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
);
const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    'cmdid',
    'CMDID',
    ' cmdId',
  ),
  fc.string({ maxLength: 20 }),
);
const badCmdId = fc.oneof(
  fc.string({ maxLength: 7 }),
  fc.string({ minLength: 65, maxLength: 90 }),
  fc.constantFrom('../../../etc/passwd', 'a b c d e f g', '有效的命令编号八个字', 'abcdefg\u0000h'),
  fc.integer(),
  fc.constant(null),
);
const eventArb = fc.constantFrom(...EVENTS);

const mutated: fc.Arbitrary<Case> = fc
  .oneof(
    // a required field missing (or every field)
    fc.tuple(eventArb, fc.nat()).map(([event, k]) => {
      const p = base(event);
      const keys = Object.keys(p);
      if (keys.length === 0) return { event, payload: { junk: 1 } };
      const key = keys[k % keys.length]!;
      delete p[key];
      return { event, payload: p };
    }),
    // a field of the wrong type or out of range
    fc.tuple(eventArb, fc.nat(), nasty).map(([event, k, v]) => {
      const p = base(event);
      const keys = Object.keys(p);
      return { event, payload: keys.length === 0 ? { value: v } : setOwn(p, keys[k % keys.length]!, v) };
    }),
    // an extra field, prototype keys included
    fc.tuple(eventArb, hostileKey, nasty).map(([event, key, v]) => ({ event, payload: setOwn(base(event), key, v) })),
    // a bad cmdId
    fc.tuple(eventArb, badCmdId).map(([event, id]) => ({ event, payload: setOwn(base(event), 'cmdId', id) })),
    // nested junk inside a valid-looking command
    fc.tuple(eventArb, nasty).map(([event, v]) => ({
      event,
      payload: { ...base(event), terms: v, decision: { invest: v, barriers: v, comply: v } },
    })),
  )
  .map((c) => ({ kind: 'mutated' as const, event: c.event, payload: wire(c.payload) }));

const cases: fc.Arbitrary<Case> = fc
  .oneof(
    { weight: 12, arbitrary: mutated },
    // the whole payload is junk: not an object, an array, a string, deep nesting...
    {
      weight: 4,
      arbitrary: fc.tuple(eventArb, nasty).map(([event, v]) => ({ kind: 'junk' as const, event, payload: wire(v) })),
    },
    // over 16 KB (but under the transport's cut-off)
    {
      weight: 1,
      arbitrary: fc
        .tuple(eventArb, fc.integer({ min: 16_100, max: 60_000 }), fc.constantFrom('a', '"', '\\', '<', '0'))
        .map(([event, size, ch]) => ({
          kind: 'huge' as const,
          event,
          payload: { ...base(event), blob: { size, ch } },
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.oneof(
            fc.string({ minLength: 1, maxLength: 60 }),
            fc.constantFrom(
              '__proto__',
              'constructor',
              'toString',
              'host:',
              'host:__proto__',
              'proposal:submit ',
              'PROPOSAL:SUBMIT',
              'session:welcome',
              'state:view',
              'phase:timeout',
              'system:resume',
            ),
          ),
          nasty,
        )
        .map(([event, v]) => ({ kind: 'unknownEvent' as const, event, payload: wire(v) })),
    },
  )
  .filter((c) => {
    if (c.kind === 'unknownEvent') return !EVENTS.includes(c.event) && !RESERVED.has(c.event);
    const size = JSON.stringify([expand(c)]).length;
    if (c.kind === 'huge') return size > 16_000 && size < 62_000;
    return size <= 15_000 && !schemaAccepts(c.event, c.payload);
  });

function expectedCode(role: Role, c: Case): string {
  if (c.kind === 'huge') return 'PAYLOAD_TOO_LARGE';
  if (c.kind === 'unknownEvent') return 'UNKNOWN_EVENT';
  if (role === 'guest') return c.event === 'session:join' ? 'BAD_REQUEST' : 'UNAUTHORIZED';
  if (c.event === 'session:join') return 'FORBIDDEN';
  if (c.event === 'state:sync') return 'BAD_REQUEST';
  return c.event.startsWith('host:') === (role === 'host') ? 'BAD_REQUEST' : 'FORBIDDEN';
}

const kinds: Record<string, number> = {};

async function sendBatch(role: Role, batch: Case[]): Promise<number> {
  for (const c of batch) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
  // Each student batch comes from another seat (joined beforehand): the command bucket is per seat, not per socket.
  const token = role === 'student' ? (studentTokens[studentBatches++ % studentTokens.length] ?? '') : tokens[role];
  const client: TestClient = await connect(ts.url, role === 'guest' ? { code } : { code, token });
  try {
    const acks = await Promise.all(
      batch.map((c) => client.socket.timeout(WAIT_MS).emitWithAck(c.event, expand(c)) as Promise<Ack>),
    );
    acks.forEach((ack, k) => {
      const c = batch[k]!;
      const label = `${role} ${c.kind} ${c.event} ${JSON.stringify(c.payload).slice(0, 200)}`;
      expect(ack.ok, label).toBe(false);
      if (ack.ok) return;
      expect(ERROR_CODES as readonly string[], label).toContain(ack.error.code);
      expect(ack.error.code, label).toBe(expectedCode(role, c));
      expect(typeof ack.error.message, label).toBe('string');
    });
    return acks.length;
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  // The command bucket per seat has its own test (seat-limits.test.ts); here every payload must reach validation.
  ts = await startTestServer({ SEAT_COMMANDS_PER_SECOND: '10000' });
  const s = await createSession(ts.url, {
    config: slowConfig({ phases: { briefing: 3600, negotiate: 3600, decide: 3600, results: 3600 } }),
  });
  code = s.code;
  tokens.host = s.hostToken;
  tokens.student = (await joinHttp(ts.url, code, 'Fuzzy')).seatToken;
  for (let k = 0; k < 40; k++) studentTokens.push((await joinHttp(ts.url, code, `Fuzzy ${k}`)).seatToken);
  await joinHttp(ts.url, code, 'Other');
  const host = await connect(ts.url, { code, token: s.hostToken });
  await host.ok('host:start');
  await host.ok('host:endPhase');
  await host.waitPhase('negotiate', 1);
  host.close();
}, 30_000);

afterAll(async () => {
  await ts?.stop();
});

describe('fuzzing the socket gateway', () => {
  test(`${(RUNS.student + RUNS.host + RUNS.guest) * BATCH} hostile payloads from a student, the host and a guest change nothing`, async () => {
    const rt = await runtimeOf(ts, code);
    const stateBefore = JSON.stringify(rt.state);
    const exportBefore = await http<unknown>(ts.url, `/api/sessions/${code}/export.json`, { token: tokens.host });
    const commandsBefore = (await ts.server.store.commandsAfter(code, 0)).length;
    const sent: Record<Role, number> = { host: 0, student: 0, guest: 0 };
    const lane = (role: Role, seed: number) =>
      fc.assert(
        fc.asyncProperty(fc.array(cases, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          sent[role] += await sendBatch(role, batch);
        }),
        { numRuns: RUNS[role], seed, endOnFailure: true },
      );
    await Promise.all([lane('student', SEED), lane('host', SEED + 1), lane('guest', SEED + 2)]);
    expect(sent.student + sent.host + sent.guest).toBeGreaterThanOrEqual(10_000);
    expect(Math.min(sent.student, sent.host, sent.guest)).toBeGreaterThanOrEqual(3000);
    for (const kind of ['mutated', 'junk', 'huge', 'unknownEvent']) expect(kinds[kind], kind).toBeGreaterThan(100);

    const health = await http<{ ok: boolean; sessions: number }>(ts.url, '/healthz');
    expect(health.status).toBe(200);
    expect(health.body.ok).toBe(true);
    expect(JSON.stringify(rt.state)).toBe(stateBefore);
    expect((await ts.server.store.commandsAfter(code, 0)).length).toBe(commandsBefore);
    expect((await http<unknown>(ts.url, `/api/sessions/${code}/export.json`, { token: tokens.host })).body).toEqual(
      exportBefore.body,
    );
    // The server runs in this process: no payload polluted a prototype.
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 120_000);
});
