// The commands the session reducer accepts, after the protocol layer has parsed and authenticated them.
import type { BotStrategy, RegionId, Treatment } from '../ids.js';
import type { PresetMessage, ProposalTerms } from '../negotiation.js';
import type { Decision } from '../state.js';
import type { Phase } from './state.js';

export type Actor = { kind: 'host' } | { kind: 'seat'; seatId: string } | { kind: 'system' };

export interface RegionRef {
  world: number;
  region: RegionId;
}

export type StudentCommand =
  | { type: 'proposal:submit'; to: RegionId; terms: ProposalTerms; message?: PresetMessage | null }
  | { type: 'proposal:accept'; proposalId: string }
  | { type: 'proposal:reject'; proposalId: string }
  | { type: 'proposal:counter'; proposalId: string; terms: ProposalTerms; message?: PresetMessage | null }
  | { type: 'proposal:withdraw'; proposalId: string }
  | { type: 'negotiation:done'; done: boolean }
  | { type: 'decision:draft'; decision: Decision }
  | { type: 'decision:submit'; decision: Decision };

export type HostCommand =
  | { type: 'host:start' }
  | { type: 'host:pause' }
  | { type: 'host:resume' }
  | { type: 'host:addTime'; seconds: number }
  /** `takeover` is added by the server: regions whose students are all away, played by their bot. */
  | { type: 'host:endPhase'; takeover?: RegionRef[] }
  /** The one-button flow: starts the game from the lobby, otherwise ends the current phase now. */
  | { type: 'host:advance'; takeover?: RegionRef[] }
  | { type: 'host:setReforms'; arm: number | null; treatments: Treatment[] }
  | { type: 'host:fillBots'; strategy: BotStrategy }
  | { type: 'host:renameSeat'; seatId: string; name: string }
  | { type: 'host:moveSeat'; seatId: string; world: number; region: RegionId }
  | { type: 'host:kickSeat'; seatId: string }
  | { type: 'host:lock'; locked: boolean }
  | { type: 'host:setTakeover'; enabled: boolean }
  | { type: 'host:announce'; text: string }
  | { type: 'host:endGame' };

export type SystemCommand =
  | { type: 'session:join'; name: string }
  | { type: 'phase:timeout'; round: number; phase: Phase; takeover?: RegionRef[] }
  /** After a restart: the running phase gets a new deadline. */
  | { type: 'system:resume'; deadline: number };

export type SessionCommand = StudentCommand | HostCommand | SystemCommand;

export function actorLabel(actor: Actor): string {
  return actor.kind === 'seat' ? `seat:${actor.seatId}` : actor.kind;
}
