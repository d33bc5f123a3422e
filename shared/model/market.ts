// docs/rules.md section 7 "Market(K, β)" and the market's choice of investment used under reform B.
import type { CompiledMap } from './compiled.js';

export interface MarketResult {
  /** Sales of each region's producers in every market, including its own. */
  trade: Float64Array;
  /** Consumer value in each region's market. */
  cons: Float64Array;
  /** Sales of each region's producers in other regions' markets. */
  crossBorder: Float64Array;
}

export function newMarketResult(n: number): MarketResult {
  return { trade: new Float64Array(n), cons: new Float64Array(n), crossBorder: new Float64Array(n) };
}

/**
 * Runs the market. K[i*s+k] are capacities; blocked[j*n+i] = 1 when importer j blocks i (β_ji), or null for
 * open borders. Writes into `out` (allocated when absent) so inner loops need not allocate.
 */
export function runMarket(
  cm: CompiledMap,
  K: Float64Array,
  blocked: Uint8Array | null,
  out?: MarketResult,
): MarketResult {
  const { n, s, a, access, theta, margin, Z, M, barrierCut } = cm;
  const res = out ?? newMarketResult(n);
  res.trade.fill(0);
  res.cons.fill(0);
  res.crossBorder.fill(0);
  const sold = scratch(n);
  for (let k = 0; k < s; k++) {
    const th = theta[k] as number;
    const mk = margin[k] as number;
    const zk = Z[k] as number;
    for (let j = 0; j < n; j++) {
      let S = 0;
      for (let i = 0; i < n; i++) {
        let phi = 1;
        if (i !== j) {
          phi = access[i * n + j] as number;
          if (blocked !== null && blocked[j * n + i] === 1) phi *= 1 - barrierCut;
        }
        const q = (a[i * s + k] as number) * (K[i * s + k] as number) * phi;
        sold[i] = q;
        S += q;
      }
      const D = th * (M[j] as number);
      const f = (mk * D) / (S + zk);
      for (let i = 0; i < n; i++) {
        const v = f * (sold[i] as number);
        res.trade[i] = (res.trade[i] as number) + v;
        if (i !== j) res.crossBorder[i] = (res.crossBorder[i] as number) + v;
      }
      res.cons[j] = (res.cons[j] as number) + f * S;
    }
  }
  return res;
}

let scratchBuf = new Float64Array(8);
function scratch(n: number): Float64Array {
  if (scratchBuf.length < n) scratchBuf = new Float64Array(n);
  return scratchBuf;
}

/**
 * Σ_i trade_i of sector k with open borders. Total trade is a sum over sectors, so a unit of capacity in one
 * sector changes only that sector's term: the market's choice needs one sector evaluated per candidate.
 */
export function sectorTradeOpen(cm: CompiledMap, K: Float64Array, k: number, bumpRegion = -1): number {
  const { n, s, a, access, theta, margin, Z, M } = cm;
  const mk = margin[k] as number;
  const zk = Z[k] as number;
  const th = theta[k] as number;
  let total = 0;
  for (let j = 0; j < n; j++) {
    let S = 0;
    for (let i = 0; i < n; i++) {
      const cap = (K[i * s + k] as number) + (i === bumpRegion ? 1 : 0);
      S += (a[i * s + k] as number) * cap * (access[i * n + j] as number);
    }
    total += (mk * th * (M[j] as number) * S) / (S + zk);
  }
  return total;
}

/**
 * The market's choice for region i (reform B): the sector k, in order, that maximises Σ trade with K_ik + 1 and
 * no barriers, on the capacities before this round's investment; a later sector wins only if better by > 1e-12.
 */
export function marketChoice(cm: CompiledMap, K: Float64Array, i: number): number {
  const base = new Float64Array(cm.s);
  let sum = 0;
  for (let k = 0; k < cm.s; k++) {
    base[k] = sectorTradeOpen(cm, K, k);
    sum += base[k] as number;
  }
  let best = -1;
  let bestValue = -Infinity;
  for (let k = 0; k < cm.s; k++) {
    const v = sum - (base[k] as number) + sectorTradeOpen(cm, K, k, i);
    if (best < 0 || v > bestValue + 1e-12) {
      best = k;
      bestValue = v;
    }
  }
  return best;
}
