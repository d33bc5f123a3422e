// replay(log): recomputes every round of a section-11 log from its config, seeds, agreements and decisions, and
// reports every figure, draw and state that differs. The debrief trusts a log only if this passes.
import { flagsOf } from './ids.js';
import { compileMap } from './compiled.js';
import { describeIssues, mapById, parseConfig, worldSeed, type SessionConfig } from './config.js';
import { validateDecision } from './decisions.js';
import { drawRound } from './draws.js';
import { SessionLogSchema, type RoundLog, type SessionLog, type WorldLog } from './log.js';
import { agreementId, tprevOf } from './negotiation.js';
import { promotions } from './promotion.js';
import { playRound, type RoundRecord } from './round.js';
import { initialState, type Agreement, type RecordedDecision, type WorldRules, type WorldState } from './state.js';
import type { WorldLive } from './world.js';

export interface ReplayProblem {
  world: number;
  round: number | null;
  what: string;
}

export interface ReplayReport {
  ok: boolean;
  /** Set when the file is not a readable log at all. */
  error?: string;
  worlds: { index: number; rounds: number; figures: number; maxRelativeError: number }[];
  problems: ReplayProblem[];
}

export interface ReplayOutput {
  report: ReplayReport;
  log: SessionLog | null;
  config: SessionConfig | null;
  /** The recomputed worlds (history and state), when the log could be read. */
  worlds: WorldLive[];
}

const MAX_PROBLEMS = 200;

class Checker {
  problems: ReplayProblem[] = [];
  figures = 0;
  maxRel = 0;
  constructor(private readonly tolerance: number) {}
  add(world: number, round: number | null, what: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ world, round, what });
  }
  num(world: number, round: number | null, label: string, actual: number, expected: number): void {
    this.figures++;
    const rel = Math.abs(actual - expected) / Math.max(1, Math.abs(actual), Math.abs(expected));
    if (Number.isFinite(rel)) this.maxRel = Math.max(this.maxRel, rel);
    if (!(rel <= this.tolerance)) this.add(world, round, `${label}: logged ${expected}, recomputed ${actual}`);
  }
  same(world: number, round: number | null, label: string, actual: unknown, expected: unknown): void {
    this.figures++;
    if (actual !== expected)
      this.add(world, round, `${label}: logged ${String(expected)}, recomputed ${String(actual)}`);
  }
}

function checkAgreements(rules: WorldRules, state: WorldState, rl: RoundLog, w: number, c: Checker): Agreement[] {
  const cm = compileMap(rules.map, rules.params);
  const ctx = { rules, treatments: rl.treatments, state };
  const seen = new Set<string>();
  const out: Agreement[] = [];
  for (const ag of rl.agreements) {
    const ia = cm.regionIndex.get(ag.a);
    const ib = cm.regionIndex.get(ag.b);
    if (ia === undefined || ib === undefined || ia >= ib || cm.linked[ia * cm.n + ib] !== 1) {
      c.add(w, rl.round, `agreement ${ag.id}: ${ag.a}-${ag.b} is not a linked pair in map order`);
      continue;
    }
    if (ag.id !== agreementId(rl.round, ag.a, ag.b, ag.type) || seen.has(ag.id))
      c.add(w, rl.round, `agreement ${ag.id}: id is wrong or repeated`);
    seen.add(ag.id);
    if (ag.type === 'project') {
      if (ag.host !== ag.a && ag.host !== ag.b)
        c.add(w, rl.round, `agreement ${ag.id}: host must be ${ag.a} or ${ag.b}`);
      if (ag.hostShare === null || ag.hostShare < 0 || ag.hostShare > 1)
        c.add(w, rl.round, `agreement ${ag.id}: hostShare must be in [0, 1]`);
      if (ag.sidePayment < 0 || (ag.host !== null && ag.sidePayment > tprevOf(ctx, ag.host) + 1e-9))
        c.add(w, rl.round, `agreement ${ag.id}: side payment outside [0, host's previous tax]`);
      out.push({ ...ag, hostShare: ag.hostShare ?? 0.5 });
    } else {
      out.push({ ...ag, host: null, hostShare: null, sidePayment: 0 });
    }
  }
  return out;
}

function checkDecisions(
  rules: WorldRules,
  agreements: Agreement[],
  rl: RoundLog,
  w: number,
  c: Checker,
): Record<string, RecordedDecision> | null {
  const out: Record<string, RecordedDecision> = {};
  for (const r of rules.map.regions) {
    const d = rl.decisions[r.id];
    if (!d) {
      c.add(w, rl.round, `no decision for region ${r.id}`);
      return null;
    }
    const v = validateDecision(rules, r.id, agreements, d);
    if (!v.ok) {
      c.add(w, rl.round, `decision of ${r.id}: ${v.error.message}`);
      return null;
    }
    out[r.id] = { ...v.value, comply: { ...d.comply }, source: d.source };
  }
  return out;
}

