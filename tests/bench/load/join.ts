// Students joining: over HTTP (a seat token), paced at the rate the orchestrator asked for (a class does not join
// in one burst, and a burst would measure the ramp, not the steady state), then on their own WebSocket speaking
// protocol 2 as the browser client does (replica.ts). Connection trouble is counted as errors; a refused handshake
// is retried.
import { io, type Socket } from 'socket.io-client';
import type { SessionView } from '../../../shared/model/session/view.js';
import { httpJson } from './http.js';
import { followViews } from './replica.js';
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

/**
 * A protocol 2 socket with a host, projector or seat token; `onView` gets its view after every full view and patch
 * (the worker counts its disconnects and connect errors).
 */
export function connect(auth: { code: string; token: string }, onView: (view: SessionView) => void): Socket {
  const sock = io(config().base, {
    transports: ['websocket'],
    forceNew: true,
    auth: { ...auth, protocol: 2 },
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });
  worker.allSockets.add(sock);
  followViews(sock, onView);
  sock.on('disconnect', () => {
    if (!worker.closing && !worker.dropping) worker.errors.disconnects++;
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

/** Joins student `index` of a session (up to 5 tries); its views go to `onView`. */
export function joinStudent(run: SessionRun, index: number, onView: (st: Student, view: SessionView) => void): void {
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
        st.sock = connect({ code: run.spec.code, token: body.seatToken }, (view) => onView(st, view));
      })
      .catch((e: unknown) => {
        worker.errors.joinErrors++;
        const reason = String(e).slice(0, 80);
        worker.errors.joinErrorReasons[reason] = (worker.errors.joinErrorReasons[reason] ?? 0) + 1;
        if (tries < 5) setTimeout(() => attempt(tries + 1), 1000);
        else fatal(`student ${index} of ${run.spec.code} could not join: ${String(e)}`);
      });
  };
  attempt(1);
}
