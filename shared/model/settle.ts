// The arithmetic of docs/rules.md section 7 on flat arrays. Every figure is linear in the random events (project shocks and
// audits), so one pass with each event's probability in place of its 0/1 outcome gives the exact expectation,
// and a pass with the drawn outcomes gives the realised round. `resolveRound` and `expectedOutcome` wrap this.
import type { CompiledMap } from './compiled.js';
import type { ReformFlags } from './ids.js';
import { marketChoice, newMarketResult, runMarket, type MarketResult } from './market.js';
import type { Params } from './params.js';

export type Flags = ReformFlags;

/** Everything about a round that does not depend on the players' choices. */
export interface RoundCtx {
  cm: CompiledMap;
  params: Params;
  flags: Flags;
  K: Float64Array;
  prevGdp: Float64Array;
  prevCons: Float64Array;
  Tprev: Float64Array;
  pilotsUsed: Float64Array;
  /** Lazily computed market choice per region (reform B). */
  choice: Int32Array | null;
}

export function makeCtx(
  cm: CompiledMap,
  params: Params,
  flags: Flags,
  K: Float64Array,
  prevGdp: Float64Array,
  prevCons: Float64Array,
  pilotsUsed: Float64Array,
): RoundCtx {
  const { rate, localShare } = params.tax;
  const Tprev = new Float64Array(cm.n);
  for (let i = 0; i < cm.n; i++) Tprev[i] = localShare * rate * ((flags.D2 ? prevCons[i] : prevGdp[i]) as number);
  return { cm, params, flags, K, prevGdp, prevCons, Tprev, pilotsUsed, choice: null };
}

export function marketChoices(ctx: RoundCtx): Int32Array {
  if (!ctx.choice) {
    const c = new Int32Array(ctx.cm.n);
    for (let i = 0; i < ctx.cm.n; i++) c[i] = marketChoice(ctx.cm, ctx.K, i);
    ctx.choice = c;
  }
  return ctx.choice;
}

export interface CAgreement {
  /** 0 = openMarket, 1 = project. */
  type: 0 | 1;
  a: number;
  b: number;
  host: number;
  hostShare: number;
  sidePayment: number;
}

export interface CDecisions {
  invest: Int32Array;
  /** blocked[j*n+i] = 1 when j blocks i's goods. */
  blocked: Uint8Array;
  /** pay[2*g] / pay[2*g+1]: 1 when a / b honours project agreement g (ignored for openMarket). */
  pay: Uint8Array;
}

/** Per agreement: E[1 + σε], P(ε < 0), P(audited). Exact outcomes use 0/1 probabilities. */
export interface CDraws {
  factor: Float64Array;
  pNeg: Float64Array;
  pAudit: Float64Array;
}

export interface Outcome {
  gdp: Float64Array;
  consBase: Float64Array;
  g: Float64Array;
  tax: Float64Array;
  outlay: Float64Array;
  inflow: Float64Array;
  fiscalGrowth: Float64Array;
  score: Float64Array;
  career: Float64Array;
  dup: Uint8Array;
  nBar: Float64Array;
  honoured: Float64Array;
  breaches: Float64Array;
  detected: Float64Array;
  promoAdj: Float64Array;
  projGdp: Float64Array;
  pilotsHonoured: Float64Array;
  /** Outlays of steps 1-2 (investment override and barrier review under B). */
  baseOutlay: Float64Array;
  Knew: Float64Array;
  market: MarketResult;
  /** The buffer behind inflow, honoured, breaches, detected, promoAdj, projGdp and pilotsHonoured. */
  accumulators: Float64Array;
  gAll: number;
  welfare: number;
  realCost: number;
}

export function newOutcome(n: number, s: number): Outcome {
  const f = () => new Float64Array(n);
  // The figures step 3 accumulates share one buffer, so clearing them is one fill.
  const acc = new Float64Array(7 * n);
  const part = (k: number) => acc.subarray(k * n, (k + 1) * n);
  return {
    gdp: f(),
    consBase: f(),
    g: f(),
    tax: f(),
    outlay: f(),
    inflow: part(0),
    fiscalGrowth: f(),
    score: f(),
    career: f(),
    dup: new Uint8Array(n),
    nBar: f(),
    honoured: part(1),
    breaches: part(2),
    detected: part(3),
    promoAdj: part(4),
    projGdp: part(5),
    pilotsHonoured: part(6),
    baseOutlay: f(),
    Knew: new Float64Array(n * s),
    market: newMarketResult(n),
    gAll: 0,
    welfare: 0,
    realCost: 0,
    accumulators: acc,
  };
}

