// The whole session state (shared/model/session/state.ts) as a zod schema, for reading it back from a snapshot (a
// database boundary): what parses is a SessionState (server/sessions/snapshot.ts returns it as one, and
// tests/shared/protocol/session-state.types.ts checks the other way round), so nothing read back is taken on trust.
// A world's parts are the same objects a view carries, so their schemas are the view's (world-view.ts).
import { z } from 'zod';
import { SessionConfigSchema, TreatmentSchema } from '../model/config.js';
import { BOT_STRATEGIES } from '../model/ids.js';
import { PHASES, SEAT_ACTS } from '../model/session/state.js';
import {
  AgreementSchema,
  DecisionViewSchema,
  ProposalSchema,
  RecordedDecisionSchema,
  RegionPrevSchema,
  RoundRecordSchema,
  WorldStateSchema,
} from './world-view.js';

const byRegion = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

const CurrentRoundSchema = z.object({
  round: z.int(),
  treatments: z.array(TreatmentSchema),
  negotiation: z.object({
    round: z.int(),
    open: z.boolean(),
    proposals: z.array(ProposalSchema),
    nextSeq: z.int(),
  }),
  agreements: z.array(AgreementSchema).nullable(),
  drafts: byRegion(DecisionViewSchema),
  submitted: byRegion(RecordedDecisionSchema),
  done: byRegion(z.boolean()),
});

const WorldLiveSchema = z.object({
  index: z.int().min(0),
  seed: z.string(),
  arm: z.int().min(0),
  mapId: z.string(),
  initial: byRegion(RegionPrevSchema),
  state: WorldStateSchema,
  history: z.array(RoundRecordSchema),
  current: CurrentRoundSchema.nullable(),
});

export const SessionStateSchema = z.object({
  code: z.string(),
  seed: z.string(),
  createdAt: z.string(),
  config: SessionConfigSchema,
  phase: z.enum(PHASES),
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
  botStrategies: z.record(z.string(), z.enum(BOT_STRATEGIES)),
  overrides: z.array(z.object({ fromRound: z.int(), arm: z.int().nullable(), treatments: z.array(TreatmentSchema) })),
  announcements: z.array(z.object({ seq: z.int(), at: z.string(), text: z.string() })),
  worlds: z.array(WorldLiveSchema),
  events: z.array(
    z.object({ seq: z.int(), at: z.string(), actor: z.string(), type: z.string(), payload: z.unknown() }),
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
