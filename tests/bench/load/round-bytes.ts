// `npm run bench:load -- --scenario round-bytes`: what one scripted round costs a student's connection on the wire,
// protocol 1 (a whole view on every change) against protocol 2 (a full view, then patches). Four students (C, I, F,
// R of one world) each keep a version 1 and a version 2 connection open; the round: 24 proposals (six per student,
// to its linked neighbours, different terms each time), a few answers, then every student drafts three times and
// submits, and the results; one action every 250 ms (each its own broadcast, as in class). Counted from the host's
// start (after the full views of connecting): the bytes of every Socket.IO frame the server sends each connection
// (the engine.io packet text as it goes out on the WebSocket; the commands go over the version 1 connection, so its
// count includes their acks, a few dozen bytes each).
import { io, type Socket } from 'socket.io-client';
import { httpJson } from './http.js';
import type { LoadOptions } from './options.js';
import { startServer, stopServer } from './server.js';
import { table } from './stats.js';

type Log = (s: string) => void;

interface Conn {
  sock: Socket;
  bytes: number;
  frames: number;
}

function open(base: string, auth: Record<string, unknown>): Promise<Conn> {
  const sock = io(base, { transports: ['websocket'], forceNew: true, auth });
  const conn: Conn = { sock, bytes: 0, frames: 0 };
  return new Promise((resolve, reject) => {
    sock.once('connect', () => {
      // Every frame that arrives on this connection's WebSocket, as sent.
      sock.io.engine.on('data', (data: unknown) => {
        conn.frames++;
        conn.bytes += typeof data === 'string' ? Buffer.byteLength(data) : (data as ArrayBuffer).byteLength;
      });
      resolve(conn);
    });
    sock.once('connect_error', reject);
  });
}

let n = 0;
/** A command, then a pause longer than the broadcast window: as in class, each action is its own update. */
async function cmd(c: Conn, event: string, payload: Record<string, unknown> = {}): Promise<{ ok: boolean }> {
  const ack = (await c.sock.timeout(10_000).emitWithAck(event, { cmdId: `bytes-${++n}-command`, ...payload })) as {
    ok: boolean;
  };
  await new Promise((r) => setTimeout(r, 250));
  return ack;
}

function waitPhase(c: Conn, phase: string): Promise<void> {
  return new Promise((resolve) => {
    const check = (m: { view?: { phase?: string }; ops?: { path: string; value?: unknown }[] }) => {
      const hit = m.view?.phase === phase || m.ops?.some((o) => o.path === '/phase' && o.value === phase);
      if (!hit) return;
      c.sock.off('state:view', check);
      c.sock.off('state:patch', check);
      resolve();
    };
    c.sock.on('state:view', check);
    c.sock.on('state:patch', check);
  });
}

const LINKS: Record<string, string[]> = { C: ['I', 'F'], I: ['C', 'R'], F: ['C', 'R'], R: ['I', 'F'] };

export async function runRoundBytes(root: string, opts: LoadOptions, log: Log): Promise<void> {
  const server = await startServer(root, { profile: false, broadcastMs: opts.broadcastMs });
  const conns: Conn[] = [];
  try {
    const base = server.base;
    const created = await httpJson('POST', `${base}/api/sessions`, {
      body: {
        config: {
          map: '4-single',
          rounds: 2,
          worlds: { count: 1 },
          arms: [{ name: 'Baseline', schedule: [{ fromRound: 1, treatments: [] }] }],
          phases: { briefing: 600, negotiate: 600, decide: 600, results: 600 },
        },
      },
    });
    const s = created.body as { code: string; hostToken: string };
    const host = await open(base, { code: s.code, token: s.hostToken });
    conns.push(host);
    const students: { region: string; v1: Conn; v2: Conn }[] = [];
    for (let k = 0; k < 4; k++) {
      const j = (await httpJson('POST', `${base}/api/sessions/${s.code}/join`, { body: { name: `S${k + 1}` } }))
        .body as { seatToken: string; seat: { region: string } };
      const v1 = await open(base, { code: s.code, token: j.seatToken });
      const v2 = await open(base, { code: s.code, token: j.seatToken, protocol: 2 });
      conns.push(v1, v2);
      students.push({ region: j.seat.region, v1, v2 });
    }
    // The round starts here: the full views every connection got on connecting are not counted.
    await new Promise((r) => setTimeout(r, 500));
    for (const c of conns) {
      c.bytes = 0;
      c.frames = 0;
    }
    const first = students[0]!;
    const negotiate = waitPhase(first.v1, 'negotiate');
    await cmd(host, 'host:start');
    await cmd(host, 'host:endPhase');
    await negotiate;
    for (let round = 0; round < 6; round++) {
      for (const st of students) {
        const to = LINKS[st.region]![round % 2]!;
        const terms = {
          openMarket: round % 2 === 0,
          project: { host: st.region, hostShare: 0.3 + round / 20, sidePayment: 0 },
        };
        await cmd(st.v1, 'proposal:submit', { to, terms });
      }
    }
    const decide = waitPhase(first.v1, 'decide');
    await cmd(host, 'host:endPhase');
    await decide;
    const results = waitPhase(first.v1, 'results');
    const sectors = ['AUTO', 'ELEC', 'FOOD'];
    for (const st of students) {
      for (const invest of sectors)
        await cmd(st.v1, 'decision:draft', { decision: { invest, barriers: [], comply: {} } });
      await cmd(st.v1, 'decision:submit', { decision: { invest: 'AUTO', barriers: [], comply: {} } });
    }
    await results;
    // Let the last broadcasts arrive.
    await new Promise((r) => setTimeout(r, 1000));
    const rows = students.map((st) => [
      st.region,
      `${(st.v1.bytes / 1024).toFixed(1)} kB (${st.v1.frames})`,
      `${(st.v2.bytes / 1024).toFixed(1)} kB (${st.v2.frames})`,
      `${((100 * st.v2.bytes) / st.v1.bytes).toFixed(1)} %`,
    ]);
    const sum = (f: (x: (typeof students)[number]) => number) => students.reduce((a, x) => a + f(x), 0);
    rows.push([
      'mean',
      `${(sum((x) => x.v1.bytes) / 4 / 1024).toFixed(1)} kB`,
      `${(sum((x) => x.v2.bytes) / 4 / 1024).toFixed(1)} kB`,
      `${((100 * sum((x) => x.v2.bytes)) / sum((x) => x.v1.bytes)).toFixed(1)} %`,
    ]);
    log('one round: 24 proposals, 12 drafts, 4 submissions, results');
    process.stdout.write(
      `\nBytes a student's connection received over the round (Socket.IO frames, count in brackets):\n\n${table(['region', 'protocol 1', 'protocol 2', '2 / 1'], rows)}\n\n`,
    );
  } finally {
    for (const c of conns) c.sock.close();
    await stopServer(server);
  }
}
