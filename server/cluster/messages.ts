// Messages between the processes of a cluster, sent with Socket.IO's serverSideEmit over the adapter (PostgreSQL
// NOTIFY). Every process receives every message; `to` names the one it is for. Parsed like any other input.
import { z } from 'zod';
import { isCommandEvent, parseCommandEvent } from '../../shared/protocol/events.js';
import type { SessionCommand } from '../../shared/model/session/commands.js';
import { FailedAckSchema } from '../../shared/protocol/errors.js';
import { JoinReplySchema } from '../../shared/protocol/http.js';

export const EVENTS = {
  /** The owner stored commands up to `seq`: followers read them from the store. */
  seq: 'cluster:seq',
  presence: 'cluster:presence',
  presenceAsk: 'cluster:presence?',
  presenceTell: 'cluster:presence!',
  request: 'cluster:request',
  reply: 'cluster:reply',
  /** A stopping process gave these sessions up: take them over now. */
  released: 'cluster:released',
} as const;

const nodeId = z.string().min(1).max(64);
const code = z.string().min(1).max(16);
const seatId = z.string().min(1).max(32);

export const SeqMessage = z.object({
  from: nodeId,
  items: z.array(z.object({ code, seq: z.int().min(0) })).max(10_000),
});
export const PresenceMessage = z.object({ from: nodeId, code, seatId, delta: z.union([z.literal(1), z.literal(-1)]) });
export const PresenceAsk = z.object({ from: nodeId, code });
export const PresenceTell = z.object({
  from: nodeId,
  to: nodeId,
  code,
  seats: z.record(seatId, z.int().min(0)),
});
export const ReleasedMessage = z.object({ from: nodeId, codes: z.array(code) });

const ActorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('host') }),
  z.object({ kind: z.literal('seat'), seatId }),
]);
export type ForwardedActor = z.output<typeof ActorSchema>;

export const ForwardRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('submit'),
    actor: ActorSchema,
    cmdId: z.string(),
    command: z.record(z.string(), z.unknown()),
  }),
  // `ip`: the joiner's address, for the owner's join limit (absent from a process of an older version).
  z.object({
    kind: z.literal('join'),
    name: z.string(),
    cmdId: z.string().optional(),
    ip: z.string().max(100).optional(),
  }),
]);
export type ForwardRequest = z.output<typeof ForwardRequest>;

export const RequestMessage = z.object({ id: z.string(), from: nodeId, to: nodeId, code, request: ForwardRequest });

// The owner's acks: its error codes stay open strings (during a rolling upgrade the owner may be newer).
export const SubmitAck = z.union([z.object({ ok: z.literal(true), seq: z.int() }), FailedAckSchema]);
export const JoinAckSchema = z.union([JoinReplySchema.extend({ ok: z.literal(true) }), FailedAckSchema]);
export const ReplyMessage = z.object({
  id: z.string(),
  to: nodeId,
  /** Set when the receiver does not run the session (any more): ask again who does. */
  notOwner: z.boolean(),
  ack: z.unknown(),
});

/** Sends a message to every other process of the cluster. */
export type SendToOthers = <E extends keyof InterServerEvents>(
  event: E,
  ...args: Parameters<InterServerEvents[E]>
) => void;

/** The Socket.IO event map between processes (a receiver still parses every message: it crossed the network). */
export interface InterServerEvents {
  [EVENTS.seq]: (msg: z.input<typeof SeqMessage>) => void;
  [EVENTS.presence]: (msg: z.input<typeof PresenceMessage>) => void;
  [EVENTS.presenceAsk]: (msg: z.input<typeof PresenceAsk>) => void;
  [EVENTS.presenceTell]: (msg: z.input<typeof PresenceTell>) => void;
  [EVENTS.request]: (msg: z.input<typeof RequestMessage>) => void;
  [EVENTS.reply]: (msg: z.input<typeof ReplyMessage>) => void;
  [EVENTS.released]: (msg: z.input<typeof ReleasedMessage>) => void;
}

/**
 * A forwarded command is parsed again by the owner with the command's own schema (the sending process already
 * refused anything invalid, rate-limited the socket and checked its role; this guards the hop between processes).
 */
export function parseForwardedCommand(cmdId: string, raw: Record<string, unknown>): SessionCommand | null {
  const { type, ...rest } = raw;
  if (typeof type !== 'string' || !isCommandEvent(type)) return null;
  const parsed = parseCommandEvent(type, { ...rest, cmdId });
  return parsed.ok ? parsed.command : null;
}
