// One zod schema per socket event (named domain:verb). Commands carry a client cmdId; the server answers every
// command with an ack. TypeScript types and the Socket.IO event maps are inferred from these schemas.
import { z } from 'zod';
import { CmdIdSchema } from './cmdId.js';
import type { Ack, ReceivedAck } from './errors.js';
import type { JoinReply } from './http.js';
import {
  HOST_COMMANDS,
  STUDENT_COMMANDS,
  isClientCommandType,
  isHostCommandType,
  parseClientCommand,
  type ClientCommand,
  type ClientCommandType,
  type CommandBody,
  type HostCommandType,
  type StudentCommandType,
} from '../model/session/commands.js';

// 2: view patches (a client opts in with `protocol: 2` in its handshake; version 1 clients get whole views).
export const PROTOCOL_VERSION = 2;

const cmdId = CmdIdSchema;

/**
 * A command event's payload is the command's body (declared once, in shared/model/session/commands.ts) and a
 * cmdId: the envelope takes the cmdId, the command's own strict schema the rest (see parseClientCommand).
 */
export const CommandEnvelopeSchema = z.object({ cmdId }).loose();
export type CommandPayload<E extends CommandEvent> = CommandBody<E> & { cmdId: string };
export type { CommandBody };

/** Join over the socket (the same as POST /api/sessions/:code/join). */
export const JoinSchema = z
  .object({ cmdId: cmdId.optional(), code: z.string().min(1).max(16), name: z.string().max(200) })
  .strict();
/** Ask for a full state again (after a reconnect or a gap). */
// It changes nothing, so a cmdId is allowed (clients send one with every payload) but not needed.
export const SyncSchema = z.object({ cmdId: cmdId.optional() }).strict();

/** The command events: one per student and host command. */
export const COMMAND_EVENTS = [...Object.keys(STUDENT_COMMANDS), ...Object.keys(HOST_COMMANDS)];
export type CommandEvent = ClientCommandType;
export type StudentEvent = StudentCommandType;
export type HostEvent = HostCommandType;
export const isCommandEvent = isClientCommandType;
/** Every event a client may send: the command events, `state:sync` and `session:join`. */
export const CLIENT_EVENTS = [...COMMAND_EVENTS, 'state:sync', 'session:join'] as const;
export const isHostEvent = isHostCommandType;

/** A command event's payload as the command it carries and its cmdId, or the first problem found. */
export function parseCommandEvent<E extends CommandEvent>(
  event: E,
  payload: unknown,
): { ok: true; cmdId: string; command: ClientCommand<E> } | { ok: false; error: z.ZodError } {
  const envelope = CommandEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return { ok: false, error: envelope.error };
  const parsed = parseClientCommand(event, withoutCmdId(payload));
  return parsed.ok ? { ok: true, cmdId: envelope.data.cmdId, command: parsed.command } : parsed;
}

/** The payload's own fields but the cmdId, copied from the payload itself: zod's copy of a loose object would turn
 * an own `__proto__` field (which the strict body refuses) into a prototype. */
function withoutCmdId(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || !('cmdId' in payload)) return payload;
  const { cmdId: _cmdId, ...body } = payload;
  return body;
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

/** What the server answers to a join (over the socket or POST /api/sessions/:code/join). */
export type JoinAck = Ack<JoinReply>;
/** A join's ack as received from another program (the session's owner in a cluster). */
export type ReceivedJoinAck = ReceivedAck<JoinReply>;

/** The Socket.IO event map of what a client sends: every command event, `state:sync` and `session:join` (their acks
 * as received: a server may relay the reply of a newer process of its cluster). */
export type ClientToServerEvents = {
  [E in CommandEvent]: (payload: CommandPayload<E>, ack: (reply: ReceivedAck<{ seq: number }>) => void) => void;
} & {
  'state:sync': (payload: z.input<typeof SyncSchema>, ack: (reply: ReceivedAck) => void) => void;
  'session:join': (payload: z.input<typeof JoinSchema>, ack: (reply: ReceivedJoinAck) => void) => void;
};
