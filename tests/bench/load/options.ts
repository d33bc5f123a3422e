// The command-line options of `npm run bench:load` (documented in the header of tests/bench/load.ts), parsed and
// checked once, so that the other modules get plain numbers.
import { parseArgs } from 'node:util';
import type { ActionKind } from './ipc.js';

export interface LoadOptions {
  steps: number[];
  measureMs: number;
  workerCount: number;
  /** Joins per second during a ramp-up, over all workers. */
  ramp: number;
  actionMs: number;
  action: ActionKind;
  bigSize: number;
  sessionSize: number;
  broadcastMs: string | undefined;
  profile: boolean;
  profileStudents: boolean;
  waitQuietS: number;
  /** The CPU priority (nice) of the processes that simulate students: see tests/bench/load/workers.ts. */
  nice: number;
  ackTimeoutMs: number;
  /** Time after the end of a measurement window for late acks and views to arrive. */
  graceMs: number;
  /** `steps` (the default), `join-burst`, `round-bytes`, `reconnect-storm` (steps, then the storm); with --nodes:
   * `failover`, `rolling-restart`, `adapters`. */
  scenario: Scenario;
  /** join-burst: students joining the other session, and how many at a time. */
  joins: number;
  concurrency: number;
  /** --nodes N: cluster figures with N processes on PostgreSQL (tests/bench/load/cluster.ts); 1 = the usual run. */
  nodes: number;
  kills: number;
  /** --scenario rolling-restart: how many owners get SIGTERM. */
  restarts: number;
}

export const CLUSTER_SCENARIOS = ['failover', 'rolling-restart', 'adapters'] as const;
export type Scenario = 'steps' | 'join-burst' | 'round-bytes' | 'reconnect-storm' | (typeof CLUSTER_SCENARIOS)[number];
const SCENARIOS: readonly Scenario[] = ['steps', 'join-burst', 'round-bytes', 'reconnect-storm', ...CLUSTER_SCENARIOS];

const ACTIONS: readonly ActionKind[] = ['draft', 'proposal'];

export function parseOptions(): LoadOptions {
  const { values: opt } = parseArgs({
    options: {
      steps: { type: 'string' },
      measure: { type: 'string' },
      workers: { type: 'string', default: '3' },
      ramp: { type: 'string', default: '100' },
      'action-ms': { type: 'string', default: '5000' },
      action: { type: 'string', default: 'draft' },
      big: { type: 'string', default: '300' },
      session: { type: 'string', default: '30' },
      'broadcast-ms': { type: 'string' },
      profile: { type: 'boolean', default: false },
      'profile-students': { type: 'boolean', default: false },
      'wait-quiet': { type: 'string', default: '60' },
      nice: { type: 'string', default: '5' },
      scenario: { type: 'string', default: 'steps' },
      joins: { type: 'string', default: '600' },
      concurrency: { type: 'string', default: '50' },
      nodes: { type: 'string', default: '1' },
      kills: { type: 'string', default: '20' },
      restarts: { type: 'string', default: '10' },
    },
  });
  // The reconnect storm drops 1,000 students by default, after one short measured step.
  const storm = opt.scenario === 'reconnect-storm';
  const o: LoadOptions = {
    steps: (opt.steps ?? (storm ? '1000' : '500,1000,2000,3000')).split(',').map((s) => Number(s.trim())),
    measureMs: Number(opt.measure ?? (storm ? '10' : '25')) * 1000,
    workerCount: Number(opt.workers),
    ramp: Number(opt.ramp),
    actionMs: Number(opt['action-ms']),
    action: opt.action as ActionKind,
    bigSize: Number(opt.big),
    sessionSize: Number(opt.session),
    broadcastMs: opt['broadcast-ms'],
    profile: opt.profile,
    profileStudents: opt['profile-students'],
    waitQuietS: Number(opt['wait-quiet']),
    nice: Number(opt.nice),
    ackTimeoutMs: 10_000,
    graceMs: 2_000,
    scenario: opt.scenario as Scenario,
    joins: Number(opt.joins),
    concurrency: Number(opt.concurrency),
    nodes: Number(opt.nodes),
    kills: Number(opt.kills),
    restarts: Number(opt.restarts),
  };
  if (!SCENARIOS.includes(o.scenario)) throw new Error(`bad --scenario ${opt.scenario}: ${SCENARIOS.join(', ')}`);
  if (
    o.steps.some((s) => !Number.isInteger(s) || s <= 0) ||
    [o.measureMs, o.workerCount, o.ramp, o.actionMs, o.sessionSize].some((v) => !(v > 0)) ||
    !Number.isInteger(o.nice) ||
    o.nice < 0 ||
    o.nice > 19
  ) {
    throw new Error('bad options: see the header of tests/bench/load.ts');
  }
  if (!ACTIONS.includes(o.action)) {
    // A mix in one session cannot work: drafts are accepted only in the decide phase, proposals only in negotiate.
    throw new Error(`bad --action ${opt.action}: draft or proposal (see the header of tests/bench/load.ts)`);
  }
  return o;
}
