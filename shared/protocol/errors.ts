// Stable error codes of the protocol. Every failed ack is { ok: false, error: { code, message } }; the client
// shows the code's text from the message catalogue in the user's language.
import { z } from 'zod';

export const ERROR_CODES = [
  // transport and authentication
  'BAD_REQUEST',
  'UNKNOWN_EVENT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'KICKED',
  'SESSION_ENDED',
  'LOBBY_LOCKED',
  'INVALID_NAME',
  'INTERNAL',
  'SERVER_BUSY',
  'TIMEOUT',
  // session flow
  'WRONG_PHASE',
  'PAUSED',
  'ALREADY_PAUSED',
  'NOT_PAUSED',
  'STALE',
  'REFORM_FIXED',
  'INVALID_TEXT',
  'NO_ROUND',
  // negotiation rules
  'UNKNOWN_REGION',
  'NOT_LINKED',
  'EMPTY_PROPOSAL',
  'INVALID_HOST',
  'INVALID_SHARE',
  'INVALID_PAYMENT',
  'PAYMENT_TOO_LARGE',
  'ALREADY_SIGNED',
  'NEGOTIATION_CLOSED',
  'UNKNOWN_PROPOSAL',
  'PROPOSAL_NOT_PENDING',
  'NOT_RECIPIENT',
  'NOT_PROPOSER',
  // decision rules
  'INVALID_INVEST',
  'INVALID_BARRIER',
  'INVALID_COMPLY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  /** One of ERROR_CODES (kept open so that an older client can show a newer code). */
  code: string;
  message: string;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

/** Any ack, as a client checks it (the fields of a success depend on the event). */
export const AckSchema = z.union([
  z.object({ ok: z.literal(true) }).loose(),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
