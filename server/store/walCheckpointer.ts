// Moves most of SQLite's WAL checkpointing off the event loop. The connection that commits also checkpoints (SQLite's
// default, once the log holds 1,000 pages): under a lecture hall's load that copied ~4 MB of log into the database
// file in one commit about once a second, holding the event loop for 20-30 ms. Here a worker thread with a connection
// of its own runs a PASSIVE checkpoint every CHECKPOINT_MS: it copies the log's new pages without blocking the
// writer. The store's connection keeps its own checkpoints, which keep the log bounded (a checkpoint running beside
// a stream of commits rarely finishes before the next one starts, and only a finished one lets the log start again
// from its beginning); they now find most pages copied already and only finish the job.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

const CHECKPOINT_MS = 200;

/** The worker's code (plain JavaScript: it runs without the TypeScript loader). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ type: 'checkpoint', log: r.log, checkpointed: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ type: 'error', message: String((e && e.message) || e) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

const FromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('checkpoint'), log: z.number(), checkpointed: z.number() }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private stopped = false;
  /** Checkpoints the thread has run, and the pages of log the last one had copied (for tests and diagnosis). */
  checkpoints = 0;
  copiedPages = 0;

  /** `file`: a SQLite database in WAL mode; `onError` hears of a failed checkpoint or a failed thread. */
  constructor(file: string, onError: (message: string) => void = () => undefined) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { driver, file, everyMs: CHECKPOINT_MS },
    });
    this.worker.unref();
    this.worker.on('message', (raw: unknown) => {
      const m = FromWorkerSchema.safeParse(raw);
      if (!m.success) return;
      if (m.data.type === 'error') return onError(m.data.message);
      this.checkpoints++;
      this.copiedPages = m.data.checkpointed;
    });
    // The store's connection still checkpoints by itself: without the thread it only does more of the copying.
    this.worker.on('error', (e) => onError(`checkpoint thread failed: ${e.message}`));
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
  }

  /** Stops the thread (its connection closes first, so the store's close can fold the log into the file). */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.worker.postMessage('stop');
    }
    await this.exited;
  }
}
