// The store on PostgreSQL (DATABASE_URL=postgres://...), shared by every process of a cluster. The same guarantees
// as SQLite: an append is one committed statement before the command is acknowledged, (session, seq) and
// (session, cmdId) are unique, a join's seat is written in the same statement as its command. Each append carries
// the fencing number of this process's lease on the session (see postgresSchema.ts): the database refuses it if
// another process has taken the session over.
import pg from 'pg';
import { z } from 'zod';
import { createSchema, quoteIdent } from './postgresSchema.js';
import { SnapshotRowSchema, commandValues, toCommand, toSession } from './rows.js';
import type { NewSeat, SessionRow, Snapshot, Store, StoredCommand } from './types.js';

const SeatRowSchema = z.object({ seat_id: z.string() });

/** An append refused because this process no longer holds the session's lease. */
export class FencedError extends Error {
  constructor(readonly code: string) {
    super(`FENCED: this process no longer holds the lease of session ${code}`);
  }
}

export interface PostgresOptions {
  connectionString: string;
  /** The schema holding the tables (default `public`); tests use one schema each. */
  schema?: string;
  poolSize?: number;
}

const COMMAND_COLUMNS = 'seq, cmd_id, at, actor, type, payload';
/** How long close() waits for the queries in flight before it ends the pool anyway. */
const CLOSE_WAIT_MS = 5_000;

export class PostgresStore implements Store {
  /** This process's fencing number per leased session, set by the lease manager. */
  private readonly fences = new Map<string, number>();
  private closed: Promise<void> | null = null;
  /** Told when the database refused an append because another process took the session over. */
  onFenced: ((code: string) => void) | null = null;

  private constructor(
    readonly pool: pg.Pool,
    readonly schema: string,
  ) {}

  /** Connects, creates the schema if needed and returns the store. */
  static async open(opts: PostgresOptions): Promise<PostgresStore> {
    const schema = opts.schema ?? 'public';
    const pool = new pg.Pool({
      connectionString: opts.connectionString,
      max: opts.poolSize ?? 10,
      options: `-c search_path=${quoteIdent(schema)}`,
      connectionTimeoutMillis: 5000,
    });
    // A client losing its connection (a database restart, the network) must not crash the process: an idle one is
    // reported on the pool, one in use on itself (the adapter's LISTEN connection is always in use; it reconnects on
    // 'end'), and a query on it fails on its own.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    try {
      await createSchema(pool, schema);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PostgresStore(pool, schema);
  }

  setFence(code: string, fence: number | null): void {
    if (fence === null) this.fences.delete(code);
    else this.fences.set(code, fence);
  }

