// docs/rules.md section 9: the debrief metrics of one world and round, computed from the round's inputs and outcome.
import { benchmarkWelfare } from './benchmark.js';
import { newMarketResult, runMarket } from './market.js';
import {
  newOutcome,
  settle,
  type CAgreement,
  type CDecisions,
  type CDraws,
  type Outcome,
  type RoundCtx,
} from './settle.js';

export type MoveKind = 'barrier' | 'invest' | 'breach';

export interface LoseLoseMove {
  regionId: string;
  move: MoveKind;
  /** The blocked region, the invested sector or the breached agreement. */
  target: string;
  gdpLost: number;
  scoreGained: number;
}

export interface RoundMetrics {
  linkedPairs: number;
  signed: number;
  cooperation: number;
  cooperationOpenMarket: number;
  cooperationProject: number;
  effectiveCooperation: number;
  breaches: number;
  breachRate: number | null;
  detected: number;
  detectionRate: number | null;
  welfare: number;
  benchmark: number;
  welfareRatio: number;
  welfareLost: number;
  cumulativeWelfareLost: number;
  gini: number;
  maxMinRatio: number;
  duplicateShare: number;
  similarity: number;
  segmentation: number;
  linksBlocked: number;
  tradeSegmentation: number;
  loseLoseMoves: LoseLoseMove[];
  fiscal: Record<string, { origin: number; destination: number }>;
}

export interface MetricsInput {
  ctx: RoundCtx;
  agreements: readonly CAgreement[];
  agreementIds: readonly string[];
  decisions: CDecisions;
  draws: CDraws;
  outcome: Outcome;
  cumulativeWelfareLostBefore: number;
}

export function gini(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 0 || mean === 0) return 0;
  let diff = 0;
  for (const x of values) for (const y of values) diff += Math.abs(x - y);
  return diff / (2 * n * n * mean);
}

/** Mean pairwise UNIDO similarity of capacity shares. */
export function structuralSimilarity(K: Float64Array, n: number, s: number): number {
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let si = 0;
      let sj = 0;
      for (let k = 0; k < s; k++) {
        si += K[i * s + k] as number;
        sj += K[j * s + k] as number;
      }
      let dot = 0;
      let ni = 0;
      let nj = 0;
      for (let k = 0; k < s; k++) {
        const x = si > 0 ? (K[i * s + k] as number) / si : 0;
        const y = sj > 0 ? (K[j * s + k] as number) / sj : 0;
        dot += x * y;
        ni += x * x;
        nj += y * y;
      }
      total += ni > 0 && nj > 0 ? dot / Math.sqrt(ni * nj) : 0;
      pairs++;
    }
  }
  return pairs > 0 ? total / pairs : 0;
}

