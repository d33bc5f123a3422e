// docs/rules.md section 11: the session log (export format version 1), its schema for reading logs back, and its builder.
import { z } from 'zod';
import { TreatmentSchema, type SessionConfig } from './config.js';
import { RULES_VERSION, type RegionId } from './ids.js';
import { promotions, type Promotion } from './promotion.js';
import { REGION_RESULT_SHAPE } from './regionResult.js';
import type { RoundRecord } from './round.js';
import type { RegionPrev } from './state.js';
import { regionIds, type WorldLive } from './world.js';

export const LOG_FORMAT = 'promotion-race-log';
export const LOG_FORMAT_VERSION = 1;

const num = z.number().refine(Number.isFinite, 'must be a finite number');
const figures = z.record(z.string(), num);

export const AgreementLogSchema = z.object({
  id: z.string().max(60),
  type: z.enum(['openMarket', 'project']),
  a: z.string(),
  b: z.string(),
  host: z.string().nullable(),
  hostShare: num.nullable(),
  sidePayment: num,
});

export const DecisionLogSchema = z.object({
  invest: z.string(),
  barriers: z.array(z.string()),
  comply: z.record(z.string(), z.enum(['honour', 'breach'])).default({}),
  source: z.enum(['human', 'bot', 'default']).default('human'),
});

export const RegionResultLogSchema = z.object(REGION_RESULT_SHAPE);

export const StateAfterLogSchema = z
  .object({
    K: z.record(z.string(), figures).optional(),
    promo: figures.optional(),
    career: figures.optional(),
    budget: figures.optional(),
    pilotsUsed: figures.optional(),
  })
  .loose();

export const RoundLogSchema = z.object({
  round: z.int().min(1),
  treatments: z.array(TreatmentSchema),
  agreements: z.array(AgreementLogSchema),
  decisions: z.record(z.string(), DecisionLogSchema),
  draws: z.object({ shock: z.record(z.string(), num), audit: z.record(z.string(), z.boolean()) }),
  results: z.object({
    regions: z.record(z.string(), RegionResultLogSchema),
    gAll: num,
    welfare: num,
    benchmarkWelfare: num.optional(),
  }),
  metrics: z.record(z.string(), z.unknown()).optional(),
  stateAfter: StateAfterLogSchema.optional(),
});

export const PromotionLogSchema = z.object({ afterRound: z.int(), regionId: z.string(), termScore: num }).loose();

export const WorldLogSchema = z.object({
  index: z.int().min(0),
  seed: z.string(),
  map: z.string(),
  arm: z.int().min(0).default(0),
  initial: z.object({ gdp: figures, consBase: figures }),
  regions: z.array(
    z.object({
      id: z.string(),
      seats: z.array(z.object({ name: z.string(), kind: z.enum(['human', 'bot']) })).default([]),
    }),
  ),
  rounds: z.array(RoundLogSchema),
  promoted: z.array(PromotionLogSchema).optional(),
});

export const EventLogSchema = z.object({
  seq: z.int(),
  at: z.string(),
  actor: z.string(),
  type: z.string(),
  payload: z.unknown(),
});

export const SessionLogSchema = z
  .object({
    format: z.literal(LOG_FORMAT),
    formatVersion: z.literal(LOG_FORMAT_VERSION),
    rulesVersion: z.literal(RULES_VERSION),
    protocolVersion: z.int().optional(),
    session: z
      .object({
        code: z.string().optional(),
        createdAt: z.string().optional(),
        title: z.string().optional(),
        seed: z.string(),
        config: z.unknown().optional(),
      })
      .loose(),
    // A session that never left the lobby has no worlds: its log is still valid (and replays to nothing).
    worlds: z.array(WorldLogSchema),
    events: z.array(EventLogSchema).default([]),
  })
  .loose();

export type SessionLog = z.output<typeof SessionLogSchema>;
export type WorldLog = z.output<typeof WorldLogSchema>;
export type RoundLog = z.output<typeof RoundLogSchema>;

export interface SeatInfo {
  name: string;
  kind: 'human' | 'bot';
}

export interface LogEvent {
  seq: number;
  at: string;
  actor: string;
  type: string;
  payload: unknown;
}

export interface LogInput {
  code: string;
  createdAt: string;
  title?: string;
  seed: string;
  config: SessionConfig;
  worlds: readonly WorldLive[];
  /** Seats per world and region; regions without seats are listed with none. */
  seats?: (worldIndex: number, regionId: RegionId) => SeatInfo[];
  events?: readonly LogEvent[];
  /** True when the game is over (the last term then promotes). */
  complete: boolean;
  protocolVersion?: number;
}

function splitPrev(prev: Record<RegionId, RegionPrev>): {
  gdp: Record<RegionId, number>;
  consBase: Record<RegionId, number>;
} {
  const gdp: Record<RegionId, number> = {};
  const consBase: Record<RegionId, number> = {};
  for (const [id, p] of Object.entries(prev)) {
    gdp[id] = p.gdp;
    consBase[id] = p.consBase;
  }
  return { gdp, consBase };
}

export interface WorldLogOut {
  index: number;
  seed: string;
  map: string;
  arm: number;
  initial: { gdp: Record<RegionId, number>; consBase: Record<RegionId, number> };
  regions: { id: RegionId; seats: SeatInfo[] }[];
  rounds: RoundRecord[];
  promoted: Promotion[];
}

export interface SessionLogOut {
  format: typeof LOG_FORMAT;
  formatVersion: typeof LOG_FORMAT_VERSION;
  rulesVersion: typeof RULES_VERSION;
  protocolVersion?: number;
  session: { code: string; createdAt: string; title: string; seed: string; config: SessionConfig };
  worlds: WorldLogOut[];
  events: LogEvent[];
}

export function buildLog(input: LogInput): SessionLogOut {
  return {
    format: LOG_FORMAT,
    formatVersion: LOG_FORMAT_VERSION,
    rulesVersion: RULES_VERSION,
    ...(input.protocolVersion !== undefined ? { protocolVersion: input.protocolVersion } : {}),
    session: {
      code: input.code,
      createdAt: input.createdAt,
      title: input.title ?? input.config.title,
      seed: input.seed,
      config: input.config,
    },
    worlds: input.worlds.map((w) => {
      const ids = regionIds(input.config, w);
      return {
        index: w.index,
        seed: w.seed,
        map: w.mapId,
        arm: w.arm,
        initial: splitPrev(w.initial),
        regions: ids.map((id) => ({ id, seats: input.seats ? input.seats(w.index, id) : [] })),
        rounds: w.history,
        promoted: promotions(ids, w.history, input.complete),
      };
    }),
    events: [...(input.events ?? [])],
  };
}
