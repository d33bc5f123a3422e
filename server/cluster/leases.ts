// Session leases and node liveness in PostgreSQL (tables in server/store/postgresSchema.ts). Times are the
// database's (now()), so the processes' clocks need not agree. A claim increments the session's fencing number;
// the fencing trigger on `commands` then refuses the previous owner's appends.
import type { Pool } from 'pg';
import { z } from 'zod';

const FenceRow = z.object({ fence: z.coerce.number() });
const CodeRow = z.object({ session_code: z.string() });
const OrphanRow = z.object({ code: z.string() });
const OwnerRow = z.object({ owner: z.string() });
const NodeRow = z.object({ id: z.string(), sessions: z.number() });

export interface AliveNode {
  id: string;
  sessions: number;
}

export class LeaseTable {
  constructor(
    private readonly pool: Pool,
    private readonly nodeId: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes the session if nobody holds it (no lease, an expired or released one); its new fencing number. */
  async claim(code: string): Promise<number | null> {
    const r = await this.pool.query(
      `INSERT INTO leases (session_code, owner, fence, expires_at)
       VALUES ($1, $2, 1, now() + make_interval(secs => $3 / 1000.0))
       ON CONFLICT (session_code) DO UPDATE
         SET owner = EXCLUDED.owner, fence = leases.fence + 1, expires_at = EXCLUDED.expires_at
         WHERE leases.expires_at < now()
       RETURNING fence`,
      [code, this.nodeId, this.ttlMs],
    );
    return r.rows[0] === undefined ? null : FenceRow.parse(r.rows[0]).fence;
  }

  /** Extends the leases still held with these fencing numbers; returns the codes still held. */
  async renew(held: ReadonlyMap<string, number>): Promise<Set<string>> {
    if (held.size === 0) return new Set();
    const r = await this.pool.query(
      `UPDATE leases l SET expires_at = now() + make_interval(secs => $2 / 1000.0)
       FROM unnest($3::text[], $4::bigint[]) AS h(code, fence)
       WHERE l.session_code = h.code AND l.fence = h.fence AND l.owner = $1 AND l.expires_at >= now()
       RETURNING l.session_code`,
      [this.nodeId, this.ttlMs, [...held.keys()], [...held.values()]],
    );
    return new Set(r.rows.map((x) => CodeRow.parse(x).session_code));
  }

  /** Gives sessions up at once (a graceful stop): the next claim does not wait for the lease to expire. */
  async release(held: ReadonlyMap<string, number>): Promise<void> {
    if (held.size === 0) return;
    await this.pool.query(
      `UPDATE leases l SET expires_at = '-infinity'
       FROM unnest($2::text[], $3::bigint[]) AS h(code, fence)
       WHERE l.session_code = h.code AND l.fence = h.fence AND l.owner = $1`,
      [this.nodeId, [...held.keys()], [...held.values()]],
    );
  }

  /** Unfinished sessions that nobody runs (never claimed, expired or released). */
  async orphans(): Promise<string[]> {
    const r = await this.pool.query(
      `SELECT s.code FROM sessions s LEFT JOIN leases l ON l.session_code = s.code
       WHERE NOT s.ended AND (l.session_code IS NULL OR l.expires_at < now())
       ORDER BY s.created_at, s.code`,
    );
    return r.rows.map((x) => OrphanRow.parse(x).code);
  }

  /** The process running a session now, if any. */
  async owner(code: string): Promise<string | null> {
    const r = await this.pool.query('SELECT owner FROM leases WHERE session_code = $1 AND expires_at >= now()', [code]);
    return r.rows[0] === undefined ? null : OwnerRow.parse(r.rows[0]).owner;
  }

  /** This process is alive and runs `sessions` sessions; returns every node seen within `aliveMs`. */
  async beat(sessions: number, aliveMs: number): Promise<AliveNode[]> {
    await this.pool.query(
      `INSERT INTO nodes (id, seen_at, sessions) VALUES ($1, now(), $2)
       ON CONFLICT (id) DO UPDATE SET seen_at = now(), sessions = EXCLUDED.sessions`,
      [this.nodeId, sessions],
    );
    const r = await this.pool.query(
      `SELECT id, sessions FROM nodes WHERE seen_at >= now() - make_interval(secs => $1 / 1000.0) ORDER BY id`,
      [aliveMs],
    );
    return r.rows.map((x) => NodeRow.parse(x));
  }

  /** A stopping process leaves the list of nodes. */
  async leave(): Promise<void> {
    await this.pool.query('DELETE FROM nodes WHERE id = $1', [this.nodeId]);
  }
}
