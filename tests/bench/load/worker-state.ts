// The state of one student worker process (students.ts), shared by its modules: the sessions it plays, their
// students and commands, the open measurement window and the error counts. One mutable object, because ES module
// bindings cannot be reassigned from another module.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import type { ErrorCounts, FromWorker, SessionSpec, WorkerInit } from './ipc.js';

export type AckReply = { ok: true; seq: number } | { ok: false; error: { code: string; message: string } };

/** Proposal terms as the server stores and shows them (shared/model/negotiation.ts, in that key order). */
export interface Terms {
  openMarket: boolean;
  project: { host: string; hostShare: number; sidePayment: number } | null;
}

/** What a student command asked for: the export must hold the same. */
export type Action =
  | { event: 'decision:draft'; invest: string; barriers: string[] }
  | { event: 'proposal:submit'; to: string; terms: Terms };

export interface Cmd {
  seatId: string;
  action: Action;
  /** A draft as `invest|"X","Y"` (barriers in map order, as the view shows them); a proposal as `to|hostShare`. */
  key: string;
  sentAt: number;
  ackAt: number;
  seq: number;
  ackMs: number;
  updateMs: number;
  state: 'pending' | 'ok' | 'error' | 'timeout';
  step: number;
  /** Students in the command's session. */
  sessionSize: number;
}

/** The commands of one region of one world: every student of it lives in this process with its session. */
export interface RegionTrack {
  counter: number;
  /** The latest draft per draft key (keys repeat only every sectors × 2^(regions-1) drafts). */
  byKey: Map<string, Cmd>;
}

export interface Student {
  run: SessionRun;
  index: number;
  seatId: string;
  sock: Socket | null;
  region: string;
  others: string[];
  /** Regions of its world it can propose to: linked on the map and played by students (a bot would answer). */
  partners: string[];
  sectors: string[];
  track: RegionTrack | null;
  pending: Cmd[];
  ready: boolean;
  timer: NodeJS.Timeout | null;
  n: number;
}

export interface SessionRun {
  spec: SessionSpec;
  host: Socket | null;
  projector: Socket | null;
  hostPhase: string;
  phaseWaiters: (() => void)[];
  students: Student[];
  regions: Map<string, RegionTrack>;
  /** Accepted commands, for the check against the export. */
  acked: Cmd[];
  hostAcked: { seq: number; type: string; step: number }[];
  readyCount: number;
  active: boolean;
  hostCmds: number;
}

export function emptyErrors(): ErrorCounts {
  return {
    errorAcks: {},
    timeouts: 0,
    disconnects: 0,
    connectErrors: 0,
    connectErrorReasons: {},
    joinErrors: 0,
    joinErrorReasons: {},
  };
}

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

export const worker = {
  cfg: null as WorkerInit | null,
  runs: [] as SessionRun[],
  allSockets: new Set<Socket>(),
  /** The orchestrator's current step (commands and host commands are tagged with it). */
  step: 0,
  stopping: false,
  closing: false,
  /** During a reconnect storm (storm.ts): the disconnects are made on purpose, not errors. */
  dropping: false,
  inFlight: 0,
  windowOpen: false,
  windowCmds: [] as Cmd[],
  windowCpu: process.cpuUsage(),
  windowStart: 0,
  /** Full views and patches received by this process's sockets since the window opened, and the bytes of their frames. */
  views: 0,
  patches: 0,
  bytesIn: 0,
  /** Patches that did not fit the socket's view (one was missed): a state:sync asked for a full view. */
  resyncs: 0,
  loopDelay,
  errors: emptyErrors(),
};

export function send(m: FromWorker): void {
  process.send?.(m);
}

export function config(): WorkerInit {
  if (!worker.cfg) throw new Error('worker not initialised');
  return worker.cfg;
}

export function fatal(message: string): void {
  send({ type: 'fatal', workerId: worker.cfg?.workerId ?? -1, message });
}

export function regionTrack(run: SessionRun, world: number, region: string): RegionTrack {
  const k = `${world}:${region}`;
  let t = run.regions.get(k);
  if (!t) {
    t = { counter: 0, byKey: new Map() };
    run.regions.set(k, t);
  }
  return t;
}
