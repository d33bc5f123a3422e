// Snapshot rows are parsed before use; a snapshot that does not parse is ignored and the session is rebuilt from
// its full command log instead (the log is the source of truth).
import { z } from 'zod';
import { SessionConfigSchema, TreatmentSchema } from '../../shared/model/config.js';
import { SEAT_ACTS, type SessionState } from '../../shared/model/session/state.js';

const SnapshotStateSchema = z.object({
  code: z.string(),
  seed: z.string(),
  createdAt: z.string(),
  config: SessionConfigSchema,
  phase: z.enum(['lobby', 'briefing', 'negotiate', 'decide', 'results', 'ended']),
  paused: z.boolean(),
  round: z.int().min(0),
  deadline: z.number().nullable(),
  remainingMs: z.number().nullable(),
  locked: z.boolean(),
  takeover: z.boolean(),
  worldCount: z.int().min(1),
  seats: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      world: z.int(),
      region: z.string(),
      joinedAt: z.string(),
      kicked: z.boolean(),
    }),
  ),
  nextSeat: z.int().min(1),
  botStrategies: z.record(z.string(), z.enum(['cooperative', 'competitive', 'opportunist', 'adaptive'])),
  overrides: z.array(
    z.object({
      fromRound: z.int(),
      arm: z.int().nullable(),
      treatments: z.array(TreatmentSchema),
    }),
  ),
  announcements: z.array(z.object({ seq: z.int(), at: z.string(), text: z.string() })),
  worlds: z.array(
    z
      .object({
        index: z.int(),
        seed: z.string(),
        arm: z.int(),
        mapId: z.string(),
        state: z.object({ round: z.int() }).loose(),
        history: z.array(z.unknown()),
      })
      .loose(),
  ),
  // Required: a snapshot written before seats' acts were recorded is ignored, and its log rebuilds them.
  acts: z.array(
    z.object({
      world: z.int(),
      region: z.string(),
      seatId: z.string(),
      kind: z.enum(SEAT_ACTS),
      proposal: z.string().nullable(),
    }),
  ),
  seq: z.int().min(0),
});

export function parseSnapshotState(raw: unknown): SessionState | null {
  const r = SnapshotStateSchema.safeParse(raw);
  // The deep world structures were written by this server from the same types; the shape check guards the rest.
  return r.success ? (raw as SessionState) : null;
}
