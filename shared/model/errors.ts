// Rule violations carry a stable code (shown translated to players) and an English message (for logs and tools).

/** Every stable error code, once: the rules', the sessions' and the transport's (the protocol re-exports it). */
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
  // negotiation rules
  'UNKNOWN_REGION',
  'NOT_LINKED',
  'EMPTY_PROPOSAL',
  'INVALID_HOST',
  'INVALID_SHARE',
  'INVALID_PAYMENT',
  'PAYMENT_TOO_LARGE',
  'ALREADY_SIGNED',
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

/** Whether a code received from elsewhere (maybe a newer program) is one this program knows. */
export function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

export interface RuleError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RuleError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
