// The embedded default store: one SQLite file (WAL) via better-sqlite3. Writes are synchronous transactions, so
// an append has reached the database file before the command is acknowledged. synchronous=NORMAL in WAL mode
// survives a crash of the process (SIGKILL); set SQLITE_SYNC=FULL to survive a power cut too. Appends are group
// committed: those made during one turn of the event loop (many sessions' commands) go into one transaction at
// its end (a failing append fails alone: a lone insert is undone by SQLite, a join's two inserts share a savepoint), and each resolves only after the commit.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { WalCheckpointer } from './walCheckpointer.js';
import { SnapshotRowSchema, commandValues, toCommand, toSession } from './rows.js';
import type { NewSeat, SessionRow, Snapshot, Store, StoredCommand } from './types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  code TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  seed TEXT NOT NULL,
  config TEXT NOT NULL,
  host_token_hash TEXT NOT NULL,
  projector_token_hash TEXT NOT NULL,
  ended INTEGER NOT NULL DEFAULT 0,
  heartbeat INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS seats (
  session_code TEXT NOT NULL REFERENCES sessions(code),
  seat_id TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (session_code, seat_id),
  UNIQUE (session_code, token_hash)
);
CREATE TABLE IF NOT EXISTS commands (
  session_code TEXT NOT NULL REFERENCES sessions(code),
  seq INTEGER NOT NULL,
  cmd_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (session_code, seq),
  UNIQUE (session_code, cmd_id)
);
CREATE TABLE IF NOT EXISTS snapshots (
  session_code TEXT NOT NULL REFERENCES sessions(code),
  seq INTEGER NOT NULL,
  round INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (session_code, seq)
);
`;

/** The store is asynchronous: a failing statement (a duplicate, a full disk) rejects instead of throwing. */
function settle<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

interface PendingAppend {
  code: string;
  cmd: StoredCommand;
  seat: NewSeat | undefined;
  resolve: () => void;
  reject: (e: Error) => void;
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

export class SqliteStore implements Store {
  readonly pipelined = true;
  private readonly db: Database.Database;
  private readonly stmts;
  private pending: PendingAppend[] = [];
  private readonly appendOne: (a: PendingAppend) => void;

  private readonly checkpointer: WalCheckpointer;

  /** `onError`: hears of a failed background checkpoint (walCheckpointer.ts); the store goes on regardless. */
  constructor(file: string, sync: 'NORMAL' | 'FULL' = 'NORMAL', onError?: (message: string) => void) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${sync}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.checkpointer = new WalCheckpointer(file, onError);
    const db = this.db;
    this.stmts = {
      insertSession: db.prepare(
        'INSERT INTO sessions (code, created_at, seed, config, host_token_hash, projector_token_hash, ended, heartbeat) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      getSession: db.prepare('SELECT * FROM sessions WHERE code = ?'),
      unfinished: db.prepare('SELECT * FROM sessions WHERE ended = 0 ORDER BY created_at'),
      insertCommand: db.prepare(
        'INSERT INTO commands (session_code, seq, cmd_id, at, actor, type, payload) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      insertSeat: db.prepare('INSERT INTO seats (session_code, seat_id, token_hash) VALUES (?, ?, ?)'),
      findCommand: db.prepare(
        'SELECT seq, cmd_id, at, actor, type, payload FROM commands WHERE session_code = ? AND cmd_id = ?',
      ),
      commandsAfter: db.prepare(
        'SELECT seq, cmd_id, at, actor, type, payload FROM commands WHERE session_code = ? AND seq > ? ORDER BY seq',
      ),
      seatByHash: db.prepare('SELECT seat_id FROM seats WHERE session_code = ? AND token_hash = ?'),
      insertSnapshot: db.prepare(
        'INSERT OR REPLACE INTO snapshots (session_code, seq, round, state) VALUES (?, ?, ?, ?)',
      ),
      pruneSnapshots: db.prepare('DELETE FROM snapshots WHERE session_code = ? AND seq < ?'),
      latestSnapshot: db.prepare(
        'SELECT seq, round, state FROM snapshots WHERE session_code = ? ORDER BY seq DESC LIMIT 1',
      ),
      markEnded: db.prepare('UPDATE sessions SET ended = 1 WHERE code = ?'),
      heartbeat: db.prepare('UPDATE sessions SET heartbeat = ? WHERE code = ?'),
    };
    // Inside the batch's transaction, better-sqlite3 runs this one as a savepoint.
    this.appendOne = db.transaction((a: PendingAppend) => {
      this.insertCommand(a);
      if (a.seat) this.stmts.insertSeat.run(a.code, a.seat.seatId, a.seat.tokenHash);
    });
  }

  private insertCommand({ code, cmd }: PendingAppend): void {
    this.stmts.insertCommand.run(...commandValues(code, cmd));
  }

  createSession(row: SessionRow): Promise<void> {
    return settle(() => {
      this.stmts.insertSession.run(
        row.code,
        row.createdAt,
        row.seed,
        JSON.stringify(row.config),
        row.hostTokenHash,
        row.projectorTokenHash,
        row.ended ? 1 : 0,
        row.heartbeat,
      );
    });
  }

  getSession(code: string): Promise<SessionRow | undefined> {
    return settle(() => {
      const raw = this.stmts.getSession.get(code);
      return raw === undefined ? undefined : toSession(raw);
    });
  }

  unfinishedSessions(): Promise<SessionRow[]> {
    return settle(() => this.stmts.unfinished.all().map(toSession));
  }

  appendCommand(code: string, cmd: StoredCommand, seat?: NewSeat): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ code, cmd, seat, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.commitAppends());
    });
  }

  /** One transaction for the appends of this turn of the event loop; each is settled after the commit. */
  private commitAppends(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const failed = new Map<PendingAppend, Error>();
    // A session whose append failed: its later appends in the batch were made on top of it and fail with it.
    const broken = new Map<string, Error>();
    try {
      this.db.transaction(() => {
        for (const a of batch) {
          const earlier = broken.get(a.code);
          if (earlier) {
            failed.set(a, new Error(`an earlier command of the session was not stored: ${earlier.message}`));
            continue;
          }
          try {
            // A lone insert fails or succeeds whole (SQLite undoes a failed statement); a join's two inserts need
            // a savepoint of their own.
            if (a.seat) this.appendOne(a);
            else this.insertCommand(a);
          } catch (e) {
            // An error that ended the whole transaction (a full disk...) fails the batch, not just this append.
            if (!this.db.inTransaction) throw e;
            failed.set(a, asError(e));
            broken.set(a.code, asError(e));
          }
        }
      })();
    } catch (e) {
      for (const a of batch) a.reject(asError(e));
      return;
    }
    for (const a of batch) {
      const err = failed.get(a);
      if (err) a.reject(err);
      else a.resolve();
    }
  }

  findCommand(code: string, cmdId: string): Promise<StoredCommand | undefined> {
    return settle(() => {
      const raw = this.stmts.findCommand.get(code, cmdId);
      return raw === undefined ? undefined : toCommand(raw);
    });
  }

  commandsAfter(code: string, seq: number): Promise<StoredCommand[]> {
    return settle(() => this.stmts.commandsAfter.all(code, seq).map(toCommand));
  }

  seatByTokenHash(code: string, tokenHash: string): Promise<string | undefined> {
    return settle(() => {
      const raw = this.stmts.seatByHash.get(code, tokenHash) as { seat_id?: unknown } | undefined;
      return typeof raw?.seat_id === 'string' ? raw.seat_id : undefined;
    });
  }

  saveSnapshot(code: string, snapshot: Snapshot): Promise<void> {
    return settle(() => {
      this.db.transaction(() => {
        this.stmts.insertSnapshot.run(code, snapshot.seq, snapshot.round, JSON.stringify(snapshot.state));
        this.stmts.pruneSnapshots.run(code, snapshot.seq);
      })();
    });
  }

  latestSnapshot(code: string): Promise<Snapshot | undefined> {
    return settle(() => {
      const raw = this.stmts.latestSnapshot.get(code);
      if (raw === undefined) return undefined;
      const r = SnapshotRowSchema.parse(raw);
      return { seq: r.seq, round: r.round, state: JSON.parse(r.state) as unknown };
    });
  }

  markEnded(code: string): Promise<void> {
    return settle(() => {
      this.stmts.markEnded.run(code);
    });
  }

  heartbeat(codes: readonly string[], at: number): Promise<void> {
    return settle(() => {
      this.db.transaction(() => {
        for (const code of codes) this.stmts.heartbeat.run(at, code);
      })();
    });
  }

  async close(): Promise<void> {
    // Appends still waiting for their commit are committed now (or fail if the database is gone).
    this.commitAppends();
    // The checkpoint thread's connection goes first: the last connection to close folds the log into the file.
    await this.checkpointer.stop();
    if (this.db.open) this.db.close();
  }
}
