// The commands the session reducer accepts. Each command and its payload is declared once, here, as a zod schema
// (here and not in shared/protocol because the model may not import the protocol); the wire events of
// shared/protocol/events.ts add a cmdId to the student and host commands, and every command type is derived.
import { z } from 'zod';
import { MAX_WORLDS, TreatmentSchema } from '../config.js';
import { DecisionSchema } from '../decisions.js';
import { BOT_STRATEGIES } from '../ids.js';
import { PRESET_MESSAGES, ProposalTermsSchema } from '../negotiation.js';
import { PHASES } from './state.js';

export type Actor = { kind: 'host' } | { kind: 'seat'; seatId: string } | { kind: 'system' };

const id = z.string().min(1).max(40);
const message = z.enum(PRESET_MESSAGES).nullable().optional();

export const RegionRefSchema = z.object({ world: z.int().min(0), region: id });
export type RegionRef = z.output<typeof RegionRefSchema>;

/** Commands a student seat may send: what the client sends besides the cmdId (unknown fields are refused). */
export const STUDENT_COMMANDS = {
  'proposal:submit': z.object({ to: id, terms: ProposalTermsSchema, message }).strict(),
  'proposal:accept': z.object({ proposalId: id }).strict(),
  'proposal:reject': z.object({ proposalId: id }).strict(),
  'proposal:counter': z.object({ proposalId: id, terms: ProposalTermsSchema, message }).strict(),
  'proposal:withdraw': z.object({ proposalId: id }).strict(),
  'negotiation:done': z.object({ done: z.boolean() }).strict(),
  'decision:draft': z.object({ decision: DecisionSchema }).strict(),
  'decision:submit': z.object({ decision: DecisionSchema }).strict(),
} as const;

/** Commands only the host may send. */
export const HOST_COMMANDS = {
  'host:start': z.object({}).strict(),
  'host:pause': z.object({}).strict(),
  'host:resume': z.object({}).strict(),
  'host:addTime': z.object({ seconds: z.int().min(5).max(600) }).strict(),
  'host:endPhase': z.object({}).strict(),
  /** The one-button flow: starts the game from the lobby, otherwise ends the current phase now. */
  'host:advance': z.object({}).strict(),
  'host:setReforms': z
    .object({ arm: z.int().min(0).max(7).nullable(), treatments: z.array(TreatmentSchema).max(7) })
    .strict(),
  'host:fillBots': z.object({ strategy: z.enum(BOT_STRATEGIES) }).strict(),
  'host:renameSeat': z.object({ seatId: id, name: z.string().max(200) }).strict(),
  'host:moveSeat': z
    .object({
      seatId: id,
      world: z
        .int()
        .min(0)
        .max(MAX_WORLDS - 1),
      region: id,
    })
    .strict(),
  'host:kickSeat': z.object({ seatId: id }).strict(),
  'host:lock': z.object({ locked: z.boolean() }).strict(),
  'host:setTakeover': z.object({ enabled: z.boolean() }).strict(),
  'host:announce': z.object({ text: z.string().max(1000) }).strict(),
  /** Takes every announcement off the projector and the students' screens. */
  'host:clearAnnouncements': z.object({}).strict(),
  'host:endGame': z.object({}).strict(),
} as const;

/** Regions whose students are all away, played by their bot: added by the server, never sent by a client. */
const takeover = z.array(RegionRefSchema).optional();

/** Commands only the server issues (a join arrives through the join endpoint). */
export const SYSTEM_COMMANDS = {
  'session:join': z.object({ name: z.string() }),
  'phase:timeout': z.object({ round: z.int(), phase: z.enum(PHASES), takeover }),
  /** After a restart: the running phase gets a new deadline. */
  'system:resume': z.object({ deadline: z.number() }),
} as const;

/** Every command as the reducer sees it: the server adds `takeover` to the host's early ends of a phase. */
export const COMMANDS = {
  ...STUDENT_COMMANDS,
  ...HOST_COMMANDS,
  'host:endPhase': HOST_COMMANDS['host:endPhase'].extend({ takeover }),
  'host:advance': HOST_COMMANDS['host:advance'].extend({ takeover }),
  ...SYSTEM_COMMANDS,
} as const;

