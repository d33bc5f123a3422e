// JSON error replies with the protocol's stable codes.
import type { Response } from 'express';
import { errorText } from '../../shared/i18n/index.js';

const STATUS: Record<string, number> = {
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

export function sendError(res: Response, code: string, message?: string, details?: string[]): void {
  res
    .status(STATUS[code] ?? 400)
    .json({ error: { code, message: message ?? errorText('en', code), ...(details ? { details } : {}) } });
}
