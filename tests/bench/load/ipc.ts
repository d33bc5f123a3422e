// Messages between the load orchestrator (tests/bench/load.ts) and its student worker processes (students.ts).

/** What every student sends: a decision draft (decide phase) or a proposal (negotiate phase). */
export type ActionKind = 'draft' | 'proposal';

export interface SessionSpec {
  code: string;
  hostToken: string;
  projectorToken: string;
  students: number;
}

export interface WorkerInit {
  type: 'init';
  workerId: number;
  base: string;
  /** Mean time between two actions of one student (ms); each gap is jittered by ±20 %. */
  actionMs: number;
  action: ActionKind;
  ackTimeoutMs: number;
  /** Time after the end of a measurement window for late acks and views to arrive. */
  graceMs: number;
}

export type ToWorker =
  | WorkerInit
  | { type: 'add'; step: number; sessions: SessionSpec[]; ratePerSecond: number }
  | { type: 'measureStart'; step: number }
  | { type: 'measureEnd'; step: number }
  | { type: 'stop' }
  | { type: 'verify' }
  | { type: 'storm'; timeoutMs: number }
  | { type: 'exit' };

export interface ErrorCounts {
  /** Acks with ok: false, by error code. */
  errorAcks: Record<string, number>;
  /** Commands without an ack within ackTimeoutMs. */
  timeouts: number;
  /** Unexpected disconnects of student, host or projector sockets. */
  disconnects: number;
  connectErrors: number;
  /** connect_error messages (e.g. "timeout", "websocket error"), counted. */
  connectErrorReasons: Record<string, number>;
  /** Failed HTTP joins. */
  joinErrors: number;
  /** Join errors by reason (the first 80 characters of the error). */
  joinErrorReasons: Record<string, number>;
}

export interface WindowReport {
  type: 'report';
  workerId: number;
  step: number;
  /** Student commands sent during the window. */
  commands: number;
  /** Send -> ack (ms) of each command sent in the window; an ack still missing after the grace time counts its age so far. */
  ack: number[];
  /** The size of the session (students) each of `ack` was sent in, in the same order. */
  ackSession: number[];
  /** When each command was sent (ms since the epoch, comparable across processes), in the order of `ack`. */
  ackSentAt: number[];
  /** Send -> first state:view reflecting the command (ms); likewise a lower bound when none came. */
  update: number[];
  /** Commands of the window still without an ack / accepted commands without a reflecting view at report time. */
  ackMissing: number;
  updateMissing: number;
  /** Errors since the previous report (so a step's row covers its ramp-up too). */
  errors: ErrorCounts;
  /** Full views (state:view) and patches (state:patch) the worker's sockets received during the window. */
  views: number;
  patches: number;
  /** Bytes of every frame the worker's sockets received during the window (views, patches, acks...). */
  bytesIn: number;
  /** Patches that did not fit their socket's view, so that it asked for a full view (state:sync). */
  resyncs: number;
  /** The worker's own CPU time during the window (ms) and the window length (ms). */
  cpuMs: number;
  windowMs: number;
  /** The worker's event-loop delay p99 in the window (ms): how far the load generator itself lagged. */
  loopDelayP99: number;
  sockets: number;
}

export interface VerifyReport {
  type: 'verified';
  workerId: number;
  sessions: number;
  /** Acknowledged commands (students and host) checked against the export. */
  checked: number;
  /** Acknowledged commands whose seq is missing from the export's events, by the step during which they were sent. */
  lostByStep: Record<number, number>;
  /** Present, but with another actor, type, decision or proposal than the one sent. */
  mismatched: number;
  failures: string[];
}

export type FromWorker =
  | { type: 'ready'; workerId: number; step: number; sockets: number }
  | WindowReport
  | { type: 'stopped'; workerId: number; inFlight: number }
  | VerifyReport
  | StormReport
  | { type: 'fatal'; workerId: number; message: string };

/** A reconnect storm's outcome in one worker (storm.ts). */
export interface StormReport {
  type: 'stormed';
  workerId: number;
  /** Drop -> back in the seat with a full view (ms), per student back in time. */
  times: number[];
  /** Students not back within the timeout. */
  missing: number;
  connectErrors: number;
}
