// The cluster as deployed (docs/deploy.md): a real nginx (deploy/nginx.conf) in front of 3 server processes on one
// PostgreSQL; 200 students in 8 sessions play through nginx. Mid-round the process running the most sessions is
// killed (kill -9): every session is run again within 10 s (the new owner's resume in its log), clients reconnect
// through nginx, every acknowledged command is in the exports exactly once, every export replays, and the killed
// node's phases resumed with the time they had left.
import { afterAll, describe, expect, test } from 'vitest';
import { replay } from '../../../shared/model/replay.js';
import type { CreateSessionReply } from '../../../shared/protocol/http.js';
import { kill, type ChildServer } from '../child.js';
import { connect, createSession, http, joinHttp, slowConfig, sleep, type TestClient } from '../helpers.js';
import { useNginxCluster } from './nginxCluster.js';
import { health, waitForOwner } from './nodes.js';

const SESSIONS = 8;
const STUDENTS = 25;
const INVEST = ['ELEC', 'AUTO', 'FOOD'];
const cluster = useNginxCluster('nginx', 3);
const nodes: ChildServer[] = cluster.nodes;
const clients: TestClient[] = [];

// Runs before the cluster stops.
afterAll(() => {
  // What the processes logged (errors only), to explain a failure.
  for (const n of nodes) {
    const errors = n
      .output()
      .split('\n')
      .filter((l) => l.includes('"level":50'));
    if (errors.length > 0) process.stderr.write(`node :${n.port}:\n${errors.slice(0, 20).join('\n')}\n`);
  }
  for (const c of clients) c.close();
});

interface Seat {
  seatId: string;
  client: TestClient;
  /** cmdId -> acknowledged seq */
  acked: Map<string, number>;
}

interface Class {
  session: CreateSessionReply;
  host: TestClient;
  seats: Seat[];
}

/** Sends a command until it is acknowledged (the same cmdId each time: a retry is never applied twice). */
async function until(client: TestClient, event: string, payload: Record<string, unknown>): Promise<number> {
  const end = Date.now() + 90_000;
  for (;;) {
    const ack = await client.emit<{ seq: number }>(event, payload).catch(() => null);
    if (ack?.ok) return ack.seq;
    // No answer (a lost connection) or a busy server is retried; a refusal by the rules is a failure.
    if (ack && !['SERVER_BUSY', 'INTERNAL'].includes(ack.error.code))
      throw new Error(`${event} refused: ${ack.error.code} ${ack.error.message}`);
    if (Date.now() > end) throw new Error(`${event} never acknowledged: ${JSON.stringify(ack)}`);
    await sleep(200);
  }
}

async function draft(seat: Seat, n: number): Promise<void> {
  const cmdId = `${seat.seatId}-draft-${n}`;
  const decision = { invest: INVEST[n % INVEST.length], barriers: [], comply: {} };
  seat.acked.set(cmdId, await until(seat.client, 'decision:draft', { cmdId, decision }));
}

async function open(url: string): Promise<Class> {
  const session = await createSession(url, { config: slowConfig({ rounds: 1 }) });
  const seats: Seat[] = [];
  for (let i = 0; i < STUDENTS; i++) {
    const joined = await joinHttp(url, session.code, `Student ${i + 1}`);
    const client = await connect(url, { code: session.code, token: joined.seatToken }, { reconnection: true });
    clients.push(client);
    seats.push({ seatId: joined.seat.id, client, acked: new Map() });
  }
  const host = await connect(url, { code: session.code, token: session.hostToken }, { reconnection: true });
  clients.push(host);
  return { session, host, seats };
}

describe('3 processes behind nginx', () => {
  test('200 students in 8 sessions; kill -9 of the busiest process mid-round', async () => {
    const classes: Class[] = [];
    for (let i = 0; i < SESSIONS; i += 4)
      classes.push(...(await Promise.all([0, 1, 2, 3].map(() => open(cluster.nginx.url)))));
    for (const c of classes) {
      await until(c.host, 'host:start', { cmdId: 'host-start' });
      await until(c.host, 'host:endPhase', { cmdId: 'host-to-negotiate' });
      await until(c.host, 'host:endPhase', { cmdId: 'host-to-decide' });
    }
    await Promise.all(classes.map((c) => c.host.waitPhase('decide', 1)));
    await Promise.all(classes.flatMap((c) => c.seats.map((s) => draft(s, 0))));

    // The process running the most sessions dies mid-round.
    const running = await Promise.all(nodes.map(async (n) => (await health(n)).running));
    const most = Math.max(...running.map((r) => r.length));
    const victim = nodes[running.findIndex((r) => r.length === most)]!;
    const orphaned = running[nodes.indexOf(victim)]!;
    expect(orphaned.length).toBeGreaterThan(0);
    const leftAtKill = new Map(classes.map((c) => [c.session.code, c.host.view!.deadline! - Date.now()] as const));
    const killedAt = Date.now();
    await kill(victim, 'SIGKILL');
    const survivors = nodes.filter((n) => n !== victim);
    // Students keep playing through the takeover (their commands wait or are retried with the same cmdId).
    const playing = Promise.all(classes.flatMap((c) => c.seats.map((s) => draft(s, 1).then(() => draft(s, 2)))));
    // How soon they ran again is read from the sessions' logs below (the new owner's resume), not from how quickly
    // this test process, on a loaded machine, gets round to asking.
    for (const code of orphaned) await waitForOwner(survivors, code, 60_000);
    await playing;

    for (const c of classes) {
      await until(c.host, 'host:endPhase', { cmdId: 'host-to-results' });
      await until(c.host, 'host:endPhase', { cmdId: 'host-to-end' });
    }
    await Promise.all(classes.map((c) => c.host.waitPhase('ended', undefined, 30_000)));

    for (const c of classes) {
      const log = await http<{
        events: { seq: number; at: string; actor: string; type: string; payload: { deadline?: number } }[];
      }>(cluster.nginx.url, `/api/sessions/${c.session.code}/export.json`, { token: c.session.hostToken });
      expect(log.status).toBe(200);
      const events = log.body.events;
      const bySeq = new Map(events.map((e) => [e.seq, e]));
      expect(bySeq.size).toBe(events.length);
      for (const seat of c.seats) {
        // Every acknowledged command is in the export, as its seat's, and none is there twice.
        for (const seq of seat.acked.values())
          expect(bySeq.get(seq)).toMatchObject({ actor: `seat:${seat.seatId}`, type: 'decision:draft' });
        const drafts = events.filter((e) => e.actor === `seat:${seat.seatId}` && e.type === 'decision:draft');
        expect(drafts).toHaveLength(seat.acked.size);
      }
      expect(replay(log.body).report.ok).toBe(true);
      const resume = events.find((e) => e.type === 'system:resume');
      if (orphaned.includes(c.session.code)) {
        // Run again within 10 s of the kill: the new owner resumed its phase (the processes share this machine's
        // clock) ...
        const resumedAt = Date.parse(resume!.at);
        expect(resumedAt - killedAt).toBeLessThan(10_000);
        // ... with the time it had left at the kill (give or take the heartbeat period).
        const left = resume!.payload.deadline! - resumedAt;
        expect(Math.abs(left - leftAtKill.get(c.session.code)!)).toBeLessThan(2_000);
      } else expect(resume).toBeUndefined();
    }
  }, 300_000);
});
