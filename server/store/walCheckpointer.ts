// Moves SQLite's WAL checkpoints off the event loop. By default the connection that commits also checkpoints:
// every ~1,000 pages of log, one commit copies them into the database file and syncs it, which held the event
// loop for 20-30 ms about once a second under a lecture hall's load (every ack and broadcast waited behind it).
// Here the store's connection never checkpoints (wal_autocheckpoint = 0) and a worker thread with a connection of
// its own runs a PASSIVE checkpoint every CHECKPOINT_MS: it copies what it can without blocking the writer, and
// the writer then starts the log again from its beginning, so the log stays bounded. If the worker cannot run,
// the store's connection checkpoints itself again (the default), so the log never grows without bound.
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

const CHECKPOINT_MS = 500;
/** SQLite's default: pages of log before the writing connection checkpoints itself. */
const AUTOCHECKPOINT_PAGES = 1000;

/** The worker's code (plain JavaScript: it runs without the TypeScript loader). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: String(e && e.message || e) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage({ type: 'ready' });
`;

const FromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private stopped = false;

  /** `db`: the store's open connection to `file` (in WAL mode); `onError` hears of a failed checkpoint. */
  constructor(
    private readonly db: Database.Database,
    file: string,
    onError: (message: string) => void = () => undefined,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { driver, file, everyMs: CHECKPOINT_MS },
    });
    this.worker.unref();
    this.worker.on('message', (raw: unknown) => {
      const m = FromWorkerSchema.safeParse(raw);
      if (m.success && m.data.type === 'error') onError(m.data.message);
    });
    this.worker.on('error', (e) => {
      onError(`checkpoint thread failed: ${e.message}`);
      this.selfCheckpoint();
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    void this.exited.then(() => this.selfCheckpoint());
  }

  /** The store's connection checkpoints itself again (the thread has gone). */
  private selfCheckpoint(): void {
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  }

  /** Stops the thread (its connection closes first, so the store's close can remove the log). */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.worker.postMessage('stop');
    }
    await this.exited;
  }
}
