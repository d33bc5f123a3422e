// A whole class game over the real server, shared by the end-to-end and the view-privacy tests: 2 worlds x 4
// regions (control and reform arm), five students on sockets and bots in the other regions, two rounds through
// every phase, proposals accepted, rejected and countered, a breached project, a blocked open-market partner and
// certain audits (params.enforcement.audit = 1; round 2 of the reform world has E).
import { expect } from 'vitest';
import type { SessionView } from '../../shared/model/session/view.js';
import type { Proposal } from '../../shared/model/negotiation.js';
import type { CreateSessionReply } from '../../shared/protocol/http.js';
import { connect, createSession, joinHttp, type TestClient, type TestServer } from './helpers.js';

export const ALL_REFORMS = ['A', 'B', 'D1', 'D2', 'D3', 'E'];

export const GAME_REQUEST = {
  preset: 'control-vs-reform',
  config: {
    map: '4-single',
    rounds: 2,
    worlds: { count: 2 },
    arms: [
      { name: 'Control', schedule: [{ fromRound: 1, treatments: [] }] },
      {
        name: 'Reform',
        schedule: [
          { fromRound: 1, treatments: [] },
          { fromRound: 2, treatments: ALL_REFORMS },
        ],
      },
    ],
    phases: { briefing: 600, negotiate: 600, decide: 600, results: 600 },
    params: { enforcement: { audit: 1 } },
  },
};

export interface Student {
  name: string;
  token: string;
  seatId: string;
  world: number;
  region: string;
  client: TestClient;
}

export interface PlayedGame {
  session: CreateSessionReply;
  host: TestClient;
  projector: TestClient;
  students: Student[];
  /** Every seq acknowledged to any client. */
  acked: number[];
}

/** The pending proposal from one region to another in a student's view. */
export function pending(view: SessionView, from: string, to: string): Proposal | undefined {
  return view.worlds[0]?.current?.proposals.find((p) => p.from === from && p.to === to && p.status === 'pending');
}

/** Waits until a student sees a new pending proposal (views from before the last command may still show older ones). */
export async function newPending(s: Student, from: string, to: string, seen: Set<string>): Promise<Proposal> {
  const key = (p: Proposal) => `${s.world}:${p.id}`;
  const fresh = (v: SessionView) => {
    const p = pending(v, from, to);
    return p !== undefined && !seen.has(key(p));
  };
  const p = pending(await s.client.waitView(fresh, undefined, `a proposal ${from}->${to}`), from, to)!;
  seen.add(key(p));
  return p;
}

