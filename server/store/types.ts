// The storage interface: sessions, seats (token hashes only), an append-only command log and round snapshots.
// The command log is the source of truth: a session is rebuilt by replaying it (from the last snapshot).
// Async so that a networked store (PostgreSQL) can implement it too.

export interface SessionRow {
  code: string;
  createdAt: string;
  seed: string;
  /** The parsed session config as JSON. */
  config: unknown;
  hostTokenHash: string;
  projectorTokenHash: string;
  ended: boolean;
  /** Last time the owning server was known alive (ms), to give a running phase its remaining time back. */
  heartbeat: number;
}

export interface StoredCommand {
  seq: number;
  /** Unique per session: the actor's key and the client's cmdId. */
  cmdId: string;
  at: number;
  actor: string;
  type: string;
  payload: unknown;
}

export interface NewSeat {
  seatId: string;
  tokenHash: string;
}

export interface Snapshot {
  seq: number;
  round: number;
  state: unknown;
}

export interface Store {
  /**
   * The store commits appends in the order they were made, and once an append fails, every later append of its
   * session not yet committed fails too (so a session's log never has a gap). The runtime may then apply a
   * session's next command before the previous one is committed (each is still acknowledged only once committed).
   */
  readonly pipelined?: boolean;
  createSession(row: SessionRow): Promise<void>;
  getSession(code: string): Promise<SessionRow | undefined>;
  unfinishedSessions(): Promise<SessionRow[]>;
  /** Appends a command (and, for a join, its seat) atomically. Rejects on a duplicate seq or cmdId. */
  appendCommand(code: string, cmd: StoredCommand, seat?: NewSeat): Promise<void>;
  findCommand(code: string, cmdId: string): Promise<StoredCommand | undefined>;
  commandsAfter(code: string, seq: number): Promise<StoredCommand[]>;
  seatByTokenHash(code: string, tokenHash: string): Promise<string | undefined>;
  saveSnapshot(code: string, snapshot: Snapshot): Promise<void>;
  latestSnapshot(code: string): Promise<Snapshot | undefined>;
  markEnded(code: string): Promise<void>;
  heartbeat(codes: readonly string[], at: number): Promise<void>;
  close(): Promise<void>;
}
