// resolveRound and expectedOutcome (docs/rules.md section 7) on JSON inputs: converts to flat arrays, settles, converts back.
import { compileMap, regionIdx, sectorIdx, type CompiledMap } from './compiled.js';
import { flagsOf, type Treatment } from './ids.js';
import type { Params } from './params.js';
import {
  makeCtx,
  settle,
  type CAgreement,
  type CDecisions,
  type CDraws,
  type Outcome,
  type RoundCtx,
} from './settle.js';
import type { Agreement, Decision, Draws, RegionResult, RoundResults, WorldRules, WorldState } from './state.js';

/** The flat form of a world state at the start of a round. */
export function prepareRound(rules: WorldRules, treatments: readonly Treatment[], state: WorldState): RoundCtx {
  const cm = compileMap(rules.map, rules.params);
  const { n, s } = cm;
  const K = new Float64Array(n * s);
  const prevGdp = new Float64Array(n);
  const prevCons = new Float64Array(n);
  const pilots = new Float64Array(n);
  cm.regionIds.forEach((id, i) => {
    const row = state.K[id];
    const prev = state.prev[id];
    if (!row || !prev) throw new RangeError(`state has no region ${id}`);
    cm.sectorIds.forEach((k, kk) => {
      K[i * s + kk] = row[k] ?? 0;
    });
    prevGdp[i] = prev.gdp;
    prevCons[i] = prev.consBase;
    pilots[i] = state.pilotsUsed[id] ?? 0;
  });
  return makeCtx(cm, rules.params, flagsOf(treatments), K, prevGdp, prevCons, pilots);
}

export function compileAgreements(cm: CompiledMap, agreements: readonly Agreement[]): CAgreement[] {
  return agreements.map((ag) => {
    const a = regionIdx(cm, ag.a);
    const b = regionIdx(cm, ag.b);
    if (ag.type === 'openMarket') return { type: 0, a, b, host: -1, hostShare: 0, sidePayment: 0 };
    if (ag.host !== ag.a && ag.host !== ag.b)
      throw new RangeError(`agreement ${ag.id}: the host must be one of its parties`);
    return { type: 1, a, b, host: regionIdx(cm, ag.host), hostShare: ag.hostShare ?? 0.5, sidePayment: ag.sidePayment };
  });
}

export function compileDecisions(
  cm: CompiledMap,
  agreements: readonly Agreement[],
  decisions: Readonly<Record<string, Decision>>,
): CDecisions {
  const { n } = cm;
  const invest = new Int32Array(n);
  const blocked = new Uint8Array(n * n);
  cm.regionIds.forEach((id, j) => {
    const d = decisions[id];
    if (!d) throw new RangeError(`no decision for region ${id}`);
    invest[j] = sectorIdx(cm, d.invest);
    for (const target of d.barriers) blocked[j * n + regionIdx(cm, target)] = 1;
  });
  const pay = new Uint8Array(2 * agreements.length);
  agreements.forEach((ag, g) => {
    pay[2 * g] = decisions[ag.a]?.comply[ag.id] === 'breach' ? 0 : 1;
    pay[2 * g + 1] = decisions[ag.b]?.comply[ag.id] === 'breach' ? 0 : 1;
  });
  return { invest, blocked, pay };
}

export function exactDraws(params: Params, agreements: readonly Agreement[], draws: Draws): CDraws {
  const m = agreements.length;
  const out: CDraws = { factor: new Float64Array(m), pNeg: new Float64Array(m), pAudit: new Float64Array(m) };
  agreements.forEach((ag, g) => {
    const audited = draws.audit[ag.id];
    if (audited === undefined) throw new RangeError(`no audit draw for ${ag.id}`);
    out.pAudit[g] = audited ? 1 : 0;
    if (ag.type === 'project') {
      const eps = draws.shock[ag.id];
      if (eps === undefined) throw new RangeError(`no shock draw for ${ag.id}`);
      out.factor[g] = 1 + params.project.sigma * eps;
      out.pNeg[g] = eps < 0 ? 1 : 0;
    }
  });
  return out;
}

