// JSON error replies with the protocol's stable codes.
import type { Response } from 'express';
import { errorText } from '../../shared/i18n/index.js';
import { isErrorCode, type ErrorCode, type ReceivedError } from '../../shared/protocol/errors.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  INVALID_NAME: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  KICKED: 403,
  NOT_FOUND: 404,
  LOBBY_LOCKED: 409,
  SESSION_ENDED: 409,
  STALE: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function sendError(res: Response, code: ErrorCode, message?: string, details?: string[]): void {
  res
    .status(STATUS[code] ?? 400)
    .json({ error: { code, message: message ?? errorText('en', code), ...(details ? { details } : {}) } });
}

/** An error received from the session's owner (another process of the cluster, maybe newer): passed on as it is. */
export function relayError(res: Response, error: ReceivedError): void {
  if (isErrorCode(error.code)) return sendError(res, error.code, error.message);
  res.status(400).json({ error: { code: error.code, message: error.message } });
}
