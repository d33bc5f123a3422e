// An in-memory store with the same contract as SQLite and PostgreSQL (unique seq and cmdId per session, a join's
// seat stored atomically with its command, the latest snapshot kept): fast unit tests of the session runtime.
// Nothing survives the process; never used by `npm start`.
import type { NewSeat, SessionRow, Snapshot, Store, StoredCommand } from './types.js';

interface SessionData {
  row: SessionRow;
  commands: StoredCommand[];
  bySeq: Set<number>;
  byCmdId: Map<string, StoredCommand>;
  seats: Map<string, string>;
  seatIds: Set<string>;
  snapshot: Snapshot | undefined;
}

/** Values are copied in and out, as a real store serialises them: callers never share objects with it. */
const copy = <T>(value: T): T => structuredClone(value);

/** The data of a memory store: a second store opened on the same data sees everything (a "restart"). */
export type MemoryData = Map<string, SessionData>;

export class MemoryStore implements Store {
  private closed = false;

  constructor(private readonly sessions: MemoryData = new Map()) {}

  private session(code: string): SessionData {
    if (this.closed) throw new Error('the store is closed');
    const s = this.sessions.get(code);
    if (!s) throw new Error(`FOREIGN KEY constraint failed: no session ${code}`);
    return s;
  }

  private async run<T>(f: () => T): Promise<T> {
    await Promise.resolve();
    if (this.closed) throw new Error('the store is closed');
    return f();
  }

  createSession(row: SessionRow): Promise<void> {
    return this.run(() => {
      if (this.sessions.has(row.code)) throw new Error(`UNIQUE constraint failed: sessions.code ${row.code}`);
      this.sessions.set(row.code, {
        row: copy(row),
        commands: [],
        bySeq: new Set(),
        byCmdId: new Map(),
        seats: new Map(),
        seatIds: new Set(),
        snapshot: undefined,
      });
    });
  }

  getSession(code: string): Promise<SessionRow | undefined> {
    return this.run(() => {
      const s = this.sessions.get(code);
      return s ? copy(s.row) : undefined;
    });
  }

  unfinishedSessions(): Promise<SessionRow[]> {
    return this.run(() =>
      [...this.sessions.values()]
        .filter((s) => !s.row.ended)
        .map((s) => copy(s.row))
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)),
    );
  }

  appendCommand(code: string, cmd: StoredCommand, seat?: NewSeat): Promise<void> {
    return this.run(() => {
      const s = this.session(code);
      // Every check before any change: the append is all or nothing.
      if (s.bySeq.has(cmd.seq)) throw new Error(`UNIQUE constraint failed: commands seq ${cmd.seq}`);
      if (s.byCmdId.has(cmd.cmdId)) throw new Error(`UNIQUE constraint failed: commands cmd_id ${cmd.cmdId}`);
      if (seat && (s.seats.has(seat.tokenHash) || s.seatIds.has(seat.seatId)))
        throw new Error('UNIQUE constraint failed: seats');
      const stored = copy({ ...cmd, payload: cmd.payload ?? null });
      s.commands.push(stored);
      s.commands.sort((a, b) => a.seq - b.seq);
      s.bySeq.add(cmd.seq);
      s.byCmdId.set(cmd.cmdId, stored);
      if (seat) {
        s.seats.set(seat.tokenHash, seat.seatId);
        s.seatIds.add(seat.seatId);
      }
    });
  }

  findCommand(code: string, cmdId: string): Promise<StoredCommand | undefined> {
    return this.run(() => {
      const hit = this.sessions.get(code)?.byCmdId.get(cmdId);
      return hit ? copy(hit) : undefined;
    });
  }

  commandsAfter(code: string, seq: number): Promise<StoredCommand[]> {
    return this.run(() => copy((this.sessions.get(code)?.commands ?? []).filter((c) => c.seq > seq)));
  }

  seatByTokenHash(code: string, tokenHash: string): Promise<string | undefined> {
    return this.run(() => this.sessions.get(code)?.seats.get(tokenHash));
  }

  saveSnapshot(code: string, snapshot: Snapshot): Promise<void> {
    return this.run(() => {
      const s = this.session(code);
      if (!s.snapshot || snapshot.seq >= s.snapshot.seq) s.snapshot = copy(snapshot);
    });
  }

  latestSnapshot(code: string): Promise<Snapshot | undefined> {
    return this.run(() => {
      const snap = this.sessions.get(code)?.snapshot;
      return snap ? copy(snap) : undefined;
    });
  }

  markEnded(code: string): Promise<void> {
    return this.run(() => {
      const s = this.sessions.get(code);
      if (s) s.row.ended = true;
    });
  }

  heartbeat(codes: readonly string[], at: number): Promise<void> {
    return this.run(() => {
      for (const code of codes) {
        const s = this.sessions.get(code);
        if (s) s.row.heartbeat = at;
      }
    });
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
