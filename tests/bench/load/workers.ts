// The student worker processes (students.ts), seen from the orchestrator: forked with an IPC channel, each with an
// inbox so that the orchestrator can wait for one kind of message at a time. A worker's fatal message or an
// unexpected exit fails every wait at once instead of letting the run hang.
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import type { FromWorker, ToWorker } from './ipc.js';

export interface WorkerHandle {
  id: number;
  proc: ChildProcess;
  inbox: FromWorker[];
  waiters: (() => void)[];
  /** Students assigned so far (sessions go to the least loaded worker). */
  students: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class WorkerPool {
  readonly workers: WorkerHandle[] = [];
  private failure: string | null = null;
  private shuttingDown = false;

  /**
   * `profDir`: run each worker with --cpu-prof into it. `nice`: the workers' CPU priority. On a 2-core machine the
   * simulated students (3,000 sockets, about half a core) share the cores with the server they measure; in a
   * classroom they are other devices. At a lower priority they cannot take the core the server is waiting for,
   * while their own delays still count in every latency they measure.
   */
  constructor(root: string, count: number, profDir: string | null, nice: number, log: (s: string) => void) {
    for (let id = 0; id < count; id++) {
      const execArgv = [...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), '--import', 'tsx'];
      const proc = fork(join(root, 'tests/bench/load/students.ts'), [], {
        cwd: root,
        execArgv,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      if (nice > 0 && proc.pid) setPriority(proc.pid, nice);
      const w: WorkerHandle = { id, proc, inbox: [], waiters: [], students: 0 };
      proc.on('message', (m: FromWorker) => {
        if (m.type === 'fatal' && !this.failure) {
          this.failure = `worker ${m.workerId}: ${m.message}`;
          log(`FATAL ${this.failure}`);
        }
        w.inbox.push(m);
        for (const f of w.waiters.splice(0)) f();
      });
      proc.on('exit', (code) => {
        if (code !== 0 && !this.shuttingDown) this.failure ??= `worker ${id} exited with ${code}`;
        for (const f of w.waiters.splice(0)) f();
      });
      this.workers.push(w);
    }
  }

  tell(w: WorkerHandle, m: ToWorker): void {
    w.proc.send(m);
  }

  tellAll(m: ToWorker): void {
    for (const w of this.workers) this.tell(w, m);
  }

  /** The next message of a type from a worker (waits; fails on a worker failure or after timeoutMs). */
  async receive<T extends FromWorker['type']>(
    w: WorkerHandle,
    type: T,
    timeoutMs: number,
  ): Promise<Extract<FromWorker, { type: T }>> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const i = w.inbox.findIndex((m) => m.type === type);
      if (i >= 0) return w.inbox.splice(i, 1)[0] as Extract<FromWorker, { type: T }>;
      if (this.failure) throw new Error(this.failure);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`worker ${w.id}: no "${type}" within ${timeoutMs} ms`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 1000));
        w.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  /** The same message type from every worker. */
  receiveAll<T extends FromWorker['type']>(type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>[]> {
    return Promise.all(this.workers.map((w) => this.receive(w, type, timeoutMs)));
  }

  /** Asks every worker to exit (closing its sockets), then kills those still there after 10 s. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    const gone = (p: ChildProcess) => p.exitCode !== null || p.signalCode !== null;
    for (const w of this.workers) if (w.proc.connected) this.tell(w, { type: 'exit' });
    for (let i = 0; i < 100 && this.workers.some((w) => !gone(w.proc)); i++) await sleep(100);
    for (const w of this.workers) if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGKILL');
  }
}
