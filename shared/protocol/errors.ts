// Stable error codes of the protocol. Every failed ack is { ok: false, error: { code, message } }; the client
// shows the code's text from the message catalogue in the user's language.
import { z } from 'zod';
import type { ErrorCode } from '../model/errors.js';

// The list itself lives with the rules (shared/model/errors.ts), which may not import the protocol.
export { ERROR_CODES, isErrorCode, type ErrorCode } from '../model/errors.js';

/** An error this program sends: the code is one of ERROR_CODES. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

/** A failed ack this program sends. */
export function failedAck(code: ErrorCode, message: string): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

/**
 * An error received from another program (the server as a client sees it, the owner of a session as another process
 * of the cluster sees it). Its code stays an open string: a newer program may send a code this one does not know,
 * which is then shown with its message (see receivedErrorText in shared/i18n).
 */
export const ReceivedErrorSchema = z.object({ code: z.string(), message: z.string() });
export type ReceivedError = z.output<typeof ReceivedErrorSchema>;

/** An ack as received; an Ack this program made is one too. */
export type ReceivedAck<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ReceivedError };

/** The failure of a received ack. */
export const FailedAckSchema = z.object({ ok: z.literal(false), error: ReceivedErrorSchema });

/** Any ack, as a client checks it (the fields of a success depend on the event). */
export const AckSchema = z.union([z.object({ ok: z.literal(true) }).loose(), FailedAckSchema]);
