// One zod schema per socket event (named domain:verb). Commands carry a client cmdId; the server answers every
// command with an ack. TypeScript types and the Socket.IO event maps are inferred from these schemas.
import { z } from 'zod';
import { TreatmentSchema } from '../model/config.js';
import { DecisionSchema } from '../model/decisions.js';
import { BOT_STRATEGIES } from '../model/ids.js';
import { PRESET_MESSAGES, ProposalTermsSchema } from '../model/negotiation.js';

export const PROTOCOL_VERSION = 1;

const cmdId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'cmdId: 8-64 letters, digits, - or _');
const id = z.string().min(1).max(40);
const message = z.enum(PRESET_MESSAGES).nullable().optional();

/** Commands a student seat may send. */
export const StudentCommandSchemas = {
  'proposal:submit': z.object({ cmdId, to: id, terms: ProposalTermsSchema, message }).strict(),
  'proposal:accept': z.object({ cmdId, proposalId: id }).strict(),
  'proposal:reject': z.object({ cmdId, proposalId: id }).strict(),
  'proposal:counter': z.object({ cmdId, proposalId: id, terms: ProposalTermsSchema, message }).strict(),
  'proposal:withdraw': z.object({ cmdId, proposalId: id }).strict(),
  'negotiation:done': z.object({ cmdId, done: z.boolean() }).strict(),
  'decision:draft': z.object({ cmdId, decision: DecisionSchema }).strict(),
  'decision:submit': z.object({ cmdId, decision: DecisionSchema }).strict(),
} as const;

/** Commands only the host may send. */
export const HostCommandSchemas = {
  'host:start': z.object({ cmdId }).strict(),
  'host:pause': z.object({ cmdId }).strict(),
  'host:resume': z.object({ cmdId }).strict(),
  'host:addTime': z.object({ cmdId, seconds: z.int().min(5).max(600) }).strict(),
  'host:endPhase': z.object({ cmdId }).strict(),
  'host:advance': z.object({ cmdId }).strict(),
  'host:setReforms': z
    .object({ cmdId, arm: z.int().min(0).max(7).nullable(), treatments: z.array(TreatmentSchema).max(7) })
    .strict(),
  'host:fillBots': z.object({ cmdId, strategy: z.enum(BOT_STRATEGIES) }).strict(),
  'host:renameSeat': z.object({ cmdId, seatId: id, name: z.string().max(200) }).strict(),
  'host:moveSeat': z.object({ cmdId, seatId: id, world: z.int().min(0).max(59), region: id }).strict(),
  'host:kickSeat': z.object({ cmdId, seatId: id }).strict(),
  'host:lock': z.object({ cmdId, locked: z.boolean() }).strict(),
  'host:setTakeover': z.object({ cmdId, enabled: z.boolean() }).strict(),
  'host:announce': z.object({ cmdId, text: z.string().max(1000) }).strict(),
  'host:endGame': z.object({ cmdId }).strict(),
} as const;

/** Join over the socket (the same as POST /api/sessions/:code/join). */
export const JoinSchema = z
  .object({ cmdId: cmdId.optional(), code: z.string().min(1).max(16), name: z.string().max(200) })
  .strict();
/** Ask for a full state again (after a reconnect or a gap). */
// It changes nothing, so a cmdId is allowed (clients send one with every payload) but not needed.
export const SyncSchema = z.object({ cmdId: cmdId.optional() }).strict();

export const COMMAND_SCHEMAS = { ...StudentCommandSchemas, ...HostCommandSchemas } as const;
export type CommandEvent = keyof typeof COMMAND_SCHEMAS;
export type StudentEvent = keyof typeof StudentCommandSchemas;
export type HostEvent = keyof typeof HostCommandSchemas;
export type CommandPayload<E extends CommandEvent> = z.output<(typeof COMMAND_SCHEMAS)[E]>;

export function isCommandEvent(name: string): name is CommandEvent {
  return Object.prototype.hasOwnProperty.call(COMMAND_SCHEMAS, name);
}

export function isHostEvent(name: string): name is HostEvent {
  return Object.prototype.hasOwnProperty.call(HostCommandSchemas, name);
}

/** The socket handshake: `auth` of io(url, { auth }). */
export const HandshakeSchema = z
  .object({
    code: z.string().min(1).max(16),
    token: z.string().min(16).max(128).optional(),
    lang: z.enum(['en', 'zh-CN']).optional(),
    /** 2: view patches after the first full view (docs/protocol.md); 1 (the default): a full view every time. */
    protocol: z.union([z.literal(1), z.literal(2)]).optional(),
  })
  .strict();
export type Handshake = z.output<typeof HandshakeSchema>;