function compareRound(rec: RoundRecord, rl: RoundLog, w: number, c: Checker): void {
  const r = rl.round;
  for (const [id, logged] of Object.entries(rl.results.regions)) {
    const mine = rec.results.regions[id];
    if (!mine) {
      c.add(w, r, `results name unknown region ${id}`);
      continue;
    }
    for (const [field, value] of Object.entries(logged)) {
      const actual = mine[field as keyof typeof mine];
      if (typeof value === 'boolean') c.same(w, r, `${id}.${field}`, actual, value);
      else c.num(w, r, `${id}.${field}`, Number(actual), value);
    }
  }
  c.num(w, r, 'gAll', rec.results.gAll, rl.results.gAll);
  c.num(w, r, 'welfare', rec.results.welfare, rl.results.welfare);
  if (rl.results.benchmarkWelfare !== undefined)
    c.num(w, r, 'benchmarkWelfare', rec.results.benchmarkWelfare, rl.results.benchmarkWelfare);
  const after = rl.stateAfter;
  if (!after) return;
  for (const key of ['promo', 'career', 'budget', 'pilotsUsed'] as const) {
    for (const [id, v] of Object.entries(after[key] ?? {}))
      c.num(w, r, `stateAfter.${key}.${id}`, rec.stateAfter[key][id] ?? NaN, v);
  }
  for (const [id, row] of Object.entries(after.K ?? {})) {
    for (const [k, v] of Object.entries(row))
      c.num(w, r, `stateAfter.K.${id}.${k}`, rec.stateAfter.K[id]?.[k] ?? NaN, v);
  }
}

function replayWorld(cfg: SessionConfig, sessionSeed: string, wl: WorldLog, c: Checker): WorldLive | null {
  const w = wl.index;
  let map;
  try {
    map = mapById(cfg, wl.map);
  } catch {
    c.add(w, null, `unknown map ${wl.map}`);
    return null;
  }
  const rules: WorldRules = { params: cfg.params, map };
  if (wl.seed !== worldSeed(sessionSeed, w))
    c.add(w, null, `world seed ${wl.seed} is not ${worldSeed(sessionSeed, w)}`);
  let state = initialState(rules);
  for (const r of map.regions) {
    c.num(w, null, `initial.gdp.${r.id}`, state.prev[r.id]?.gdp ?? NaN, wl.initial.gdp[r.id] ?? NaN);
    c.num(w, null, `initial.consBase.${r.id}`, state.prev[r.id]?.consBase ?? NaN, wl.initial.consBase[r.id] ?? NaN);
  }
  const initial = structuredClone(state.prev);
  const history: RoundRecord[] = [];
  for (const rl of wl.rounds) {
    if (rl.round !== state.round + 1) {
      c.add(w, rl.round, `round ${rl.round} follows round ${state.round}`);
      break;
    }
    const agreements = checkAgreements(rules, state, rl, w, c);
    const decisions = checkDecisions(rules, agreements, rl, w, c);
    if (!decisions) break;
    const draws = drawRound(wl.seed, rl.round, agreements, cfg.params, flagsOf(rl.treatments).E);
    for (const ag of agreements) {
      if (ag.type === 'project') c.same(w, rl.round, `draws.shock.${ag.id}`, draws.shock[ag.id], rl.draws.shock[ag.id]);
      c.same(w, rl.round, `draws.audit.${ag.id}`, draws.audit[ag.id], rl.draws.audit[ag.id]);
    }
    const extra = [...Object.keys(rl.draws.shock), ...Object.keys(rl.draws.audit)].filter(
      (id) => !agreements.some((a) => a.id === id),
    );
    if (extra.length > 0) c.add(w, rl.round, `draws for unknown agreements: ${extra.join(', ')}`);
    const lost = history[history.length - 1]?.metrics.cumulativeWelfareLost ?? 0;
    const rec = playRound(rules, wl.seed, rl.treatments, state, agreements, decisions, lost, draws);
    compareRound(rec, rl, w, c);
    history.push(rec);
    state = rec.stateAfter;
  }
  if (wl.promoted) {
    const ids = map.regions.map((r) => r.id);
    const closed = promotions(ids, history, false);
    const all = promotions(ids, history, true);
    const key = (list: { afterRound: number; regionId: string }[]) =>
      list.map((p) => `${p.afterRound}:${p.regionId}`).join(',');
    const logged = key(wl.promoted);
    if (logged !== key(closed) && logged !== key(all))
      c.add(w, null, `promotions ${logged || 'none'} differ from recomputed ${key(all)}`);
  }
  return { index: w, seed: wl.seed, arm: wl.arm, mapId: wl.map, initial, state, history, current: null };
}

/** Replays a log (any JSON value); never throws on bad input. */
export function replay(input: unknown, tolerance = 1e-9): ReplayOutput {
  const parsed = SessionLogSchema.safeParse(input);
  if (!parsed.success) {
    const error = `not a valid Promotion Race log: ${describeIssues(parsed.error).slice(0, 5).join('; ')}`;
    return { report: { ok: false, error, worlds: [], problems: [] }, log: null, config: null, worlds: [] };
  }
  const log = parsed.data;
  const cfgResult = parseConfig(log.session.config ?? {});
  if (!cfgResult.ok) {
    const error = `the log's session config is invalid: ${cfgResult.errors.slice(0, 5).join('; ')}`;
    return { report: { ok: false, error, worlds: [], problems: [] }, log, config: null, worlds: [] };
  }
  const cfg = cfgResult.value;
  const report: ReplayReport = { ok: true, worlds: [], problems: [] };
  const worlds: WorldLive[] = [];
  for (const wl of log.worlds) {
    const c = new Checker(tolerance);
    try {
      const world = replayWorld(cfg, log.session.seed, wl, c);
      if (world) worlds.push(world);
    } catch (e) {
      c.add(wl.index, null, `could not be replayed: ${e instanceof Error ? e.message : String(e)}`);
    }
    report.worlds.push({ index: wl.index, rounds: wl.rounds.length, figures: c.figures, maxRelativeError: c.maxRel });
    report.problems.push(...c.problems);
  }
  report.ok = report.problems.length === 0;
  return { report, log, config: cfg, worlds };
}
