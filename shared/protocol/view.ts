// The zod shape of a view (`state:view`'s `view`, docs/protocol.md section 4). The model's interfaces
// (shared/model/session/view.ts) define the view; this restates them for the wire so that the protocol document
// shows a JSON Schema of it. The checks at the end fail the type check when the two drift apart, and the tests parse
// real views of every role with it.
import { z } from 'zod';
import { SessionConfigSchema } from '../model/config.js';
import { BOT_STRATEGIES } from '../model/ids.js';
import type { RoundRecord } from '../model/round.js';
import { PHASES, SEAT_ACTS } from '../model/session/state.js';
import type { SessionView, WorldHistory } from '../model/session/view.js';
import { TreatmentSchema } from '../model/config.js';
import { HistorySchema, LiveWorldViewSchema, RoundRecordSchema } from './world-view.js';

const int = z.int();
const id = z.string();

export const MeSchema = z.union([
  z.strictObject({ role: z.literal('host') }),
  z.strictObject({ role: z.literal('projector') }),
  z.strictObject({ role: z.literal('student'), world: int, region: id }),
]);

export const WorldInfoSchema = z.strictObject({
  index: int,
  arm: int,
  armName: z.string(),
  mapId: id,
  treatments: z.array(TreatmentSchema),
  nextTreatments: z.array(TreatmentSchema).nullable(),
});

export const SeatViewSchema = z.strictObject({
  id,
  name: z.string(),
  world: int,
  region: id,
  kicked: z.boolean(),
  connected: z.boolean(),
  awaySince: z.number().nullable(),
});

export const RegionStatusSchema = z.strictObject({
  world: int,
  region: id,
  humans: int,
  connected: int,
  bot: z.enum(BOT_STRATEGIES).nullable(),
  submitted: z.boolean(),
  done: z.boolean(),
});

export const ActViewSchema = z.strictObject({
  world: int,
  region: id,
  seatId: id,
  kind: z.enum(SEAT_ACTS),
  proposal: id.nullable(),
  name: z.string(),
});

export const AnnouncementSchema = z.strictObject({ seq: int, at: z.string(), text: z.string() });

export const SessionViewSchema = z.strictObject({
  code: z.string(),
  title: z.string(),
  config: SessionConfigSchema,
  phase: z.enum(PHASES),
  paused: z.boolean(),
  round: int,
  deadline: z.number().nullable(),
  remainingMs: z.number().nullable(),
  locked: z.boolean(),
  takeover: z.boolean(),
  worldCount: int,
  me: MeSchema,
  worlds: z.array(LiveWorldViewSchema),
  worldInfo: z.array(WorldInfoSchema),
  seats: z.array(SeatViewSchema),
  regions: z.array(RegionStatusSchema),
  decided: z.array(z.strictObject({ world: int, submitted: int, of: int })),
  announcements: z.array(AnnouncementSchema),
  acts: z.array(ActViewSchema),
  students: z.strictObject({ total: int, connected: int }),
});

export { HistorySchema, RoundRecordSchema };

// The schemas and the model's interfaces must describe the same data: each line fails to compile when they differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameView: Same<z.output<typeof SessionViewSchema>, SessionView> = true;
const sameRound: Same<z.output<typeof RoundRecordSchema>, RoundRecord> = true;
const sameHistory: Same<z.output<typeof HistorySchema>, WorldHistory[]> = true;
void [sameView, sameRound, sameHistory];