export async function playGame(ts: TestServer): Promise<PlayedGame> {
  const session = await createSession(ts.url, GAME_REQUEST);
  const { code } = session;
  const acked: number[] = [];
  const host = await connect(ts.url, { code, token: session.hostToken });
  const projector = await connect(ts.url, { code, token: session.projectorToken });
  const hostOk = async (event: string, payload: Record<string, unknown> = {}) =>
    acked.push(await host.ok(event, payload));

  // Four students join over HTTP (they fill world 0 in map order); two are moved to world 1.
  const joined = [];
  for (const name of ['Ann', 'Bo', 'Cai', 'Dee']) joined.push(await joinHttp(ts.url, code, name));
  expect(joined.map((j) => `${j.seat.world}:${j.seat.region}`)).toEqual(['0:C', '0:I', '0:F', '0:R']);
  await hostOk('host:moveSeat', { seatId: joined[2]!.seat.id, world: 1, region: 'C' });
  await hostOk('host:moveSeat', { seatId: joined[3]!.seat.id, world: 1, region: 'I' });
  const students: Student[] = [];
  for (const j of joined) {
    const client = await connect(ts.url, { code, token: j.seatToken });
    const w = client.welcome;
    if (w?.role !== 'student') throw new Error('no student welcome');
    students.push({ name: w.name, token: j.seatToken, seatId: w.seatId, world: w.world, region: w.region, client });
  }
  // A fifth student joins over the socket as a guest and lands on the emptiest region (world 0, F).
  const guest = await connect(ts.url, { code });
  const joinAck = await guest.emit<{ seatToken: string; seat: { id: string; world: number; region: string } }>(
    'session:join',
    { code: code.toLowerCase(), name: 'Eve' },
  );
  if (!joinAck.ok) throw new Error(`socket join failed: ${joinAck.error.code}`);
  expect(joinAck.seat).toMatchObject({ world: 0, region: 'F' });
  await guest.waitView((v) => v.me.role === 'student');
  students.push({
    name: 'Eve',
    token: joinAck.seatToken,
    seatId: joinAck.seat.id,
    world: 0,
    region: 'F',
    client: guest,
  });
  expect(students.map((s) => `${s.world}:${s.region}`)).toEqual(['0:C', '0:I', '1:C', '1:I', '0:F']);
  const [c0, i0, c1, i1, f0] = students as [Student, Student, Student, Student, Student];
  const seen = new Set<string>();
  const ok = async (s: Student, event: string, payload: Record<string, unknown>) =>
    acked.push(await s.client.ok(event, payload));

  // Round 1.
  await hostOk('host:start');
  await host.waitPhase('briefing', 1);
  await hostOk('host:endPhase');
  for (const s of students) await s.client.waitPhase('negotiate', 1);

  // World 0: C offers I a project (accepted); F offers I an open market (rejected).
  await ok(c0, 'proposal:submit', {
    to: 'I',
    terms: { openMarket: false, project: { host: 'C', hostShare: 0.5, sidePayment: 0 } },
    message: 'willHonour',
  });
  const p1 = await newPending(i0, 'C', 'I', seen);
  await ok(i0, 'proposal:accept', { proposalId: p1.id });
  await ok(f0, 'proposal:submit', { to: 'I', terms: { openMarket: true, project: null } });
  const p2 = await newPending(i0, 'F', 'I', seen);
  await ok(i0, 'proposal:reject', { proposalId: p2.id });

  // World 1: C offers I an open market, I counters with a project too, C rejects the counter, then C offers the
  // open market again and I accepts. C also proposes to a bot region, which answers at once.
  await ok(c1, 'proposal:submit', { to: 'I', terms: { openMarket: true, project: null } });
  const p3 = await newPending(i1, 'C', 'I', seen);
  await ok(i1, 'proposal:counter', {
    proposalId: p3.id,
    terms: { openMarket: true, project: { host: 'I', hostShare: 0.5, sidePayment: 0 } },
    message: 'fairShare',
  });
  const p4 = await newPending(c1, 'I', 'C', seen);
  expect(p4.counterOf).toBe(p3.id);
  await ok(c1, 'proposal:reject', { proposalId: p4.id });
  await ok(c1, 'proposal:submit', { to: 'I', terms: { openMarket: true, project: null }, message: 'bothGain' });
  const p5 = await newPending(i1, 'C', 'I', seen);
  await ok(i1, 'proposal:accept', { proposalId: p5.id });
  await ok(c1, 'proposal:submit', { to: 'R', terms: { openMarket: true, project: null } });
  await c1.client.waitView(
    (v) => !!v.worlds[0]?.current?.proposals.some((p) => p.from === 'C' && p.to === 'R' && p.status !== 'pending'),
    undefined,
    'the bot answer',
  );

  // Everyone with a student says done: negotiation ends early.
  for (const s of students) await ok(s, 'negotiation:done', { done: true });
  await host.waitPhase('decide', 1);
  const agreements = (w: number) => host.view!.worlds[w]!.current!.agreements.map((a) => a.id);
  expect(agreements(0)).toContain('r1-C-I-project');
  expect(agreements(1)).toContain('r1-C-I-openMarket');

  // Decide: world 0 C breaches the signed project; world 1 C blocks its open-market partner I.
  await ok(c0, 'decision:draft', { decision: { invest: 'ELEC', barriers: [], comply: {} } });
  await c0.client.waitView((v) => v.worlds[0]?.current?.drafts['C']?.invest === 'ELEC', undefined, 'the own draft');
  await ok(c0, 'decision:submit', {
    decision: { invest: 'ELEC', barriers: [], comply: { 'r1-C-I-project': 'breach' } },
  });
  await c0.client.waitView(
    (v) => v.worlds[0]?.current?.decisions['C']?.comply['r1-C-I-project'] === 'breach',
    undefined,
    'the own decision',
  );
  await ok(i0, 'decision:submit', {
    decision: { invest: 'AUTO', barriers: [], comply: { 'r1-C-I-project': 'honour' } },
  });
  await ok(f0, 'decision:draft', { decision: { invest: 'FOOD', barriers: ['C'], comply: {} } });
  await ok(f0, 'decision:submit', { decision: { invest: 'FOOD', barriers: ['C'], comply: {} } });
  await ok(c1, 'decision:submit', { decision: { invest: 'ELEC', barriers: ['I'], comply: {} } });
  await ok(i1, 'decision:draft', { decision: { invest: 'AUTO', barriers: [], comply: {} } });
  await ok(i1, 'decision:submit', { decision: { invest: 'AUTO', barriers: [], comply: {} } });
  await host.waitPhase('results', 1);
  for (const s of students) await s.client.waitPhase('results', 1);

  // Round 2: the reform world has every reform (E included); C submits, the others get the defaults.
  await hostOk('host:endPhase');
  const briefing = await host.waitPhase('briefing', 2);
  expect(briefing.worlds[1]!.current!.treatments).toEqual(ALL_REFORMS);
  await hostOk('host:endPhase');
  await c1.client.waitPhase('negotiate', 2);
  await ok(c1, 'proposal:submit', {
    to: 'I',
    terms: { openMarket: false, project: { host: 'C', hostShare: 0.6, sidePayment: 0 } },
  });
  const p6 = await newPending(i1, 'C', 'I', seen);
  await ok(i1, 'proposal:accept', { proposalId: p6.id });
  await hostOk('host:endPhase');
  await c1.client.waitPhase('decide', 2);
  await ok(c1, 'decision:submit', {
    decision: { invest: 'ELEC', barriers: [], comply: { 'r2-C-I-project': 'breach' } },
  });
  await hostOk('host:endPhase');
  await host.waitPhase('results', 2);
  await hostOk('host:endPhase');
  await host.waitPhase('ended');
  for (const s of students) await s.client.waitPhase('ended');
  await projector.waitPhase('ended');
  return { session, host, projector, students, acked };
}

export function closeGame(g: PlayedGame): void {
  for (const c of [g.host, g.projector, ...g.students.map((s) => s.client)]) c.close();
}
