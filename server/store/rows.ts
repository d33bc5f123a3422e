// Stored rows as both SQL stores read them back, parsed like any other input crossing a boundary. The dialects
// differ only in how they return a flag (SQLite 0/1, PostgreSQL boolean) and a BIGINT (PostgreSQL: a string).
import { z } from 'zod';
import type { SessionRow, StoredCommand } from './types.js';

const SessionRowSchema = z.object({
  code: z.string(),
  created_at: z.string(),
  seed: z.string(),
  config: z.string(),
  host_token_hash: z.string(),
  projector_token_hash: z.string(),
  ended: z.union([z.boolean(), z.number()]).transform((v) => v === true || v === 1),
  heartbeat: z.coerce.number(),
});
const CommandRowSchema = z.object({
  seq: z.number(),
  cmd_id: z.string(),
  at: z.coerce.number(),
  actor: z.string(),
  type: z.string(),
  payload: z.string(),
});
export const SnapshotRowSchema = z.object({ seq: z.number(), round: z.number(), state: z.string() });

export function toSession(raw: unknown): SessionRow {
  const r = SessionRowSchema.parse(raw);
  return {
    code: r.code,
    createdAt: r.created_at,
    seed: r.seed,
    config: JSON.parse(r.config) as unknown,
    hostTokenHash: r.host_token_hash,
    projectorTokenHash: r.projector_token_hash,
    ended: r.ended,
    heartbeat: r.heartbeat,
  };
}

export function toCommand(raw: unknown): StoredCommand {
  const r = CommandRowSchema.parse(raw);
  return {
    seq: r.seq,
    cmdId: r.cmd_id,
    at: r.at,
    actor: r.actor,
    type: r.type,
    payload: JSON.parse(r.payload) as unknown,
  };
}

/** A command as the values of an insert: (session_code, seq, cmd_id, at, actor, type, payload), toCommand's inverse. */
export function commandValues(
  code: string,
  cmd: StoredCommand,
): [string, number, string, number, string, string, string] {
  return [code, cmd.seq, cmd.cmdId, cmd.at, cmd.actor, cmd.type, JSON.stringify(cmd.payload ?? null)];
}
