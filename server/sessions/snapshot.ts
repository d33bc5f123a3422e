// Snapshot rows are parsed before use, the whole state (shared/protocol/session-state.ts); a snapshot that does
// not parse is ignored and the session is rebuilt from its full command log instead (the log is the source of truth).
import { SessionStateSchema } from '../../shared/protocol/session-state.js';
import type { SessionState } from '../../shared/model/session/state.js';

export function parseSnapshotState(raw: unknown): SessionState | null {
  const r = SessionStateSchema.safeParse(raw);
  return r.success ? r.data : null;
}