function resetAgreements(o: Outcome): void {
  o.outlay.set(o.baseOutlay);
  o.accumulators.fill(0);
  o.realCost = 0;
}

function inc(arr: Float64Array, i: number, v: number): void {
  arr[i] = (arr[i] as number) + v;
}

/** A party pays its contribution to a project (co-funded under A until its first pilot), and bears blame or earns recognition. */
function contribute(ctx: RoundCtx, o: Outcome, x: number, pNeg: number): void {
  const { params, flags } = ctx;
  const c = params.project.kappa * (ctx.Tprev[x] as number);
  o.realCost += c;
  inc(o.outlay, x, flags.A && ctx.pilotsUsed[x] === 0 ? c * (1 - params.A.pilotCofund) : c);
  if (flags.A) {
    inc(o.promoAdj, x, params.A.recognition * (1 - pNeg));
    inc(o.pilotsHonoured, x, 1);
  } else {
    inc(o.promoAdj, x, -params.blame * pNeg);
  }
}

/** The audit of one party of an agreement: breaches are counted and, when detected, sanctioned. */
function audit(
  ctx: RoundCtx,
  o: Outcome,
  isProject: boolean,
  x: number,
  other: number,
  honoured: boolean,
  otherHonoured: boolean,
  pAudit: number,
): void {
  if (honoured) {
    inc(o.honoured, x, 1);
    return;
  }
  inc(o.breaches, x, 1);
  if (pAudit === 0) return;
  const enf = ctx.flags.E ? ctx.params.enforcementE : ctx.params.enforcement;
  const tprev = ctx.Tprev[x] as number;
  inc(o.detected, x, pAudit);
  inc(o.outlay, x, enf.fineShare * tprev * pAudit);
  inc(o.promoAdj, x, -enf.promoPenalty * pAudit);
  if (enf.compensate && isProject && otherHonoured) {
    const r = ctx.params.project.kappa * tprev * pAudit;
    inc(o.outlay, x, r);
    inc(o.inflow, other, r);
  }
}

/** docs/rules.md section 7, steps 1-6. `out` is overwritten and returned. */
export function settle(
  ctx: RoundCtx,
  agreements: readonly CAgreement[],
  dec: CDecisions,
  draws: CDraws,
  out?: Outcome,
): Outcome {
  const o = out ?? newOutcome(ctx.cm.n, ctx.cm.s);
  settleMarket(ctx, dec, o);
  return settleAgreements(ctx, agreements, dec, draws, o);
}

/** Steps 1-2: investment, barriers and the market. Depends only on invest and barriers. */
export function settleMarket(ctx: RoundCtx, dec: CDecisions, o: Outcome): void {
  const { cm, params, flags, Tprev } = ctx;
  const { n, s } = cm;
  const outlay = o.baseOutlay;
  outlay.fill(0);
  o.Knew.set(ctx.K);
  const choice = flags.B ? marketChoices(ctx) : null;
  for (let i = 0; i < n; i++) {
    const k = dec.invest[i] as number;
    if (choice && k !== choice[i]) inc(outlay, i, params.B.overrideCost * (Tprev[i] as number));
    o.dup[i] = k !== cm.strength[i] ? 1 : 0;
    inc(o.Knew, i * s + k, 1);
  }
  for (let j = 0; j < n; j++) {
    let nb = 0;
    for (let i = 0; i < n; i++) if (i !== j && dec.blocked[j * n + i] === 1) nb++;
    o.nBar[j] = nb;
    if (flags.B) inc(outlay, j, params.B.barrierReviewCost * (Tprev[j] as number) * nb);
  }
  runMarket(cm, o.Knew, dec.blocked, o.market);
}

