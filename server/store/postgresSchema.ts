// The PostgreSQL schema, created on start (idempotent). The same tables as SQLite, plus what several processes
// need: `leases` (one owner per live session, with a fencing number) and `nodes` (the processes alive). A trigger
// refuses any command whose fencing number is not the session's current one, so a process that lost its lease
// (paused, cut off) can never append, whatever its code does.
import type { Pool } from 'pg';

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS sessions (
  code TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  seed TEXT NOT NULL,
  config TEXT NOT NULL,
  host_token_hash TEXT NOT NULL,
  projector_token_hash TEXT NOT NULL,
  ended BOOLEAN NOT NULL DEFAULT false,
  heartbeat BIGINT NOT NULL DEFAULT 0
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
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  fence BIGINT,
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
CREATE TABLE IF NOT EXISTS leases (
  session_code TEXT PRIMARY KEY REFERENCES sessions(code),
  owner TEXT NOT NULL,
  fence BIGINT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (
  id TEXT PRIMARY KEY,
  seen_at TIMESTAMPTZ NOT NULL,
  sessions INTEGER NOT NULL DEFAULT 0
);
-- Messages of the Socket.IO PostgreSQL adapter over NOTIFY's 8000-byte limit.
CREATE TABLE IF NOT EXISTS socket_io_attachments (
  id BIGSERIAL UNIQUE,
  created_at TIMESTAMPTZ DEFAULT now(),
  payload BYTEA
);
CREATE OR REPLACE FUNCTION check_command_fence() RETURNS trigger AS $$
DECLARE current_fence BIGINT;
BEGIN
  -- FOR SHARE: a takeover (an UPDATE of the lease) waits for this append to commit, and an append that starts after
  -- a takeover sees the new fencing number.
  SELECT fence INTO current_fence FROM leases WHERE session_code = NEW.session_code FOR SHARE;
  IF NEW.fence IS DISTINCT FROM current_fence THEN
    RAISE EXCEPTION 'FENCED: session % is leased with fence %, the append had %',
      NEW.session_code, current_fence, NEW.fence USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS commands_fence ON commands;
CREATE TRIGGER commands_fence BEFORE INSERT ON commands FOR EACH ROW EXECUTE FUNCTION check_command_fence();
`;

/** Creates the schema (and the tables in it) once; concurrent starts of several processes are serialised. */
export async function createSchema(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Several processes starting at once would race on CREATE ... IF NOT EXISTS; one advisory lock orders them.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`promotion-race-schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}`);
    await client.query(SCHEMA_SQL);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name: ${name}`);
  return `"${name}"`;
}