export type CommandType = keyof typeof COMMANDS;
export type StudentCommandType = keyof typeof STUDENT_COMMANDS;
export type HostCommandType = keyof typeof HOST_COMMANDS;
export type SystemCommandType = keyof typeof SYSTEM_COMMANDS;
/** The commands a client may send over the wire. */
export type ClientCommandType = StudentCommandType | HostCommandType;

/** An object's named fields (a strict empty zod object's output is an index signature of `never`). */
type Fields<O> = { [K in keyof O as string extends K ? never : K]: O[K] };
type Payloads = { [T in CommandType]: Fields<z.output<(typeof COMMANDS)[T]>> };
type ClientPayloads = { [T in ClientCommandType]: Fields<z.output<(typeof CLIENT_BODIES)[T]>> };
// Indexing a mapped type by its own key keeps the type and the payload together in generic functions over T.
type Tagged<M, T extends keyof M> = { [P in T]: { type: P } & M[P] }[T];

/** What a client sends with a command (the protocol adds the cmdId). */
export type CommandBody<T extends ClientCommandType> = ClientPayloads[T];
export type CommandOf<T extends CommandType> = Tagged<Payloads, T>;
export type ClientCommand<T extends ClientCommandType = ClientCommandType> = Tagged<ClientPayloads, T>;
export type SessionCommand = CommandOf<CommandType>;
export type StudentCommand = CommandOf<StudentCommandType>;
export type HostCommand = CommandOf<HostCommandType>;
export type SystemCommand = CommandOf<SystemCommandType>;

const CLIENT_BODIES = { ...STUDENT_COMMANDS, ...HOST_COMMANDS } as const;
const CLIENT_PARSERS: { [T in ClientCommandType]: z.ZodType<CommandBody<T>> } = CLIENT_BODIES;

export function isStudentCommandType(type: string): type is StudentCommandType {
  return Object.hasOwn(STUDENT_COMMANDS, type);
}

export function isHostCommandType(type: string): type is HostCommandType {
  return Object.hasOwn(HOST_COMMANDS, type);
}

export function isClientCommandType(type: string): type is ClientCommandType {
  return isStudentCommandType(type) || isHostCommandType(type);
}

/** A client's command from its parsed-or-not body: the command, or the zod error of the body. */
export function parseClientCommand<T extends ClientCommandType>(
  type: T,
  body: unknown,
): { ok: true; command: ClientCommand<T> } | { ok: false; error: z.ZodError } {
  const parsed = CLIENT_PARSERS[type].safeParse(body);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const command: ClientCommand<T> = { type, ...parsed.data };
  return { ok: true, command };
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'seat' ? `seat:${actor.seatId}` : actor.kind;
}

const PARSERS: { [T in CommandType]: z.ZodType<Payloads[T]> } = COMMANDS;

export function isCommandType(type: string): type is CommandType {
  return Object.hasOwn(COMMANDS, type);
}

/** A command of a known type from its body (without `type`), by that type's own schema. */
function commandOf<T extends CommandType>(
  type: T,
  body: unknown,
): { ok: true; command: CommandOf<T> } | { ok: false; error: z.ZodError } {
  const parsed = PARSERS[type].safeParse(body);
  if (!parsed.success) return { ok: false, error: parsed.error };
  const command: CommandOf<T> = { type, ...parsed.data };
  return { ok: true, command };
}

/**
 * Any command, type and payload in one object, as the log stores it: parsed by the schema of its `type` (so the
 * union is the per-command schemas above, not a second list).
 */
export const SessionCommandSchema = z.looseObject({ type: z.string() }).transform((raw, ctx): SessionCommand => {
  const { type, ...body } = raw;
  if (!isCommandType(type)) {
    ctx.issues.push({ code: 'custom', path: ['type'], message: `unknown command type ${type}`, input: type });
    return z.NEVER;
  }
  const parsed = commandOf(type, body);
  if (parsed.ok) return parsed.command;
  for (const { path, message } of parsed.error.issues) ctx.issues.push({ code: 'custom', path, message, input: body });
  return z.NEVER;
});