/** Probabilities in place of outcomes: the expectation over shocks and audits. */
export function expectedDraws(params: Params, count: number, underE: boolean): CDraws {
  let meanEps = 0;
  let pNeg = 0;
  for (const o of params.project.shock) {
    meanEps += o.p * o.epsilon;
    if (o.epsilon < 0) pNeg += o.p;
  }
  const audit = (underE ? params.enforcementE : params.enforcement).audit;
  return {
    factor: new Float64Array(count).fill(1 + params.project.sigma * meanEps),
    pNeg: new Float64Array(count).fill(pNeg),
    pAudit: new Float64Array(count).fill(audit),
  };
}

export function outcomeToResults(cm: CompiledMap, o: Outcome): RoundResults {
  const regions: Record<string, RegionResult> = {};
  cm.regionIds.forEach((id, i) => {
    const at = (arr: Float64Array) => arr[i] as number;
    regions[id] = {
      gdp: at(o.gdp),
      consBase: at(o.consBase),
      g: at(o.g),
      tax: at(o.tax),
      outlay: at(o.outlay),
      inflow: at(o.inflow),
      fiscalGrowth: at(o.fiscalGrowth),
      score: at(o.score),
      career: at(o.career),
      dup: o.dup[i] === 1,
      nBar: at(o.nBar),
      honoured: at(o.honoured),
      breaches: at(o.breaches),
      detected: at(o.detected),
    };
  });
  return { regions, gAll: o.gAll, welfare: o.welfare };
}

/** docs/rules.md section 7 step 7: the state after the round. */
export function nextState(
  ctx: RoundCtx,
  state: WorldState,
  o: Outcome,
  decisions: Readonly<Record<string, Decision>>,
): WorldState {
  const { cm } = ctx;
  const next: WorldState = {
    round: state.round + 1,
    K: {},
    prev: {},
    promo: {},
    career: {},
    budget: {},
    pilotsUsed: {},
    lastInvest: {},
    lastBarriers: {},
  };
  cm.regionIds.forEach((id, i) => {
    const at = (arr: Float64Array) => arr[i] as number;
    const row: Record<string, number> = {};
    cm.sectorIds.forEach((k, kk) => {
      row[k] = o.Knew[i * cm.s + kk] as number;
    });
    next.K[id] = row;
    next.prev[id] = { gdp: at(o.gdp), consBase: at(o.consBase) };
    next.promo[id] = (state.promo[id] ?? 0) + at(o.score);
    next.career[id] = (state.career[id] ?? 0) + at(o.career);
    next.budget[id] = (state.budget[id] ?? 0) + at(o.tax) - at(o.outlay) + at(o.inflow);
    next.pilotsUsed[id] = (state.pilotsUsed[id] ?? 0) + (ctx.flags.A ? at(o.pilotsHonoured) : 0);
    const d = decisions[id];
    next.lastInvest[id] = d ? d.invest : (state.lastInvest[id] ?? null);
    next.lastBarriers[id] = d ? [...d.barriers] : [...(state.lastBarriers[id] ?? [])];
  });
  return next;
}

export interface Resolution {
  results: RoundResults;
  state: WorldState;
}

/** Resolves round state.round + 1 with the drawn shocks and audits. */
export function resolveRound(
  rules: WorldRules,
  treatments: readonly Treatment[],
  state: WorldState,
  agreements: readonly Agreement[],
  decisions: Readonly<Record<string, Decision>>,
  draws: Draws,
): Resolution {
  const ctx = prepareRound(rules, treatments, state);
  const o = settle(
    ctx,
    compileAgreements(ctx.cm, agreements),
    compileDecisions(ctx.cm, agreements, decisions),
    exactDraws(rules.params, agreements, draws),
  );
  return { results: outcomeToResults(ctx.cm, o), state: nextState(ctx, state, o, decisions) };
}

/** The exact expectation of every per-region figure and of welfare over project shocks and audits. */
export function expectedOutcome(
  rules: WorldRules,
  treatments: readonly Treatment[],
  state: WorldState,
  agreements: readonly Agreement[],
  decisions: Readonly<Record<string, Decision>>,
): RoundResults {
  const ctx = prepareRound(rules, treatments, state);
  const o = settle(
    ctx,
    compileAgreements(ctx.cm, agreements),
    compileDecisions(ctx.cm, agreements, decisions),
    expectedDraws(rules.params, agreements.length, ctx.flags.E),
  );
  return outcomeToResults(ctx.cm, o);
}
