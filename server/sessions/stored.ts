// Stored commands applied again: when a session is rebuilt from its log (recovery) and when a read copy follows the
// owner's log (server/cluster). A stored payload crossed a boundary (the database) and is parsed like any input.
import { SessionCommandSchema, type Actor, type SessionCommand } from '../../shared/model/session/commands.js';
import { applyCommand } from '../../shared/model/session/reducer.js';
import type { SessionState } from '../../shared/model/session/state.js';
import type { StoredCommand } from '../store/types.js';

export function actorFromLabel(label: string): Actor {
  if (label === 'host') return { kind: 'host' };
  if (label.startsWith('seat:')) return { kind: 'seat', seatId: label.slice(5) };
  return { kind: 'system' };
}

export interface Reapplied {
  /** The state after the command, at its seq (unchanged but the seq when it is refused). */
  state: SessionState;
  /** The command and its actor, when it parsed. */
  applied: { actor: Actor; command: SessionCommand } | null;
  /** Why it was not applied: an invalid payload, or the reducer's refusal (the owner's reducer accepted it). */
  error: string | null;
}

export function reapply(state: SessionState, stored: StoredCommand): Reapplied {
  const parsed = SessionCommandSchema.safeParse(stored.payload);
  if (!parsed.success) {
    return {
      state: { ...state, seq: stored.seq },
      applied: null,
      error: `invalid stored command: ${parsed.error.message}`,
    };
  }
  const applied = { actor: actorFromLabel(stored.actor), command: parsed.data };
  const r = applyCommand(state, applied.actor, applied.command, stored.at);
  if (!r.ok) return { state: { ...state, seq: stored.seq }, applied, error: `${r.error.code}: ${r.error.message}` };
  return { state: { ...r.value, seq: stored.seq }, applied, error: null };
}
