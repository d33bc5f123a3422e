// Rule violations carry a stable code (shown translated to players) and an English message (for logs and tools).

export interface RuleError {
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RuleError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
