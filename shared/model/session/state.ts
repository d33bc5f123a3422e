// A live class session as plain JSON: the config, seats, phase clock, worlds and the accepted-command log.
// Every change goes through the pure reducer (reducer.ts) with a time stamped by the server.
import type { SessionConfig } from '../config.js';
import type { BotStrategy, RegionId, Treatment } from '../ids.js';
import type { LogEvent } from '../log.js';
import type { WorldLive } from '../world.js';

export const PHASES = ['lobby', 'briefing', 'negotiate', 'decide', 'results', 'ended'] as const;
export type Phase = (typeof PHASES)[number];
export const PLAY_PHASES = ['briefing', 'negotiate', 'decide', 'results'] as const;

export interface Seat {
  id: string;
  name: string;
  world: number;
  region: RegionId;
  joinedAt: string;
  kicked: boolean;
}

export interface ReformOverride {
  fromRound: number;
  /** null: every arm. */
  arm: number | null;
  treatments: Treatment[];
}

export interface Announcement {
  seq: number;
  at: string;
  text: string;
}

/** What a seat did for its region this round (teammates see who acted: docs/rules.md section 8). */
export const SEAT_ACTS = ['propose', 'counter', 'accept', 'reject', 'withdraw', 'submit'] as const;
export type SeatActKind = (typeof SEAT_ACTS)[number];

export interface SeatAct {
  world: number;
  region: RegionId;
  seatId: string;
  kind: SeatActKind;
  /** The proposal made (propose, counter) or answered (accept, reject, withdraw); null for a decision. */
  proposal: string | null;
}

export interface SessionState {
  code: string;
  seed: string;
  createdAt: string;
  config: SessionConfig;
  phase: Phase;
  paused: boolean;
  /** The round being played (0 in the lobby). */
  round: number;
  /** Absolute end of the current phase (ms since the epoch), null in the lobby, when paused or ended. */
  deadline: number | null;
  /** Time left when paused (ms). */
  remainingMs: number | null;
  locked: boolean;
  takeover: boolean;
  worldCount: number;
  seats: Seat[];
  nextSeat: number;
  /** Bot strategy per "world:region" chosen by the host; others use config.bots.strategy. */
  botStrategies: Record<string, BotStrategy>;
  overrides: ReformOverride[];
  announcements: Announcement[];
  worlds: WorldLive[];
  events: LogEvent[];
  /** The seats' actions of the current round, in order (cleared when a round begins). */
  acts: SeatAct[];
  /** Sequence number of the last accepted command. */
  seq: number;
}

export function regionKey(world: number, region: RegionId): string {
  return `${world}:${region}`;
}

export function createSessionState(args: {
  code: string;
  seed: string;
  createdAt: string;
  config: SessionConfig;
}): SessionState {
  const { config } = args;
  return {
    code: args.code,
    seed: args.seed,
    createdAt: args.createdAt,
    config,
    phase: 'lobby',
    paused: false,
    round: 0,
    deadline: null,
    remainingMs: null,
    locked: false,
    takeover: config.bots.takeover,
    worldCount: config.worlds.count === 'auto' ? config.arms.length : config.worlds.count,
    seats: [],
    nextSeat: 1,
    botStrategies: {},
    overrides: [],
    announcements: [],
    worlds: [],
    events: [],
    acts: [],
    seq: 0,
  };
}

export function activeSeats(state: SessionState): Seat[] {
  return state.seats.filter((s) => !s.kicked);
}
