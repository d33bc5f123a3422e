// Crash recovery of the real entry point: the server runs as a child process, is killed with SIGKILL in the
// lobby, while negotiating, while deciding (with commands in flight) and in the results, and is started again on the
// same data directory. Every acknowledged command survives, the running phase resumes with a deadline at least
// 15 s away, and students get their seats back with their tokens.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { replay } from '../../shared/model/replay.js';
import type { SessionLogOut } from '../../shared/model/log.js';
import type { SessionView } from '../../shared/model/session/view.js';
import type { Ack } from '../../shared/protocol/errors.js';
import type { CreateSessionReply, JoinReply, SessionInfo } from '../../shared/protocol/http.js';
import { kill, startMain, type ChildServer } from './child.js';
import {
  connect,
  createSession,
  http,
  joinHttp,
  newCmdId,
  slowConfig,
  tempDir,
  waitFor,
  type TestClient,
} from './helpers.js';

const dataDir = tempDir();
let server: ChildServer;
let session: CreateSessionReply;
let seats: JoinReply[] = [];
const acked = new Map<number, string>();
let clients: TestClient[] = [];
let host: TestClient;
let students: TestClient[] = [];
let resent: { cmdId: string; seq: number; payload: Record<string, unknown> } | null = null;

async function ok(
  client: TestClient,
  event: string,
  payload: Record<string, unknown> = {},
  cmdId = newCmdId(),
): Promise<number> {
  const seq = await client.ok(event, payload, cmdId);
  acked.set(seq, event);
  return seq;
}

/** Connects the host and every student with their tokens; checks each gets its own seat back. */
async function connectAll(): Promise<void> {
  host = await connect(server.url, { code: session.code, token: session.hostToken });
  students = [];
  for (const s of seats) {
    const c = await connect(server.url, { code: session.code, token: s.seatToken });
    expect(c.welcome).toEqual({
      role: 'student',
      code: session.code,
      seatId: s.seat.id,
      name: s.seat.name,
      world: s.seat.world,
      region: s.seat.region,
    });
    students.push(c);
  }
  clients = [host, ...students];
}

/** SIGKILL, then a new process on the same data directory; checks every acknowledged command is in the log. */
async function crashAndRestart(): Promise<SessionLogOut> {
  const result = await kill(server, 'SIGKILL');
  expect(result.signal).toBe('SIGKILL');
  for (const c of clients) c.close();
  server = await startMain(dataDir);
  const log = (
    await http<SessionLogOut>(server.url, `/api/sessions/${session.code}/export.json`, { token: session.hostToken })
  ).body;
  const bySeq = new Map(log.events.map((e) => [e.seq, e.type]));
  for (const [seq, type] of acked) expect(bySeq.get(seq), `acknowledged #${seq} ${type}`).toBe(type);
  expect(log.events.map((e) => e.seq)).toEqual(log.events.map((_, k) => k + 1));
  await connectAll();
  return log;
}

/** The running phase resumed: same phase and round, a deadline at least ~15 s after the server's clock. */
function expectResumed(phase: string, round: number): void {
  const last = host.messages[host.messages.length - 1]!;
  expect(host.view!.phase).toBe(phase);
  expect(host.view!.round).toBe(round);
  expect(host.view!.paused).toBe(false);
  expect(host.view!.deadline).not.toBeNull();
  expect(host.view!.deadline! - last.serverTime).toBeGreaterThanOrEqual(14_500);
}

