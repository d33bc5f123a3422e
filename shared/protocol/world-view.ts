// The zod shape of a world as a view shows it (shared/model/views.ts, shared/model/session/view.ts) and of a completed
// round (history): the model's interfaces are the definition, these schemas restate them for the wire so that
// docs/protocol.md can show their JSON Schema. view-types.ts makes the type check fail when the two drift apart, and
// tests parse real views with them.
import { z } from 'zod';
import { TreatmentSchema } from '../model/config.js';
import { PRESET_MESSAGES } from '../model/negotiation.js';
import { REGION_RESULT_SHAPE } from '../model/regionResult.js';

const num = z.number();
const int = z.int();
const id = z.string();
const byRegion = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

export const RegionPrevSchema = z.strictObject({ gdp: num, consBase: num });

export const AgreementSchema = z.strictObject({
  id,
  type: z.enum(['openMarket', 'project']),
  a: id,
  b: id,
  host: id.nullable(),
  hostShare: num.nullable(),
  sidePayment: num,
});

export const DecisionViewSchema = z.strictObject({
  invest: id,
  barriers: z.array(id),
  comply: z.record(z.string(), z.enum(['honour', 'breach'])),
});
export const RecordedDecisionSchema = DecisionViewSchema.extend({ source: z.enum(['human', 'bot', 'default']) });

export const ProposalSchema = z.strictObject({
  id,
  round: int,
  from: id,
  to: id,
  terms: z.strictObject({
    openMarket: z.boolean(),
    project: z.strictObject({ host: id, hostShare: num, sidePayment: num }).nullable(),
  }),
  status: z.enum(['pending', 'signed', 'rejected', 'countered', 'replaced', 'withdrawn', 'superseded', 'expired']),
  counterOf: id.nullable(),
  message: z.enum(PRESET_MESSAGES).nullable(),
});

export const WorldStateSchema = z.strictObject({
  round: int,
  K: byRegion(z.record(z.string(), num)),
  prev: byRegion(RegionPrevSchema),
  promo: byRegion(num),
  career: byRegion(num),
  budget: byRegion(num),
  pilotsUsed: byRegion(num),
  lastInvest: byRegion(id.nullable()),
  lastBarriers: byRegion(z.array(id)),
});

export const RegionPublicSchema = z.strictObject({
  id,
  prev: RegionPrevSchema,
  promo: num,
  career: num,
  budget: num,
  termScore: num,
  rank: int,
  outputRank: int,
});

const RecordSchema = z.strictObject({ barriers: num, duplications: num, honoured: num, breaches: num, detected: num });

export const PromotionSchema = z.strictObject({
  afterRound: int,
  regionId: id,
  termScore: num,
  fromRound: int,
  treatments: z.array(TreatmentSchema),
  record: RecordSchema,
});

export const CurrentRoundViewSchema = z.strictObject({
  round: int,
  treatments: z.array(TreatmentSchema),
  negotiationOpen: z.boolean(),
  agreements: z.array(AgreementSchema),
  proposals: z.array(ProposalSchema),
  pendingLinks: z.array(z.tuple([id, id])),
  submitted: byRegion(z.boolean()),
  done: byRegion(z.boolean()),
  drafts: byRegion(DecisionViewSchema),
  decisions: byRegion(RecordedDecisionSchema),
});

export const LiveWorldViewSchema = z.strictObject({
  index: int,
  arm: int,
  mapId: id,
  resolvedRounds: int,
  initial: byRegion(RegionPrevSchema),
  regions: z.array(RegionPublicSchema),
  promoted: z.array(PromotionSchema),
  current: CurrentRoundViewSchema.nullable(),
  state: WorldStateSchema,
  historyLength: int,
});

const RegionResultSchema = z.strictObject(REGION_RESULT_SHAPE);

const MetricsSchema = z.strictObject({
  linkedPairs: num,
  signed: num,
  cooperation: num,
  cooperationOpenMarket: num,
  cooperationProject: num,
  effectiveCooperation: num,
  breaches: num,
  breachRate: num.nullable(),
  detected: num,
  detectionRate: num.nullable(),
  welfare: num,
  benchmark: num,
  welfareRatio: num,
  welfareLost: num,
  cumulativeWelfareLost: num,
  gini: num,
  maxMinRatio: num,
  duplicateShare: num,
  similarity: num,
  segmentation: num,
  linksBlocked: num,
  tradeSegmentation: num,
  loseLoseMoves: z.array(
    z.strictObject({
      regionId: id,
      move: z.enum(['barrier', 'invest', 'breach']),
      target: id,
      gdpLost: num,
      scoreGained: num,
    }),
  ),
  fiscal: byRegion(z.strictObject({ origin: num, destination: num })),
});

/** A completed round, as `history` and the export (docs/rules.md section 11) carry it. */
export const RoundRecordSchema = z.strictObject({
  round: int,
  treatments: z.array(TreatmentSchema),
  agreements: z.array(AgreementSchema),
  decisions: byRegion(RecordedDecisionSchema),
  draws: z.strictObject({ shock: z.record(z.string(), num), audit: z.record(z.string(), z.boolean()) }),
  results: z.strictObject({
    regions: byRegion(RegionResultSchema),
    gAll: num,
    welfare: num,
    benchmarkWelfare: num,
  }),
  metrics: MetricsSchema,
  stateAfter: WorldStateSchema,
});

/** `history` of a view message: the completed rounds of every world the viewer may see. */
export const HistorySchema = z.array(z.strictObject({ world: int, rounds: z.array(RoundRecordSchema) }));
