// The whole session state (state.ts) as a zod schema, for reading it back from a snapshot: what parses is a
// SessionState (the compiler checks the schema's output against the types the reducer uses, and
// tests/shared/model/session/stateSchema.types.ts the other way round), so nothing read back is taken on trust.
import { z } from 'zod';
import { SessionConfigSchema, TreatmentSchema } from '../config.js';
import { BOT_STRATEGIES } from '../ids.js';
import { PRESET_MESSAGES, ProposalTermsSchema } from '../negotiation.js';
import { REGION_RESULT_SHAPE } from '../regionResult.js';
import { PHASES, SEAT_ACTS } from './state.js';

const byRegion = <T extends z.ZodType>(value: T) => z.record(z.string(), value);
const figures = byRegion(z.number());

const RegionPrevSchema = z.object({ gdp: z.number(), consBase: z.number() });

const WorldStateSchema = z.object({
  round: z.int().min(0),
  K: byRegion(figures),
  prev: byRegion(RegionPrevSchema),
  promo: figures,
  career: figures,
  budget: figures,
  pilotsUsed: figures,
  lastInvest: byRegion(z.string().nullable()),
  lastBarriers: byRegion(z.array(z.string())),
});

const AgreementSchema = z.object({
  id: z.string(),
  type: z.enum(['openMarket', 'project']),
  a: z.string(),
  b: z.string(),
  host: z.string().nullable(),
  hostShare: z.number().nullable(),
  sidePayment: z.number(),
});

const DecisionSchema = z.object({
  invest: z.string(),
  barriers: z.array(z.string()),
  comply: z.record(z.string(), z.enum(['honour', 'breach'])),
});

const RecordedDecisionSchema = DecisionSchema.extend({ source: z.enum(['human', 'bot', 'default']) });

const ProposalSchema = z.object({
  id: z.string(),
  round: z.int(),
  from: z.string(),
  to: z.string(),
  terms: ProposalTermsSchema,
  status: z.enum(['pending', 'signed', 'rejected', 'countered', 'replaced', 'withdrawn', 'superseded', 'expired']),
  counterOf: z.string().nullable(),
  message: z.enum(PRESET_MESSAGES).nullable(),
});

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
  drafts: byRegion(DecisionSchema),
  submitted: byRegion(RecordedDecisionSchema),
  done: byRegion(z.boolean()),
});

const RoundMetricsSchema = z.object({
  linkedPairs: z.number(),
  signed: z.number(),
  cooperation: z.number(),
  cooperationOpenMarket: z.number(),
  cooperationProject: z.number(),
  effectiveCooperation: z.number(),
  breaches: z.number(),
  breachRate: z.number().nullable(),
  detected: z.number(),
  detectionRate: z.number().nullable(),
  welfare: z.number(),
  benchmark: z.number(),
  welfareRatio: z.number(),
  welfareLost: z.number(),
  cumulativeWelfareLost: z.number(),
  gini: z.number(),
  maxMinRatio: z.number(),
  duplicateShare: z.number(),
  similarity: z.number(),
  segmentation: z.number(),
  linksBlocked: z.number(),
  tradeSegmentation: z.number(),
  loseLoseMoves: z.array(
    z.object({
      regionId: z.string(),
      move: z.enum(['barrier', 'invest', 'breach']),
      target: z.string(),
      gdpLost: z.number(),
      scoreGained: z.number(),
    }),
  ),
  fiscal: z.record(z.string(), z.object({ origin: z.number(), destination: z.number() })),
});

const RoundRecordSchema = z.object({
  round: z.int(),
  treatments: z.array(TreatmentSchema),
  agreements: z.array(AgreementSchema),
  decisions: byRegion(RecordedDecisionSchema),
  draws: z.object({ shock: figures, audit: byRegion(z.boolean()) }),
  results: z.object({
    regions: byRegion(z.object(REGION_RESULT_SHAPE)),
    gAll: z.number(),
    welfare: z.number(),
    benchmarkWelfare: z.number(),
  }),
  metrics: RoundMetricsSchema,
  stateAfter: WorldStateSchema,
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
