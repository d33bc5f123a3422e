// The joining side of the join-burst scenario, in its own process (its CPU must not slow the measuring side):
// `n` students join one session over HTTP as fast as `concurrency` allows, each then connects its WebSocket and
// waits for its first view (protocol 2, as the browser client). Prints one JSON line with the figures, then keeps the sockets open until stdin closes.
import { io, type Socket } from 'socket.io-client';
import { httpJson } from './http.js';
import { leanParser } from './parser.js';
import { percentile, sortNumbers } from './stats.js';

const [base, code, countArg, concurrencyArg, hostToken] = process.argv.slice(2);
if (!base || !code) throw new Error('usage: burst-joiners.ts <base> <code> <n> <concurrency> [hostToken]');
const n = Number(countArg ?? 600);
const concurrency = Number(concurrencyArg ?? 50);
const sockets: Socket[] = [];
const joinMs: number[] = [];
const toViewMs: number[] = [];
let errors = 0;
let next = 0;
const started = performance.now();

async function one(index: number): Promise<void> {
  const t0 = performance.now();
  const r = await httpJson('POST', `${base}/api/sessions/${code}/join`, { body: { name: `Burst ${index + 1}` } });
  const body = r.body as { seatToken?: string };
  if (r.status !== 201 || !body.seatToken) {
    errors++;
    return;
  }
  joinMs.push(performance.now() - t0);
  const sock = io(base, {
    transports: ['websocket'],
    forceNew: true,
    parser: leanParser,
    auth: { code, token: body.seatToken, protocol: 2 },
  });
  sockets.push(sock);
  await new Promise<void>((resolve) => {
    sock.once('state:view', () => resolve());
    sock.once('connect_error', () => {
      errors++;
      resolve();
    });
  });
  toViewMs.push(performance.now() - t0);
}

// The lecture hall's host console is open too: it gets every seat's arrival.
if (hostToken) {
  const host = io(base, {
    transports: ['websocket'],
    forceNew: true,
    parser: leanParser,
    auth: { code, token: hostToken, protocol: 2 },
  });
  sockets.push(host);
  await new Promise<void>((resolve) => host.once('state:view', () => resolve()));
}

async function lane(): Promise<void> {
  while (next < n) await one(next++);
}

await Promise.all(Array.from({ length: concurrency }, lane));
const j = sortNumbers(joinMs);
const v = sortNumbers(toViewMs);
process.stdout.write(
  `${JSON.stringify({
    done: true,
    totalMs: performance.now() - started,
    joined: joinMs.length,
    withView: toViewMs.length,
    errors,
    joinP50: percentile(j, 50),
    joinP99: percentile(j, 99),
    viewP50: percentile(v, 50),
    viewP99: percentile(v, 99),
  })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => {
  for (const s of sockets) s.close();
  process.exit(0);
});