beforeAll(async () => {
  server = await startMain(dataDir);
  session = await createSession(server.url, {
    config: slowConfig({ phases: { briefing: 300, negotiate: 300, decide: 300, results: 300 } }),
  });
  seats = [];
  for (const name of ['Ann', 'Bo', 'Cai']) seats.push(await joinHttp(server.url, session.code, name));
  await connectAll();
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  if (server) await kill(server, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('killing the server and starting it again', () => {
  test('in the lobby: seats and host settings survive (and a phase nearly over in another session gets 15 s)', async () => {
    await ok(host, 'host:setReforms', { arm: null, treatments: ['A'] });
    await ok(host, 'host:announce', { text: 'Welcome' });
    const short = await createSession(server.url, {
      config: slowConfig({ phases: { briefing: 5, negotiate: 5, decide: 5, results: 5 } }),
    });
    const shortHost = await connect(server.url, { code: short.code, token: short.hostToken });
    await shortHost.ok('host:start');
    shortHost.close();
    await crashAndRestart();
    const shortLog = (
      await http<SessionLogOut>(server.url, `/api/sessions/${short.code}/export.json`, { token: short.hostToken })
    ).body;
    const resume = shortLog.events.find((e) => e.type === 'system:resume')!;
    // The floor of 15 s (less the few ms between computing the deadline and stamping the command).
    const left = (resume.payload as { deadline: number }).deadline - Date.parse(resume.at);
    expect(left).toBeGreaterThan(14_000);
    expect(left).toBeLessThanOrEqual(15_000);
    const info = (await http<SessionInfo>(server.url, `/api/sessions/${session.code}`)).body;
    expect(info).toMatchObject({ phase: 'lobby', round: 0, locked: false });
    expect(host.view!.seats.map((s) => s.name)).toEqual(['Ann', 'Bo', 'Cai']);
    expect(host.view!.announcements.map((a) => a.text)).toEqual(['Welcome']);
    expect(host.view!.worldInfo[0]!.nextTreatments).toEqual(['A']);
  }, 60_000);

  test('while negotiating: proposals and signatures survive and the phase resumes', async () => {
    await ok(host, 'host:start');
    await ok(host, 'host:endPhase');
    await students[0]!.waitPhase('negotiate', 1);
    await ok(students[0]!, 'proposal:submit', { to: 'I', terms: { openMarket: true, project: null } });
    const fromC = (v: SessionView) =>
      v.worlds[0]?.current?.proposals.find((x) => x.from === 'C' && x.to === 'I' && x.status === 'pending');
    const p = fromC(await students[1]!.waitView((v) => fromC(v) !== undefined))!;
    await ok(students[1]!, 'proposal:accept', { proposalId: p.id });
    const payload = { to: 'C', terms: { openMarket: true, project: null } };
    resent = { cmdId: newCmdId(), seq: 0, payload };
    resent.seq = await ok(students[2]!, 'proposal:submit', payload, resent.cmdId);
    await crashAndRestart();
    expectResumed('negotiate', 1);
    const cur = host.view!.worlds[0]!.current!;
    expect(cur.agreements.map((a) => a.id)).toEqual(['r1-C-I-openMarket']);
    expect(cur.proposals.filter((x) => x.from === 'F' && x.to === 'C' && x.status === 'pending')).toHaveLength(1);
    // A client that never saw its ack resends after the restart: same seq, applied once.
    const again = await students[2]!.cmd('proposal:submit', resent.payload, resent.cmdId);
    expect(again).toEqual({ ok: true, seq: resent.seq });
    expect(host.view!.worlds[0]!.current!.proposals.filter((x) => x.from === 'F')).toHaveLength(1);
  }, 60_000);

  test('while deciding, with commands in flight: every acknowledged one survives', async () => {
    await ok(host, 'host:endPhase');
    await students[0]!.waitPhase('decide', 1);
    await ok(students[1]!, 'decision:submit', { decision: { invest: 'AUTO', barriers: [], comply: {} } });
    const inFlight: number[] = [];
    const sectors = ['AUTO', 'ELEC', 'FOOD', 'CHEM'];
    for (let k = 0; k < 16; k++) {
      const decision = { invest: sectors[k % 4], barriers: [], comply: {} };
      void (
        students[0]!.socket.timeout(5000).emitWithAck('decision:draft', { cmdId: newCmdId(), decision }) as Promise<
          Ack<{ seq: number }>
        >
      ).then(
        (a) => {
          if (a.ok) inFlight.push(a.seq);
        },
        () => undefined,
      );
    }
    await waitFor(() => inFlight.length >= 3, undefined, 'the first acks');
    for (const seq of inFlight) acked.set(seq, 'decision:draft');
    const log = await crashAndRestart();
    for (const seq of inFlight) expect(log.events.find((e) => e.seq === seq)?.type).toBe('decision:draft');
    expectResumed('decide', 1);
    const cur = host.view!.worlds[0]!.current!;
    expect(cur.submitted['I']).toBe(true);
    expect(cur.decisions['I']).toMatchObject({ invest: 'AUTO', source: 'human' });
    expect(Object.keys(cur.drafts)).toContain('C');
    // The student sees its own draft again.
    expect(Object.keys(students[0]!.view!.worlds[0]!.current!.drafts)).toEqual(['C']);
  }, 60_000);

  test('in the results: the round survives (snapshot and log) and the game plays on to a replayable end', async () => {
    await ok(students[0]!, 'decision:submit', { decision: { invest: 'ELEC', barriers: ['I'], comply: {} } });
    await ok(host, 'host:endPhase');
    await host.waitPhase('results', 1);
    await crashAndRestart();
    expectResumed('results', 1);
    expect(host.view!.worlds[0]!.historyLength).toBe(1);
    await ok(host, 'host:endPhase');
    await host.waitPhase('briefing', 2);
    await ok(host, 'host:endGame');
    await host.waitPhase('ended');
    const log = (
      await http<SessionLogOut>(server.url, `/api/sessions/${session.code}/export.json`, { token: session.hostToken })
    ).body;
    expect(log.worlds[0]!.rounds[0]!.decisions['C']).toMatchObject({
      invest: 'ELEC',
      barriers: ['I'],
      source: 'human',
    });
    expect(log.worlds[0]!.rounds[0]!.decisions['F']!.source).toBe('default');
    expect(replay(log, 0).report.problems).toEqual([]);
    for (const [seq, type] of acked) expect(log.events.find((e) => e.seq === seq)?.type).toBe(type);
    expect(log.events.filter((e) => e.type === 'system:resume')).toHaveLength(3);
  }, 60_000);

  test('SIGTERM stops it gracefully (exit code 0)', async () => {
    for (const c of clients) c.close();
    clients = [];
    expect(await kill(server, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('stopping gracefully');
  }, 30_000);
});