/** Steps 3-6 on the market of `settleMarket` (same invest and barriers); compliance may differ. */
export function settleAgreements(
  ctx: RoundCtx,
  agreements: readonly CAgreement[],
  dec: CDecisions,
  draws: CDraws,
  o: Outcome,
): Outcome {
  const { cm, params, flags, prevGdp, Tprev } = ctx;
  const { n } = cm;
  resetAgreements(o);
  const { outlay, inflow, projGdp, market } = o;

  // 3. Agreements, in list order.
  const { gamma } = params.project;
  for (let g = 0; g < agreements.length; g++) {
    const ag = agreements[g] as CAgreement;
    const pAudit = draws.pAudit[g] as number;
    let honA: boolean;
    let honB: boolean;
    if (ag.type === 0) {
      honA = dec.blocked[ag.a * n + ag.b] !== 1;
      honB = dec.blocked[ag.b * n + ag.a] !== 1;
    } else {
      honA = dec.pay[2 * g] === 1;
      honB = dec.pay[2 * g + 1] === 1;
      const paying = (honA ? 1 : 0) + (honB ? 1 : 0);
      const V =
        (gamma * ((prevGdp[ag.a] as number) + (prevGdp[ag.b] as number)) * (draws.factor[g] as number) * paying) / 2;
      const pNeg = draws.pNeg[g] as number;
      if (honA) contribute(ctx, o, ag.a, pNeg);
      if (honB) contribute(ctx, o, ag.b, pNeg);
      const partner = ag.host === ag.a ? ag.b : ag.a;
      if (flags.D3) {
        inc(projGdp, ag.host, ag.hostShare * V);
        inc(projGdp, partner, (1 - ag.hostShare) * V);
      } else {
        inc(projGdp, ag.host, V);
      }
      const hostPaid = ag.host === ag.a ? honA : honB;
      if (ag.sidePayment > 0 && V > 0 && hostPaid) {
        inc(outlay, ag.host, ag.sidePayment);
        inc(inflow, partner, ag.sidePayment);
      }
    }
    audit(ctx, o, ag.type === 1, ag.a, ag.b, honA, honB, pAudit);
    audit(ctx, o, ag.type === 1, ag.b, ag.a, honB, honA, pAudit);
  }

  // 4. Output.
  const { rate, localShare } = params.tax;
  let sumGdp = 0;
  let sumPrev = 0;
  for (let i = 0; i < n; i++) {
    const gdp = (market.trade[i] as number) + (cm.Y0[i] as number) + (projGdp[i] as number);
    const cons = (market.cons[i] as number) + (cm.Y0[i] as number) + (projGdp[i] as number);
    o.gdp[i] = gdp;
    o.consBase[i] = cons;
    o.g[i] = gdp / (prevGdp[i] as number) - 1;
    o.tax[i] = localShare * rate * (flags.D2 ? cons : gdp);
    o.fiscalGrowth[i] =
      ((o.tax[i] as number) - (outlay[i] as number) + (inflow[i] as number)) / (Tprev[i] as number) - 1;
    sumGdp += gdp;
    sumPrev += prevGdp[i] as number;
  }
  o.gAll = sumGdp / sumPrev - 1;

  // 5. Score and career points.
  const { scale, wFiscal } = params;
  let sumG = 0;
  for (let i = 0; i < n; i++) sumG += o.g[i] as number;
  const sc = params.science;
  for (let i = 0; i < n; i++) {
    let score: number;
    if (flags.D1) {
      score =
        scale * ((1 - sc.omega) * ((o.g[i] as number) - sc.target) + sc.omega * (o.gAll - sc.target)) +
        sc.coopCredit * (o.honoured[i] as number) -
        sc.breachPenalty * (o.detected[i] as number) -
        sc.barrierPenalty * (o.nBar[i] as number) -
        sc.dupPenalty * (o.dup[i] as number);
    } else {
      score = scale * ((o.g[i] as number) - (sumG - (o.g[i] as number)) / (n - 1));
    }
    score += o.promoAdj[i] as number;
    o.score[i] = score;
    o.career[i] = score + wFiscal * scale * (o.fiscalGrowth[i] as number);
  }

  // 6. Welfare.
  o.welfare = sumGdp - o.realCost;
  return o;
}