  async createSession(row: SessionRow): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (code, created_at, seed, config, host_token_hash, projector_token_hash, ended, heartbeat) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        row.code,
        row.createdAt,
        row.seed,
        JSON.stringify(row.config),
        row.hostTokenHash,
        row.projectorTokenHash,
        row.ended,
        row.heartbeat,
      ],
    );
  }

  async getSession(code: string): Promise<SessionRow | undefined> {
    const r = await this.pool.query('SELECT * FROM sessions WHERE code = $1', [code]);
    return r.rows[0] === undefined ? undefined : toSession(r.rows[0]);
  }

  async unfinishedSessions(): Promise<SessionRow[]> {
    const r = await this.pool.query('SELECT * FROM sessions WHERE NOT ended ORDER BY created_at, code');
    return r.rows.map(toSession);
  }

  async appendCommand(code: string, cmd: StoredCommand, seat?: NewSeat): Promise<void> {
    const values = [...commandValues(code, cmd), this.fences.get(code) ?? null];
    const insert =
      'INSERT INTO commands (session_code, seq, cmd_id, at, actor, type, payload, fence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)';
    try {
      if (!seat) await this.pool.query(insert, values);
      // One statement is one transaction: the seat and its join command are stored together or not at all.
      else
        await this.pool.query(
          `WITH c AS (${insert} RETURNING session_code) INSERT INTO seats (session_code, seat_id, token_hash) SELECT session_code, $9, $10 FROM c`,
          [...values, seat.seatId, seat.tokenHash],
        );
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('FENCED')) {
        this.onFenced?.(code);
        throw new FencedError(code);
      }
      throw e;
    }
  }

  async findCommand(code: string, cmdId: string): Promise<StoredCommand | undefined> {
    const r = await this.pool.query(`SELECT ${COMMAND_COLUMNS} FROM commands WHERE session_code = $1 AND cmd_id = $2`, [
      code,
      cmdId,
    ]);
    return r.rows[0] === undefined ? undefined : toCommand(r.rows[0]);
  }

  async commandsAfter(code: string, seq: number): Promise<StoredCommand[]> {
    const r = await this.pool.query(
      `SELECT ${COMMAND_COLUMNS} FROM commands WHERE session_code = $1 AND seq > $2 ORDER BY seq`,
      [code, seq],
    );
    return r.rows.map(toCommand);
  }

  async seatByTokenHash(code: string, tokenHash: string): Promise<string | undefined> {
    const r = await this.pool.query('SELECT seat_id FROM seats WHERE session_code = $1 AND token_hash = $2', [
      code,
      tokenHash,
    ]);
    return r.rows[0] === undefined ? undefined : SeatRowSchema.parse(r.rows[0]).seat_id;
  }

  async saveSnapshot(code: string, snapshot: Snapshot): Promise<void> {
    await this.pool.query(
      `WITH saved AS (
         INSERT INTO snapshots (session_code, seq, round, state) VALUES ($1, $2, $3, $4)
         ON CONFLICT (session_code, seq) DO UPDATE SET round = EXCLUDED.round, state = EXCLUDED.state
         RETURNING seq)
       DELETE FROM snapshots WHERE session_code = $1 AND seq < (SELECT seq FROM saved)`,
      [code, snapshot.seq, snapshot.round, JSON.stringify(snapshot.state)],
    );
  }

  async latestSnapshot(code: string): Promise<Snapshot | undefined> {
    const r = await this.pool.query(
      'SELECT seq, round, state FROM snapshots WHERE session_code = $1 ORDER BY seq DESC LIMIT 1',
      [code],
    );
    if (r.rows[0] === undefined) return undefined;
    const s = SnapshotRowSchema.parse(r.rows[0]);
    return { seq: s.seq, round: s.round, state: JSON.parse(s.state) as unknown };
  }

  async markEnded(code: string): Promise<void> {
    await this.pool.query('UPDATE sessions SET ended = true WHERE code = $1', [code]);
  }

  async heartbeat(codes: readonly string[], at: number): Promise<void> {
    if (codes.length === 0) return;
    await this.pool.query('UPDATE sessions SET heartbeat = $2 WHERE code = ANY($1::text[])', [codes, at]);
  }

  /** Reachability, for /readyz. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /**
   * Ends the pool once no query runs or waits for a connection: the Socket.IO adapter sends its messages through this
   * pool, and a query made after end() fails ("Cannot use a pool after calling end on the pool") while one still
   * waiting for a connection then is never run. The server closes Socket.IO (and its adapter) before the store.
   */
  close(): Promise<void> {
    this.closed ??= this.quiet().then(() => this.endPool());
    return this.closed;
  }

  /**
   * pool.end() waits for every client to come back, and a client whose connection broke while the adapter held it
   * (its LISTEN connection, replaced by a new one when the database came back) never does: give up waiting after a
   * while rather than leave the process unable to stop.
   */
  private endPool(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((ok) => {
      timer = setTimeout(ok, CLOSE_WAIT_MS);
      timer.unref();
    });
    return Promise.race([this.pool.end(), giveUp]).finally(() => clearTimeout(timer));
  }

  private quiet(): Promise<void> {
    const pool = this.pool;
    const isQuiet = () => pool.waitingCount === 0 && pool.idleCount === pool.totalCount;
    if (isQuiet()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pool.off('release', onRelease);
        resolve();
      };
      // Emitted before the client is back among the idle ones.
      const onRelease = () => setImmediate(() => isQuiet() && done());
      const timer = setTimeout(done, CLOSE_WAIT_MS);
      pool.on('release', onRelease);
    });
  }
}