export function computeMetrics(input: MetricsInput): RoundMetrics {
  const { ctx, agreements, decisions, outcome: o } = input;
  const { cm } = ctx;
  const { n, s } = cm;
  const linkedPairs = cm.pairs.length;
  const pairState = new Map<number, { any: boolean; om: boolean; pr: boolean; allHonoured: boolean }>();
  let breaches = 0;
  let detected = 0;
  agreements.forEach((ag, g) => {
    const key = Math.min(ag.a, ag.b) * n + Math.max(ag.a, ag.b);
    const st = pairState.get(key) ?? { any: false, om: false, pr: false, allHonoured: true };
    st.any = true;
    if (ag.type === 0) st.om = true;
    else st.pr = true;
    const breachA = ag.type === 0 ? decisions.blocked[ag.a * n + ag.b] === 1 : decisions.pay[2 * g] !== 1;
    const breachB = ag.type === 0 ? decisions.blocked[ag.b * n + ag.a] === 1 : decisions.pay[2 * g + 1] !== 1;
    const nb = (breachA ? 1 : 0) + (breachB ? 1 : 0);
    if (nb > 0) st.allHonoured = false;
    breaches += nb;
    detected += nb * (input.draws.pAudit[g] as number);
    pairState.set(key, st);
  });
  const count = (f: (v: { any: boolean; om: boolean; pr: boolean; allHonoured: boolean }) => boolean) =>
    [...pairState.values()].filter(f).length;
  const rate = (x: number) => (linkedPairs > 0 ? x / linkedPairs : 0);

  const benchmark = benchmarkWelfare(ctx);
  const welfareLost = benchmark - o.welfare;
  const perCapita = Array.from({ length: n }, (_, i) => (o.gdp[i] as number) / (cm.pop[i] as number));
  const minPc = Math.min(...perCapita);

  let barriers = 0;
  let linkedBlocked = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      if (i === j || decisions.blocked[j * n + i] !== 1) continue;
      barriers++;
      if (cm.linked[j * n + i] === 1) linkedBlocked++;
    }
  }
  const open = runMarket(cm, o.Knew, null, newMarketResult(n));
  let crossActual = 0;
  let crossOpen = 0;
  for (let i = 0; i < n; i++) {
    crossActual += o.market.crossBorder[i] as number;
    crossOpen += open.crossBorder[i] as number;
  }
  let dups = 0;
  for (let i = 0; i < n; i++) dups += o.dup[i] as number;

  const { rate: taxRate, localShare } = ctx.params.tax;
  const fiscal: RoundMetrics['fiscal'] = {};
  cm.regionIds.forEach((id, i) => {
    fiscal[id] = {
      origin: localShare * taxRate * (o.gdp[i] as number),
      destination: localShare * taxRate * (o.consBase[i] as number),
    };
  });

  return {
    linkedPairs,
    signed: agreements.length,
    cooperation: rate(count((v) => v.any)),
    cooperationOpenMarket: rate(count((v) => v.om)),
    cooperationProject: rate(count((v) => v.pr)),
    effectiveCooperation: rate(count((v) => v.any && v.allHonoured)),
    breaches,
    breachRate: agreements.length > 0 ? breaches / (2 * agreements.length) : null,
    detected,
    detectionRate: breaches > 0 ? detected / breaches : null,
    welfare: o.welfare,
    benchmark,
    welfareRatio: benchmark > 0 ? o.welfare / benchmark : 0,
    welfareLost,
    cumulativeWelfareLost: input.cumulativeWelfareLostBefore + welfareLost,
    gini: gini(perCapita),
    maxMinRatio: minPc > 0 ? Math.max(...perCapita) / minPc : 0,
    duplicateShare: dups / n,
    similarity: structuralSimilarity(o.Knew, n, s),
    segmentation: n > 1 ? barriers / (n * (n - 1)) : 0,
    linksBlocked: linkedPairs > 0 ? linkedBlocked / (2 * linkedPairs) : 0,
    tradeSegmentation: crossOpen > 0 ? 1 - crossActual / crossOpen : 0,
    loseLoseMoves: loseLoseMoves(input),
    fiscal,
  };
}

/** Moves that lowered the region's own output yet raised its score, each against the same round without it. */
export function loseLoseMoves(input: MetricsInput): LoseLoseMove[] {
  const { ctx, agreements, agreementIds, decisions, draws, outcome: o } = input;
  const { cm } = ctx;
  const { n } = cm;
  const out: LoseLoseMove[] = [];
  const scratch = newOutcome(n, cm.s);
  const check = (i: number, move: MoveKind, target: string, alt: CDecisions) => {
    const cf = settle(ctx, agreements, alt, draws, scratch);
    const gdpLost = (cf.gdp[i] as number) - (o.gdp[i] as number);
    const scoreGained = (o.score[i] as number) - (cf.score[i] as number);
    if (gdpLost > 1e-12 && scoreGained > 1e-12)
      out.push({ regionId: cm.regionIds[i] as string, move, target, gdpLost, scoreGained });
  };
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < n; t++) {
      if (t === i || decisions.blocked[i * n + t] !== 1) continue;
      const blocked = Uint8Array.from(decisions.blocked);
      blocked[i * n + t] = 0;
      check(i, 'barrier', cm.regionIds[t] as string, { ...decisions, blocked });
    }
    if (o.dup[i] === 1) {
      const invest = Int32Array.from(decisions.invest);
      invest[i] = cm.strength[i] as number;
      check(i, 'invest', cm.sectorIds[decisions.invest[i] as number] as string, { ...decisions, invest });
    }
    agreements.forEach((ag, g) => {
      if (ag.type !== 1) return;
      const slot = ag.a === i ? 2 * g : ag.b === i ? 2 * g + 1 : -1;
      if (slot < 0 || decisions.pay[slot] === 1) return;
      const pay = Uint8Array.from(decisions.pay);
      pay[slot] = 1;
      check(i, 'breach', agreementIds[g] as string, { ...decisions, pay });
    });
  }
  return out;
}
