// Students joining: over HTTP (a seat token), paced at the rate the orchestrator asked for (a class does not join
// in one burst, and a burst would measure the ramp, not the steady state), then on their own WebSocket with the
// lean parser. Connection trouble is counted as errors; a refused handshake is retried.
import { io, type Socket } from 'socket.io-client';
import { httpJson } from './http.js';
import { leanParser } from './parser.js';
import { config, fatal, worker, type SessionRun, type Student } from './worker-state.js';

class Pacer {
  private queue: (() => void)[] = [];
  private budget = 0;
  private last = performance.now();
  private timer: NodeJS.Timeout | null = null;
  rate = 50;

  push(task: () => void): void {
    this.queue.push(task);
    if (!this.timer) {
      this.last = performance.now();
      this.budget = 1;
      this.timer = setInterval(() => this.tick(), 10);
    }
  }

  private tick(): void {
    const now = performance.now();
    this.budget += ((now - this.last) / 1000) * this.rate;
    this.last = now;
    while (this.budget >= 1 && this.queue.length > 0) {
      this.budget -= 1;
      this.queue.shift()?.();
    }
    if (this.queue.length === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}

export const pacer = new Pacer();

/** A socket with a host, projector or seat token (the worker counts its disconnects and connect errors). */
export function connect(auth: Record<string, string>): Socket {
  const sock = io(config().base, {
    transports: ['websocket'],
    forceNew: true,
    parser: leanParser,
    auth,
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  worker.allSockets.add(sock);
  sock.on('disconnect', () => {
    if (!worker.closing) worker.errors.disconnects++;
  });
  sock.on('connect_error', (err: Error) => {
    if (worker.closing) return;
    worker.errors.connectErrors++;
    const reason = err.message.slice(0, 60);
    worker.errors.connectErrorReasons[reason] = (worker.errors.connectErrorReasons[reason] ?? 0) + 1;
    // A refused handshake is not retried by Socket.IO itself.
    if (!sock.active) setTimeout(() => sock.connect(), 1000);
  });
  return sock;
}

/** Joins student `index` of a session (up to 5 tries); its views go to `onView` with the raw payload text. */
export function joinStudent(run: SessionRun, index: number, onView: (st: Student, raw: string) => void): void {
  const st: Student = {
    run,
    index,
    seatId: '',
    sock: null,
    region: '',
    others: [],
    partners: [],
    sectors: [],
    track: null,
    pending: [],
    ready: false,
    timer: null,
    n: 0,
  };
  run.students.push(st);
  const attempt = (tries: number) => {
    httpJson('POST', `${config().base}/api/sessions/${run.spec.code}/join`, { body: { name: `Student ${index + 1}` } })
      .then((r) => {
        const body = r.body as { seatToken?: string; seat?: { id: string } };
        if (r.status !== 201 || !body.seatToken || !body.seat)
          throw new Error(`join ${run.spec.code}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        st.seatId = body.seat.id;
        const sock = connect({ code: run.spec.code, token: body.seatToken });
        st.sock = sock;
        sock.on('state:view', (raw: string) => onView(st, raw));
      })
      .catch((e: unknown) => {
        worker.errors.joinErrors++;
        if (tries < 5) setTimeout(() => attempt(tries + 1), 1000);
        else fatal(`student ${index} of ${run.spec.code} could not join: ${String(e)}`);
      });
  };
  attempt(1);
}
